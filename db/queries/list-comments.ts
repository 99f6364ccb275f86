import { and, eq, lte } from "drizzle-orm";
import type { CommentSubject } from "@/lib/comments/comment-subject";
import type { Db } from "../index";
import { comments } from "../schema";
import { readCommentViews, type CommentView } from "./comment-views";
import { findCommentSubject } from "./find-comment-subject";

export interface ListCommentsOptions {
  /** The person reading (their own comments come with `mine`), null for nobody in particular. */
  viewerId: number | null;
  /** Only comments written by then (a past "known at" view); their state is today's, deleted text never returns. */
  knownAt?: number;
}

/** The comments on an item or a claim, oldest first; a 404 AppError when the program or subject is unknown. */
export async function listComments(db: Db, slug: string, subject: CommentSubject, { viewerId, knownAt }: ListCommentsOptions): Promise<CommentView[]> {
  const found = await findCommentSubject(db, slug, subject);
  const on = found.itemId !== null ? eq(comments.itemId, found.itemId) : eq(comments.claimId, found.claimId!);
  return await readCommentViews(db, and(on, knownAt === undefined ? undefined : lte(comments.createdAt, knownAt)), viewerId);
}
