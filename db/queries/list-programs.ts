import { asc, count, eq } from "drizzle-orm";
import type { Db } from "../index";
import { items, programs } from "../schema";

export async function listPrograms(db: Db) {
  return await db
    .select({ slug: programs.slug, name: programs.name, description: programs.description, items: count(items.id) })
    .from(programs)
    .leftJoin(items, eq(items.programId, programs.id))
    .groupBy(programs.id)
    .orderBy(asc(programs.slug));
}
