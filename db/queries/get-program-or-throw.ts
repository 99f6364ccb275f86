import { firstRow } from "../first-row";
import { eq, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import type { Db, Tx } from "../index";
import { preparedOnce } from "../prepared-statement";
import { programs, type Program } from "../schema";

/** The program with this slug, or undefined. */
export async function findProgram(db: Db | Tx, slug: string): Promise<Program | undefined> {
  return await firstRow(programBySlug(db).execute({ slug }));
}

// Every program route asks for its program first: built and prepared once.
const programBySlug = preparedOnce((db: Db) => db.select().from(programs).where(eq(programs.slug, sql.placeholder("slug"))).prepare());

/** The program with this slug, or a not_found AppError (a 404; pages turn it into notFound()). */
export async function getProgramOrThrow(db: Db | Tx, slug: string): Promise<Program> {
  const program = await findProgram(db, slug);
  if (!program) throw new AppError("not_found", `no program "${slug}"`);
  return program;
}
