"use client";

import { useState } from "react";
import type { CommentView } from "@/db/queries/comment-views";
import { shortInstant } from "../item/short-instant";
import { Button } from "../ui/button";
import { FormMessage } from "../ui/form-message";
import { useKeptForm } from "../ui/use-kept-form";
import type { CommentActions } from "./comment-actions";
import { CommentBody } from "./comment-body";
import { CommentDeleteForm } from "./comment-delete-form";
import { CommentEditForm } from "./comment-edit-form";
import { bindAction } from "../ui/bind-action";

/**
 * One comment: who wrote it and when, whether it was edited, its text — or, once deleted, the line
 * that says who deleted it and when. Its author (and only they) gets Edit and Delete.
 */
export function CommentCard({ comment, actions }: { comment: CommentView; actions?: CommentActions }) {
  const heading = `Comment by ${comment.byName}, ${shortInstant(comment.createdAt)}`;
  if (comment.deletedAt !== null)
    return (
      <article id={`comment-${comment.id}`} aria-label={heading} className="scroll-mt-4 text-slate-600">
        <p className="italic">
          Comment deleted by {comment.byName} on <time dateTime={comment.deletedAt}>{comment.deletedAt.slice(0, 10)}</time>.
        </p>
      </article>
    );
  return (
    <article id={`comment-${comment.id}`} aria-label={heading} className="scroll-mt-4 space-y-1">
      <p className="text-xs text-slate-600">
        <span className="font-medium text-slate-900">{comment.byName}</span> commented{" "}
        <time dateTime={comment.createdAt}>{shortInstant(comment.createdAt)}</time>
        {comment.editedAt && (
          <>
            {" "}
            · edited <time dateTime={comment.editedAt}>{shortInstant(comment.editedAt)}</time>
          </>
        )}
      </p>
      {comment.mine && actions ? <OwnComment comment={comment} actions={actions} /> : <CommentBody body={comment.body!} mentions={comment.mentions} />}
    </article>
  );
}

/** The author's own comment: its text with Edit and Delete, or the edit form. */
function OwnComment({ comment, actions }: { comment: CommentView; actions: CommentActions }) {
  const [editing, setEditing] = useState(false);
  const edit = useKeptForm(bindAction(actions.editAction, actions.slug));
  const [closedAt, setClosedAt] = useState(0);
  // A saved edit closes the form; the page shows the new text.
  if (edit.state.status === "ok" && edit.answer !== closedAt) {
    setClosedAt(edit.answer);
    setEditing(false);
  }
  return (
    <div className="space-y-1">
      {editing ? (
        <CommentEditForm comment={comment} edit={edit} onCancel={() => setEditing(false)} />
      ) : (
        <>
          <CommentBody body={comment.body!} mentions={comment.mentions} />
          <div className="flex flex-wrap items-start gap-2 text-xs print:hidden">
            <Button variant="quiet" type="button" onClick={() => setEditing(true)} aria-label={`Edit comment ${comment.id}`}>
              Edit
            </Button>
            <CommentDeleteForm comment={comment} actions={actions} />
          </div>
          {edit.state.status === "ok" && <FormMessage state={edit.state} />}
        </>
      )}
    </div>
  );
}
