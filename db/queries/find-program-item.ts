import { firstRow } from "../first-row";
import { and, eq, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import type { Db, Tx } from "../index";
import { preparedOnce } from "../prepared-statement";
import { items, people } from "../schema";
import { getProgramOrThrow } from "./get-program-or-throw";

/** The program and item for a slug and key, or a 404 AppError naming what is missing. */
export async function findProgramItem(db: Db | Tx, slug: string, key: string) {
  const program = await getProgramOrThrow(db, slug);
  const row = await findItemInProgram(db, program.id, key);
  if (!row) throw new AppError("not_found", `no item "${key}" in program "${slug}"`);
  return { program, item: row.item, ownerEmail: row.ownerEmail };
}

/** The item by this key in the program already found, with its owner's e-mail, or undefined. */
export async function findItemInProgram(db: Db | Tx, programId: number, key: string) {
  return await firstRow(itemByKey(db).execute({ programId, key }));
}

// Every write to an item starts here: built and prepared once.
const itemByKey = preparedOnce((db: Db) =>
  db
    .select({ item: items, ownerEmail: people.email })
    .from(items)
    .leftJoin(people, eq(items.ownerId, people.id))
    .where(and(eq(items.programId, sql.placeholder("programId")), eq(items.key, sql.placeholder("key"))))
    .prepare(),
);
