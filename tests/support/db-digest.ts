/**
 * "The database is unchanged": a digest of every table, read through a connection of its own
 * (never the server's): a read-only better-sqlite3 one, rows in rowid order, or a PostgreSQL one in
 * one repeatable-read snapshot, rows in primary-key order.
 *
 * Left out, because reading or signing in legitimately changes them: `sessions`,
 * `sign_in_failures`, `api_tokens.last_used_at` and `people.last_sign_in_at`.
 *
 * Hashing every row takes a quarter of a second once the suite's database has grown, and a refusal
 * suite takes hundreds of digests. So `databaseDigest` first reads the database's commit marker —
 * SQLite's `PRAGMA data_version` on a connection kept open (it moves whenever another connection
 * commits), PostgreSQL's current snapshot (it moves when a transaction that wrote ends) — and
 * hashes the rows again only when the marker moved since the last digest.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
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
  // The marker is read before the rows: a commit between the two moves it again, so the next call
  // hashes anew. Read after, a commit in between would be hidden behind a marker that already had it.
  const marker = target.dialect === "sqlite" ? sqliteCommitMarker(target.file) : await postgresWriteMarker(target.url);
  const cached = lastDigest.get(url);
  if (cached && cached.marker === marker) return cached.digest;
  const digest = target.dialect === "sqlite" ? dbDigest(target.file) : await postgresDigest(target.url);
  lastDigest.set(url, { marker, digest });
  return digest;
}

const lastDigest = new Map<string, { marker: string; digest: DbDigest }>();
const markerConnections = new Map<string, { inode: number; db: Database.Database }>();

/**
 * The file's inode and its `data_version`, read on a read-only connection kept for it: the version
 * moves when any other connection commits; the inode, when the file was replaced by another.
 */
export function sqliteCommitMarker(file: string): string {
  const inode = fs.statSync(file).ino;
  let kept = markerConnections.get(file);
  if (kept?.inode !== inode) {
    kept?.db.close();
    kept = { inode, db: new Database(file, { readonly: true, fileMustExist: true }) };
    markerConnections.set(file, kept);
  }
  return `${inode}:${kept.db.pragma("data_version", { simple: true })}`;
}

/**
 * The server's current snapshot (`xmin:xmax:in-progress`): every transaction that writes takes a
 * transaction id and moves it when it ends, committed or rolled back. Reads do not, nor does the
 * page housekeeping reads can trigger (which the WAL position would count).
 */
export async function postgresWriteMarker(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ snapshot: string }>("SELECT pg_current_snapshot()::text AS snapshot")).rows[0]!.snapshot;
  } finally {
    await client.end();
  }
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
