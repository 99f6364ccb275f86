import { transact } from "../transact";
import { and, eq } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { checkExpectedVersion } from "@/lib/http/expected-version";
import { formatDateOrInstant } from "@/lib/time";
import { commentEditSchema } from "@/lib/validations/comment-input";
import { parseInput } from "@/lib/validations/parse-input";
import type { Db } from "../index";
import { appendToLog } from "../append-log";
import { getComment } from "../queries/get-comment";
import { comments } from "../schema";
import { findOwnComment } from "./own-comment";
import { syncMentions } from "./sync-mentions";
import type { VersionedWriteArgs } from "./write-args";

/**
 * Its author rewrites a comment, under optimistic concurrency like every edit (`version` from the
 * body or If-Match). The new text is logged whole, so every earlier text stays readable in the log,
 * one entry per version. The same text again changes nothing and writes nothing.
 * `input` is `{ body, version? }`.
 */
export interface EditCommentArgs extends VersionedWriteArgs {
  commentId: number;
}

export async function editComment(db: Db, { slug, commentId, input, expectedVersion, actor, now = Date.now() }: EditCommentArgs) {
  const { body, version } = parseInput(commentEditSchema, input, "comment");
  return await transact(db, async (tx) => {
    const comment = await findOwnComment(tx, { slug, commentId, actor, verb: "edit" });
    checkExpectedVersion(`comment #${commentId}`, comment.version, version, expectedVersion);
    if (comment.body === body) return await getComment(tx, slug, commentId, actor.id);
    const updated = (await tx
      .update(comments)
      .set({ body, editedAt: now, version: comment.version + 1 })
      .where(and(eq(comments.id, commentId), eq(comments.version, comment.version)))
      .returning({ version: comments.version }))[0];
    if (!updated) throw new AppError("conflict", `comment #${commentId} was changed by someone else; reload and retry`);
    const mentions = await syncMentions(tx, { commentId, body, now });
    await appendToLog(tx, {
      actor: actor.email,
      action: "update",
      entity: "comment",
      entityId: String(commentId),
      programSlug: slug,
      payload: { body, mentions, editedAt: formatDateOrInstant(now), version: updated.version },
    }, new Date(now));
    return await getComment(tx, slug, commentId, actor.id);
  });
}
