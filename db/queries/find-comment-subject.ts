import { firstRow } from "../first-row";
import { and, eq } from "drizzle-orm";
import { describeSubject, type CommentSubject } from "@/lib/comments/comment-subject";
import { AppError } from "@/lib/errors";
import type { Db, Tx } from "../index";
import { claims, items, type Program } from "../schema";
import { getProgramOrThrow } from "./get-program-or-throw";

/** The row a comment hangs on: exactly one of itemId and claimId is set. */
export interface SubjectRow {
  program: Program;
  itemId: number | null;
  claimId: number | null;
}

/** The program and the item or claim a comment is about, or a 404 AppError naming what is missing. */
export async function findCommentSubject(db: Db | Tx, slug: string, subject: CommentSubject): Promise<SubjectRow> {
  const program = await getProgramOrThrow(db, slug);
  const row =
    "item" in subject
      ? await firstRow(db.select({ id: items.id }).from(items).where(and(eq(items.programId, program.id), eq(items.key, subject.item))))
      : await firstRow(db.select({ id: claims.id }).from(claims).where(and(eq(claims.programId, program.id), eq(claims.claimKey, subject.claim))));
  if (!row) throw new AppError("not_found", `no ${describeSubject(subject)} in program "${slug}"`);
  return "item" in subject ? { program, itemId: row.id, claimId: null } : { program, itemId: null, claimId: row.id };
}
