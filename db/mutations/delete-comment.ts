import { transact } from "../transact";
import { and, eq } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { checkExpectedVersion } from "@/lib/http/expected-version";
import { formatDateOrInstant } from "@/lib/time";
import type { Db } from "../index";
import { appendToLog } from "../append-log";
import { getComment } from "../queries/get-comment";
import { comments, type Person } from "../schema";
import { findOwnComment } from "./own-comment";
import { syncMentions } from "./sync-mentions";

/**
 * Its author deletes a comment: its text leaves the page, the API and the bundle, and a line
 * "Comment deleted by … on …" stands in its place. The deletion is a log entry; the text the
 * earlier entries hold stays there (the log is never rewritten), shown to admins only.
 */
export interface DeleteCommentArgs {
  slug: string;
  commentId: number;
  /** The version read (If-Match), when the caller sends one: a stale one is a 409. */
  expectedVersion?: number;
  actor: Person;
  now?: number;
}

export async function deleteComment(db: Db, { slug, commentId, expectedVersion, actor, now = Date.now() }: DeleteCommentArgs) {
  return await transact(db, async (tx) => {
    const comment = await findOwnComment(tx, { slug, commentId, actor, verb: "delete" });
    if (expectedVersion !== undefined) checkExpectedVersion(`comment #${commentId}`, comment.version, undefined, expectedVersion);
    const updated = (await tx
      .update(comments)
      .set({ body: "", deletedAt: now, version: comment.version + 1 })
      .where(and(eq(comments.id, commentId), eq(comments.version, comment.version)))
      .returning({ version: comments.version }))[0];
    if (!updated) throw new AppError("conflict", `comment #${commentId} was changed by someone else; reload and retry`);
    await syncMentions(tx, { commentId, body: null, now });
    await appendToLog(tx, {
      actor: actor.email,
      action: "delete",
      entity: "comment",
      entityId: String(commentId),
      programSlug: slug,
      payload: { deletedAt: formatDateOrInstant(now), version: updated.version },
    }, new Date(now));
    return await getComment(tx, slug, commentId, actor.id);
  });
}
