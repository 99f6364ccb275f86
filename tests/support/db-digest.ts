/**
 * "The database is unchanged": a digest of every table, read through a connection of its own
 * (never the server's): a read-only better-sqlite3 one, rows in rowid order, or a PostgreSQL one in
 * one repeatable-read snapshot, rows in primary-key order.
 *
 * Left out, because reading or signing in legitimately changes them: `sessions`,
 * `sign_in_failures`, `api_tokens.last_used_at` and `people.last_sign_in_at`.
 */
import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { parseDatabaseUrl } from "@/lib/database-url";

const SKIPPED_TABLES = new Set(["sessions", "sign_in_failures"]);
const SKIPPED_COLUMNS: Record<string, Set<string>> = { api_tokens: new Set(["last_used_at"]), people: new Set(["last_sign_in_at"]) };

export interface DbDigest {
  /** One hash over everything below. */
  hash: string;
  /** Per table: row count and hash, so a failure can say which table moved. */
  tables: Record<string, { rows: number; hash: string }>;
}

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The digest of the database `url` names (default: the Playwright server's E2E_DATABASE_URL), SQLite or PostgreSQL. */
export async function databaseDigest(url: string = process.env.E2E_DATABASE_URL ?? ""): Promise<DbDigest> {
  if (!url) throw new Error("databaseDigest: no database (E2E_DATABASE_URL is not set)");
  const target = parseDatabaseUrl(url);
  return target.dialect === "sqlite" ? dbDigest(target.file) : await postgresDigest(target.url);
}

async function postgresDigest(url: string): Promise<DbDigest> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    // Every table's columns and primary key in one catalogue read; each table hashed by the server.
    const tables = (
      await client.query<{ name: string; columns: string[]; key: string[] | null }>(
        `SELECT c.relname AS name,
                array_agg(a.attname::text ORDER BY a.attnum) AS columns,
                (SELECT array_agg(k.attname::text ORDER BY array_position(i.indkey, k.attnum))
                   FROM pg_index i JOIN pg_attribute k ON k.attrelid = i.indrelid AND k.attnum = ANY(i.indkey)
                  WHERE i.indrelid = c.oid AND i.indisprimary) AS key
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
          WHERE n.nspname = 'public' AND c.relkind = 'r'
          GROUP BY c.oid, c.relname
          ORDER BY c.relname COLLATE "C"`,
      )
    ).rows;
    const hashed = tables
      .filter((t) => !SKIPPED_TABLES.has(t.name))
      .map(({ name, columns: every, key }) => {
        const columns = every.filter((c) => !SKIPPED_COLUMNS[name]?.has(c)).map(quote);
        const order = (key?.length ? key.map(quote) : columns).join(", ");
        return `SELECT ${client.escapeLiteral(name)} AS name, count(*)::int AS rows, coalesce(md5(string_agg(row_to_json(r)::text, E'\\n' ORDER BY ${order})), '') AS hash FROM (SELECT ${columns.join(", ")} FROM ${quote(name)}) r`;
      });
    const all = createHash("sha256");
    const out: DbDigest["tables"] = {};
    const result = await client.query<{ name: string; rows: number; hash: string }>(hashed.join("\nUNION ALL\n"));
    for (const { name, rows, hash } of result.rows.sort((x, y) => (x.name < y.name ? -1 : 1))) {
      out[name] = { rows, hash };
      all.update(`${name}:${rows}:${hash}\n`);
    }
    await client.query("COMMIT");
    return { hash: all.digest("hex"), tables: out };
  } finally {
    await client.end();
  }
}

/** The digest of the SQLite file `file` (default: the Playwright server's E2E_DATABASE_URL). */
export function dbDigest(file: string = process.env.E2E_DATABASE_URL ?? ""): DbDigest {
  if (!file) throw new Error("dbDigest: no database file (E2E_DATABASE_URL is not set)");
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    const tables = db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all() as { name: string; sql: string }[];
    const all = createHash("sha256");
    const out: DbDigest["tables"] = {};
    // One read transaction: every table from the same snapshot.
    db.transaction(() => {
      for (const { name, sql } of tables) {
        if (SKIPPED_TABLES.has(name)) continue;
        const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as { name: string }[])
          .map((c) => c.name)
          .filter((c) => !SKIPPED_COLUMNS[name]?.has(c));
        const withoutRowid = /WITHOUT\s+ROWID/i.test(sql);
        const order = withoutRowid ? "" : " ORDER BY rowid";
        const h = createHash("sha256");
        let rows = 0;
        for (const row of db.prepare(`SELECT ${columns.map(quote).join(", ")} FROM ${quote(name)}${order}`).raw().iterate()) {
          h.update(JSON.stringify(row, (_k, v) => (Buffer.isBuffer(v) ? v.toString("base64") : typeof v === "bigint" ? String(v) : v)));
          h.update("\n");
          rows++;
        }
        const hash = h.digest("hex");
        out[name] = { rows, hash };
        all.update(`${name}:${rows}:${hash}\n`);
      }
    })();
    return { hash: all.digest("hex"), tables: out };
  } finally {
    db.close();
  }
}

/** The tables whose content differs between two digests (empty when none). */
export function changedTables(before: DbDigest, after: DbDigest): string[] {
  const names = new Set([...Object.keys(before.tables), ...Object.keys(after.tables)]);
  return [...names].filter((n) => before.tables[n]?.hash !== after.tables[n]?.hash).sort();
}
