import { firstRow } from "../first-row";
import { eq } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import type { Db, Tx } from "../index";
import { programs, type Program } from "../schema";

/** The program with this slug, or undefined. */
export async function findProgram(db: Db | Tx, slug: string): Promise<Program | undefined> {
  return await firstRow(db.select().from(programs).where(eq(programs.slug, slug)));
}

/** The program with this slug, or a not_found AppError (a 404; pages turn it into notFound()). */
export async function getProgramOrThrow(db: Db | Tx, slug: string): Promise<Program> {
  const program = await findProgram(db, slug);
  if (!program) throw new AppError("not_found", `no program "${slug}"`);
  return program;
}
