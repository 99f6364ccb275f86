import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type pg from "pg";
import { parseDatabaseUrl, redactPassword, type DatabaseTarget } from "../lib/database-url";
import { refuseNewerSchema } from "./refuse-newer-schema";
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
  // pg and its drizzle driver load only for a PostgreSQL database: a SQLite server (and its
  // worker threads) never holds them.
  return where.dialect === "postgres" ? (await import("./open-postgres")).openPostgres(where.url, migrationsFolder()) : openSqlite(where.file);
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

function lastSqliteMigration(sqlite: Database.Database): number | null {
  const table = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  if (!table) return null;
  return (sqlite.prepare("SELECT MAX(created_at) AS last FROM __drizzle_migrations").get() as { last: number | null }).last;
}

/**
 * Opens an existing database for reading only: no migrations, no pragmas that write; on
 * PostgreSQL one connection whose transactions are read-only. For a second connection beside the
 * server's own (the chain check's worker thread).
 */
export async function openDatabaseReadOnly(location: string): Promise<Db> {
  const where = parseDatabaseUrl(location);
  if (where.dialect === "postgres") return (await import("./open-postgres")).openPostgresReadOnly(where.url);
  const sqlite = new Database(where.file, { readonly: true, fileMustExist: true });
  sqlite.pragma("busy_timeout = 5000");
  return drizzle(sqlite, { schema });
}

/** What DATABASE_URL a second connection to `db` needs (the chain check's worker): its file or URL. */
export function connectionLocation(db: Db): string {
  return isPostgres(db) ? ((db.$client as unknown as pg.Pool).options.connectionString ?? "") : db.$client.name;
}
