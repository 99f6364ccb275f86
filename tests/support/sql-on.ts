/**
 * One SQL statement on the database `url` names, through a connection of the test's own (never
 * the server's): a SQLite file or a PostgreSQL database. Written with `?` placeholders, which
 * become `$1…` for PostgreSQL; quote camel-case aliases (`AS "passwordHash"`), as PostgreSQL folds
 * unquoted names to lower case. Counts and other bigints come back as numbers on both.
 */
import Database from "better-sqlite3";
import pg from "pg";
import { parseDatabaseUrl } from "@/lib/database-url";

const INT8 = 20;

export async function sqlOn<T = Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const target = parseDatabaseUrl(url);
  if (target.dialect === "sqlite") {
    const db = new Database(target.file, { fileMustExist: true });
    try {
      db.pragma("busy_timeout = 5000");
      const statement = db.prepare(text);
      if (statement.reader) return statement.all(...params) as T[];
      statement.run(...params);
      return [];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({
    connectionString: target.url,
    types: { getTypeParser: ((oid: number, format?: "text" | "binary") => (oid === INT8 ? Number : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser },
  });
  await client.connect();
  try {
    let n = 0;
    return (await client.query(text.replace(/\?/g, () => `$${++n}`), params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Whether `url` names a PostgreSQL database (a test that needs a SQLite file skips with its reason). */
export function isPostgresUrl(url: string = process.env.E2E_DATABASE_URL ?? ""): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}
