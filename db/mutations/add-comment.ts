import { transact } from "../transact";
import type { CommentSubject } from "@/lib/comments/comment-subject";
import { formatDateOrInstant } from "@/lib/time";
import { commentInputSchema } from "@/lib/validations/comment-input";
import { parseInput } from "@/lib/validations/parse-input";
import type { Db } from "../index";
import { appendToLog } from "../append-log";
import { getComment } from "../queries/get-comment";
import { findCommentSubject } from "../queries/find-comment-subject";
import { comments } from "../schema";
import { syncMentions } from "./sync-mentions";
import type { WriteArgs } from "./write-args";

/**
 * A comment on an item or a claim (DESIGN §13): stored with the people it @mentions, and logged
 * with its whole text. It changes no figure. The API routes and the pages' form come through here;
 * they check the role (contributor and up).
 * `input` is `{ body }`.
 */
export interface AddCommentArgs extends WriteArgs {
  subject: CommentSubject;
}

export async function addComment(db: Db, { slug, subject, input, actor, now = Date.now() }: AddCommentArgs) {
  const { body } = parseInput(commentInputSchema, input, "comment");
  return await transact(db, async (tx) => {
    const found = await findCommentSubject(tx, slug, subject);
    const row = (await tx
      .insert(comments)
      .values({ programId: found.program.id, itemId: found.itemId, claimId: found.claimId, authorId: actor.id, body, createdAt: now })
      .returning({ id: comments.id }))[0];
    const mentions = await syncMentions(tx, { commentId: row.id, body, now });
    await appendToLog(tx, {
      actor: actor.email,
      action: "create",
      entity: "comment",
      entityId: String(row.id),
      programSlug: slug,
      payload: { ...subject, by: actor.email, createdAt: formatDateOrInstant(now), body, mentions },
    }, new Date(now));
    return await getComment(tx, slug, row.id, actor.id);
  });
}
