import { count } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "@/db/index";

/** The number of rows in each named table: compared before and after, it shows what a call wrote. */
export function rowCounts<K extends string>(db: Db, tables: Record<K, SQLiteTable>): Record<K, number> {
  return Object.fromEntries(Object.entries<SQLiteTable>(tables).map(([name, table]) => [name, db.select({ n: count() }).from(table).get()!.n])) as Record<K, number>;
}
