import type { Statement } from "better-sqlite3";
import type { Db } from "./index";

const statements = new WeakMap<Db, Map<string, Statement>>();

/**
 * The statement for `sql` on `db`, prepared once: the header's counts run on every page, and
 * preparing their statements cost more than running them. Only for statements run in the default
 * mode (no `.raw()` or `.pluck()`, which would change the shared statement).
 */
export function preparedStatement(db: Db, sql: string): Statement {
  let bySql = statements.get(db);
  if (!bySql) statements.set(db, (bySql = new Map()));
  let statement = bySql.get(sql);
  if (!statement) bySql.set(sql, (statement = db.$client.prepare(sql)));
  return statement;
}

/**
 * `build` (a drizzle query made with placeholders and `.prepare()`d) run once per database: the
 * session and token lookups run on every request, and building and preparing them again cost more
 * than running them.
 */
export function preparedOnce<T extends object>(build: (db: Db) => T): (db: Db) => T {
  const byDb = new WeakMap<Db, T>();
  return (db) => {
    let query = byDb.get(db);
    if (!query) byDb.set(db, (query = build(db)));
    return query;
  };
}
