import { firstRow } from "../first-row";
import { and, eq } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { formatDateOrInstant } from "@/lib/time";
import type { Tx } from "../index";
import { getProgramOrThrow } from "../queries/get-program-or-throw";
import { comments, people, type Comment, type Person } from "../schema";

/**
 * The comment `actor` means to edit or delete, checked (DESIGN §13): it exists in the program
 * (404), `actor` wrote it — nobody else, an admin neither (403) — and it is not deleted (409).
 */
export async function findOwnComment(tx: Tx, { slug, commentId, actor, verb }: { slug: string; commentId: number; actor: Person; verb: "edit" | "delete" }): Promise<Comment> {
  const program = await getProgramOrThrow(tx, slug);
  const row = await firstRow(tx
    .select({ c: comments, author: people.name })
    .from(comments)
    .innerJoin(people, eq(comments.authorId, people.id))
    .where(and(eq(comments.id, commentId), eq(comments.programId, program.id)))
    );
  if (!row) throw new AppError("not_found", `no comment #${commentId} in program "${slug}"`);
  if (row.c.authorId !== actor.id) throw new AppError("forbidden", `only its author (${row.author}) may ${verb} comment #${commentId}`);
  if (row.c.deletedAt !== null)
    throw new AppError("conflict", `comment #${commentId} was deleted on ${formatDateOrInstant(row.c.deletedAt)}: a deleted comment cannot be ${verb === "edit" ? "edited" : "deleted again"}`);
  return row.c;
}
