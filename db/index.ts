import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { parseDatabaseUrl, redactPassword, type DatabaseTarget } from "../lib/database-url";
import * as pgSchema from "./schema-pg";
import * as schema from "./schema-sqlite";

/**
 * A database handle. Written against SQLite's types; on PostgreSQL the same queries run on
 * drizzle's PostgreSQL dialect (db/schema.ts picks the tables), awaited alike.
 */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/**
 * A handle inside a write transaction (db/transact.ts); every mutation takes one so callers can
 * compose them atomically. The same connection as Db: the name says where a function must run.
 */
export type Tx = Db;

/** The database `DATABASE_URL` names (the default SQLite file when unset); any other value is refused with one line. */
export function databaseTarget(): DatabaseTarget {
  return parseDatabaseUrl(process.env.DATABASE_URL);
}

/** Where the database is, as it may be printed (a PostgreSQL password hidden) and as caches key it. */
export function databaseLocation(target: DatabaseTarget = databaseTarget()): string {
  return target.dialect === "sqlite" ? target.file : redactPassword(target.url);
}

/** The SQLite file `DATABASE_URL` names; for the commands that work on a file (a backup, a restore). */
export function databaseFile(): string {
  const target = databaseTarget();
  if (target.dialect === "postgres")
    throw new Error(`DATABASE_URL names a PostgreSQL server (${redactPassword(target.url)}): back it up and restore it with pg_dump and pg_restore (README: PostgreSQL)`);
  return target.file;
}

/** Whether `db` is a PostgreSQL database (a pool of connections) rather than a SQLite file. */
export function isPostgres(db: Db): boolean {
  // A PostgreSQL transaction handle has no client of its own; SQLite's handles all do.
  const client = db.$client as Database.Database | pg.Pool | undefined;
  return client === undefined || !("prepare" in client);
}

/** Closes the database's connections (a CLI command at its end, a test). */
export async function closeDatabase(db: Db): Promise<void> {
  if (isPostgres(db)) await (db.$client as unknown as pg.Pool).end();
  else db.$client.close();
}

function migrationsFolder(): string {
  return process.env.MIGRATIONS_DIR ?? path.join(/*turbopackIgnore: true*/ process.cwd(), "drizzle");
}

/**
 * Opens the database `target` names and applies its migrations: a SQLite file (created if needed,
 * WAL and foreign keys on; `:memory:` a private one, for tests) or a PostgreSQL database
 * (migrations from drizzle/pg/).
 */
export async function openDatabase(target: DatabaseTarget | string = databaseTarget()): Promise<Db> {
  const where = typeof target === "string" ? parseDatabaseUrl(target) : target;
  return where.dialect === "postgres" ? openPostgres(where.url) : openSqlite(where.file);
}

function openSqlite(file: string): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(/*turbopackIgnore: true*/ file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzle(sqlite, { schema });
  refuseNewerSchema(lastSqliteMigration(sqlite), migrationsFolder(), () => sqlite.close());
  migrate(db, { migrationsFolder: migrationsFolder() });
  return db;
}

// Times (bigint) and counts come back as numbers, as SQLite gives them: every one is below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

async function openPostgres(url: string): Promise<Db> {
  // allowExitOnIdle: a CLI command ends when its work does; a server stays up by its listener.
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10), allowExitOnIdle: true });
  // An idle connection the server dropped must not take the process down.
  pool.on("error", (error) => console.error("tracker: a PostgreSQL connection failed:", error.message));
  const folder = path.join(migrationsFolder(), "pg");
  try {
    await migrateOnce(pool, folder);
    return drizzlePg(pool, { schema: pgSchema }) as unknown as Db;
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new Error(`cannot open the PostgreSQL database ${redactPassword(url)}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

function lastSqliteMigration(sqlite: Database.Database): number | null {
  const table = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  if (!table) return null;
  return (sqlite.prepare("SELECT MAX(created_at) AS last FROM __drizzle_migrations").get() as { last: number | null }).last;
}

// Instances started together migrate one at a time: the second finds the work done.
const MIGRATION_LOCK = 0x7472616d;

async function migrateOnce(pool: pg.Pool, folder: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    try {
      refuseNewerSchema(await lastPostgresMigration(client), folder, () => undefined);
      await migratePg(drizzlePg(client), { migrationsFolder: folder });
      await warnOfLinguisticCollation(client);
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

/**
 * SQLite compares text byte by byte; a PostgreSQL database made with a linguistic collation
 * (en_US…) sorts names and slugs otherwise. Said once at open, with the way to the same order.
 */
async function warnOfLinguisticCollation(client: pg.PoolClient): Promise<void> {
  const collation = (await client.query<{ c: string }>("SELECT datcollate AS c FROM pg_database WHERE datname = current_database()")).rows[0]?.c ?? "";
  if (!/^(C|POSIX|C\.UTF-?8)$/i.test(collation))
    console.warn(`tracker: the PostgreSQL database sorts text by "${collation}", so lists by name or slug may be ordered differently than on SQLite; for the same order create it with LOCALE 'C.UTF-8' (README: PostgreSQL)`);
}

async function lastPostgresMigration(client: pg.PoolClient): Promise<number | null> {
  const found = await client.query<{ name: string | null }>("SELECT to_regclass('drizzle.__drizzle_migrations')::text AS name");
  if (!found.rows[0]?.name) return null;
  return (await client.query<{ last: number | null }>("SELECT MAX(created_at) AS last FROM drizzle.__drizzle_migrations")).rows[0]?.last ?? null;
}

/**
 * Opens an existing database for reading only: no migrations, no pragmas that write; on
 * PostgreSQL one connection whose transactions are read-only. For a second connection beside the
 * server's own (the chain check's worker thread).
 */
export async function openDatabaseReadOnly(location: string): Promise<Db> {
  const where = parseDatabaseUrl(location);
  if (where.dialect === "postgres") {
    const pool = new pg.Pool({ connectionString: where.url, max: 1, allowExitOnIdle: true, options: "-c default_transaction_read_only=on" });
    pool.on("error", (error) => console.error("tracker: a PostgreSQL connection failed:", error.message));
    return drizzlePg(pool, { schema: pgSchema }) as unknown as Db;
  }
  const sqlite = new Database(where.file, { readonly: true, fileMustExist: true });
  sqlite.pragma("busy_timeout = 5000");
  return drizzle(sqlite, { schema });
}

/** What DATABASE_URL a second connection to `db` needs (the chain check's worker): its file or URL. */
export function connectionLocation(db: Db): string {
  return isPostgres(db) ? ((db.$client as unknown as pg.Pool).options.connectionString ?? "") : db.$client.name;
}

/**
 * A database migrated by a newer version of the tracker must not be opened by this one: its
 * writes could break rules this code does not know.
 */
function refuseNewerSchema(applied: number | null, folder: string, close: () => void): void {
  const journal = JSON.parse(fs.readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")) as { entries: { when: number; tag: string }[] };
  const known = Math.max(0, ...journal.entries.map((e) => e.when));
  if (applied !== null && applied > known) {
    close();
    throw new Error(
      `the database's schema is newer than this version of the tracker (a migration from ${new Date(applied).toISOString()} ` +
        `is applied; this code knows migrations up to ${new Date(known).toISOString()}): upgrade the tracker, or restore a backup`,
    );
  }
}
