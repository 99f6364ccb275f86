/**
 * "The database is unchanged": a digest of every table, read through a separate read-only
 * better-sqlite3 connection (never the server's), rows in rowid order.
 *
 * Left out, because reading or signing in legitimately changes them: `sessions`,
 * `sign_in_failures`, `api_tokens.last_used_at` and `people.last_sign_in_at`.
 */
import { createHash } from "node:crypto";
import Database from "better-sqlite3";

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
