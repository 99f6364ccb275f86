import { isPostgres, type Db } from "./index";
import { rawAll } from "./raw-sql";

/**
 * After a bulk import, PostgreSQL's planner still believes the tables hold what they held before
 * (until autovacuum's analyze, a minute or more later), and picks plans for a handful of rows:
 * the dashboard's latest verifications then read every transition of the program (46 ms at 1,000
 * items) instead of walking the verified_at index (0.08 ms). ANALYZE samples a table now — but
 * only one the import grew by a fifth or more of what the planner thinks it holds: the 200th small
 * program of an organisation changes no plan, and analysing its tables again would cost more than
 * the import (0.5 s each). SQLite plans without statistics of this kind; nothing to do there.
 * `added` is the rows the import wrote, by table.
 */
export async function refreshPlannerStatistics(db: Db, added: Record<string, number>): Promise<void> {
  if (!isPostgres(db)) return;
  const tables = Object.keys(added).filter((t) => added[t]! > 0);
  if (tables.length === 0) return;
  const known = await rawAll<{ relname: string; reltuples: number }>(
    db,
    "SELECT relname, reltuples FROM pg_class WHERE relkind = 'r' AND relname = ANY(CAST(? AS text[]))",
    `{${tables.join(",")}}`,
  );
  const believed = new Map(known.map((k) => [k.relname, Number(k.reltuples)]));
  const stale = tables.filter((t) => added[t]! >= Math.max(0, believed.get(t) ?? 0) / 5);
  if (stale.length > 0) await rawAll(db, `ANALYZE ${stale.join(", ")}`);
}
