import { asc, eq, inArray, type SQL } from "drizzle-orm";
import { commentLink, type CommentSubject } from "@/lib/comments/comment-subject";
import { handleOf } from "@/lib/comments/mention-handle";
import { formatDateOrInstant } from "@/lib/time";
import type { Db, Tx } from "../index";
import { claims, commentMentions, comments, items, people, programs } from "../schema";

/**
 * A comment as pages and the API show it. People are named, never e-mailed (DESIGN §13): the
 * author by name and handle, the mentioned by handle and name. A deleted comment has no text and
 * mentions nobody; `deletedAt` says when its author deleted it.
 */
export interface CommentView {
  id: number;
  program: string;
  item: string | null;
  claim: string | null;
  byName: string;
  byHandle: string;
  /** Whether the person asking wrote it: only they may edit or delete it. */
  mine: boolean;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  body: string | null;
  mentions: { handle: string; name: string }[];
  version: number;
  /** The page that shows it, at the comment. */
  link: string;
}

/** Comments matching `where`, oldest first, shaped for a reader whose person id is `viewerId`. */
export async function readCommentViews(db: Db | Tx, where: SQL | undefined, viewerId: number | null): Promise<CommentView[]> {
  const rows = await db
    .select({ c: comments, slug: programs.slug, itemKey: items.key, claimKey: claims.claimKey, author: { name: people.name, email: people.email } })
    .from(comments)
    .innerJoin(programs, eq(comments.programId, programs.id))
    .innerJoin(people, eq(comments.authorId, people.id))
    .leftJoin(items, eq(comments.itemId, items.id))
    .leftJoin(claims, eq(comments.claimId, claims.id))
    .where(where)
    .orderBy(asc(comments.createdAt), asc(comments.id));
  const mentions = new Map<number, { handle: string; name: string }[]>();
  const ids = rows.map((r) => r.c.id);
  for (let i = 0; i < ids.length; i += 500)
    (await db.select({ commentId: commentMentions.commentId, email: people.email, name: people.name })
      .from(commentMentions)
      .innerJoin(people, eq(commentMentions.personId, people.id))
      .where(inArray(commentMentions.commentId, ids.slice(i, i + 500)))
      .orderBy(asc(commentMentions.commentId), asc(people.email)))
      .forEach((m) => mentions.set(m.commentId, [...(mentions.get(m.commentId) ?? []), { handle: handleOf(m.email), name: m.name }]));
  return rows.map(({ c, slug, itemKey, claimKey, author }) => {
    const subject: CommentSubject = itemKey !== null ? { item: itemKey } : { claim: claimKey! };
    const deleted = c.deletedAt !== null;
    return {
      id: c.id,
      program: slug,
      item: itemKey,
      claim: claimKey,
      byName: author.name,
      byHandle: handleOf(author.email),
      mine: c.authorId === viewerId,
      createdAt: formatDateOrInstant(c.createdAt),
      editedAt: c.editedAt === null ? null : formatDateOrInstant(c.editedAt),
      deletedAt: deleted ? formatDateOrInstant(c.deletedAt!) : null,
      body: deleted ? null : c.body,
      mentions: deleted ? [] : (mentions.get(c.id) ?? []),
      version: c.version,
      link: commentLink(slug, subject, c.id),
    };
  });
}
