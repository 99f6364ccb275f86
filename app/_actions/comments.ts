"use server";

import { defineFormAction, formText } from "@/app/_lib/define-form-action";
import { addComment } from "@/db/mutations/add-comment";
import { deleteComment } from "@/db/mutations/delete-comment";
import { editComment } from "@/db/mutations/edit-comment";
import type { CommentSubject } from "@/lib/comments/comment-subject";
import { AppError, MAX_ROW_ID } from "@/lib/errors";

// Comments show on an item's or a claim's page: the program's pages are revalidated together.
const programPages = ([slug]: readonly string[]) => [`/programs/${slug}`, "layout"] as const;

/** The subject a comment form names: `on` is "item" or "claim", `ref` its key or id. */
function subjectOf(on: string, ref: string): CommentSubject {
  if (on === "item") return { item: ref };
  if (on === "claim") return { claim: ref };
  throw new AppError("invalid", "a comment is on an item or a claim");
}

/** A number the form sends (a comment id, a version), or NaN, which no comment has. */
const numberField = (form: FormData, name: string) => Number(formText(form, name) || Number.NaN);

export const addCommentAction = defineFormAction({
  args: ["slug", "on", "ref"] as const,
  permission: "comment",
  keep: ["body"],
  input: (form) => ({ body: formText(form, "body") }),
  run: async ({ db, actor, input, args: [slug, on, ref] }) => await addComment(db, { slug, subject: subjectOf(on, ref), input, actor }),
  success: "Comment added.",
  revalidate: programPages,
});

export const editCommentAction = defineFormAction({
  args: ["slug"] as const,
  permission: "comment",
  keep: ["body"],
  input: (form) => ({ commentId: numberField(form, "commentId"), body: formText(form, "body"), version: numberField(form, "version") }),
  run: async ({ db, actor, input: { commentId, body, version }, args: [slug] }) =>
    await editComment(db, { slug, commentId: validId(commentId), input: { body }, expectedVersion: Number.isSafeInteger(version) ? version : undefined, actor }),
  success: "Comment saved.",
  revalidate: programPages,
});

export const deleteCommentAction = defineFormAction({
  args: ["slug"] as const,
  permission: "comment",
  input: (form) => ({ commentId: numberField(form, "commentId") }),
  run: async ({ db, actor, input: { commentId }, args: [slug] }) => await deleteComment(db, { slug, commentId: validId(commentId), actor }),
  success: "Comment deleted.",
  revalidate: programPages,
});

function validId(id: number): number {
  if (!Number.isSafeInteger(id) || id <= 0 || id > MAX_ROW_ID) throw new AppError("not_found", "no such comment");
  return id;
}
