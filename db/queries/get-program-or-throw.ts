import { eq } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import type { Db, Tx } from "../index";
import { programs, type Program } from "../schema";

/** The program with this slug, or undefined. */
export function findProgram(db: Db | Tx, slug: string): Program | undefined {
  return db.select().from(programs).where(eq(programs.slug, slug)).get();
}

/** The program with this slug, or a not_found AppError (a 404; pages turn it into notFound()). */
export function getProgramOrThrow(db: Db | Tx, slug: string): Program {
  const program = findProgram(db, slug);
  if (!program) throw new AppError("not_found", `no program "${slug}"`);
  return program;
}
