import { and, desc, eq, gt, isNull, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { commentExcerpt } from "@/lib/comments/comment-excerpt";
import { commentLink } from "@/lib/comments/comment-subject";
import { formatDateOrInstant } from "@/lib/time";
import type { Db } from "../index";
import { claims, commentMentions, comments, items, people, programs } from "../schema";

const author = alias(people, "author");

/** A comment that @mentions a person, as their "My work" list shows it. */
export interface Mention {
  commentId: number;
  program: { slug: string; name: string };
  /** The item's key, or null for a comment on a claim. */
  item: string | null;
  /** The claim's id, or null for a comment on an item. */
  claim: string | null;
  byName: string;
  /** When the comment was written. */
  createdAt: string;
  /** When the mention appeared: the comment's writing, or the edit that added it. */
  mentionedAt: string;
  editedAt: string | null;
  excerpt: string;
  link: string;
}

export interface ListMentionsOptions {
  /** Only mentions that appeared after this instant (ms): what is new since a person last looked. */
  since?: number;
  /** At most this many, newest first (default 100). */
  limit?: number;
}

/**
 * The comments whose current text @mentions the person, newest mention first. A deleted comment
 * mentions nobody; a person's own comments are left out (nobody needs telling what they wrote).
 * One indexed walk of comment_mentions by (person, time).
 */
export async function listMentions(db: Db, personId: number, { since, limit = 100 }: ListMentionsOptions = {}): Promise<Mention[]> {
  return (await db
    .select({
      m: commentMentions,
      c: { id: comments.id, body: comments.body, createdAt: comments.createdAt, editedAt: comments.editedAt },
      program: { slug: programs.slug, name: programs.name },
      itemKey: items.key,
      claimKey: claims.claimKey,
      byName: author.name,
    })
    .from(commentMentions)
    .innerJoin(comments, eq(commentMentions.commentId, comments.id))
    .innerJoin(programs, eq(comments.programId, programs.id))
    .innerJoin(author, eq(comments.authorId, author.id))
    .leftJoin(items, eq(comments.itemId, items.id))
    .leftJoin(claims, eq(comments.claimId, claims.id))
    .where(
      and(
        eq(commentMentions.personId, personId),
        since === undefined ? undefined : gt(commentMentions.mentionedAt, since),
        isNull(comments.deletedAt),
        ne(comments.authorId, personId),
      ),
    )
    .orderBy(desc(commentMentions.mentionedAt), desc(comments.id))
    .limit(limit))
    .map((r) => ({
      commentId: r.c.id,
      program: r.program,
      item: r.itemKey,
      claim: r.claimKey,
      byName: r.byName,
      createdAt: formatDateOrInstant(r.c.createdAt),
      mentionedAt: formatDateOrInstant(r.m.mentionedAt),
      editedAt: r.c.editedAt === null ? null : formatDateOrInstant(r.c.editedAt),
      excerpt: commentExcerpt(r.c.body),
      link: commentLink(r.program.slug, r.itemKey !== null ? { item: r.itemKey } : { claim: r.claimKey! }, r.c.id),
    }));
}
