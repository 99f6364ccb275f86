import { firstRow } from "@/db/first-row";
import { count } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "@/db/index";

/** The number of rows in each named table: compared before and after, it shows what a call wrote. */
export async function rowCounts<K extends string>(db: Db, tables: Record<K, SQLiteTable>): Promise<Record<K, number>> {
  const counted = await Promise.all(
    Object.entries<SQLiteTable>(tables).map(async ([name, table]) => [name, (await firstRow(db.select({ n: count() }).from(table)))!.n] as const),
  );
  return Object.fromEntries(counted) as Record<K, number>;
}
