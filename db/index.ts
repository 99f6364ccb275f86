import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { parseDatabaseUrl, redactPassword } from "../lib/database-url";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/**
 * A handle inside a write transaction (db/transact.ts); every mutation takes one so callers can
 * compose them atomically. The same connection as Db: the name says where a function must run.
 */
export type Tx = Db;

/**
 * The SQLite file `DATABASE_URL` names (DEFAULT_DATABASE_FILE when unset). Any other database is
 * refused here with one line, before anything is opened or created.
 */
export function databaseFile(): string {
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  if (target.dialect === "postgres")
    throw new Error(
      `DATABASE_URL names a PostgreSQL server (${redactPassword(target.url)}), which this version of the tracker does not run on yet: ` +
        "give a SQLite file path (or file:PATH)",
    );
  return target.file;
}

function migrationsFolder(): string {
  return process.env.MIGRATIONS_DIR ?? path.join(/*turbopackIgnore: true*/ process.cwd(), "drizzle");
}

/**
 * Opens (creating if needed) a SQLite file with WAL and foreign keys on, and applies the
 * migrations in `drizzle/`. `:memory:` gives a private database, for tests.
 */
export async function openDatabase(file: string = databaseFile()): Promise<Db> {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(/*turbopackIgnore: true*/ file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzle(sqlite, { schema });
  refuseNewerSchema(sqlite, migrationsFolder());
  migrate(db, { migrationsFolder: migrationsFolder() });
  return db;
}

/**
 * Opens an existing database for reading only: no migrations, no pragmas that write. For a second
 * connection beside the server's own (the chain check's worker thread).
 */
export async function openDatabaseReadOnly(file: string): Promise<Db> {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  sqlite.pragma("busy_timeout = 5000");
  return drizzle(sqlite, { schema });
}

/**
 * A database migrated by a newer version of the tracker must not be opened by this one: its
 * writes could break rules this code does not know.
 */
function refuseNewerSchema(sqlite: Database.Database, folder: string): void {
  const table = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  if (!table) return;
  const applied = sqlite.prepare("SELECT MAX(created_at) AS last FROM __drizzle_migrations").get() as { last: number | null };
  const journal = JSON.parse(fs.readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")) as { entries: { when: number; tag: string }[] };
  const known = Math.max(0, ...journal.entries.map((e) => e.when));
  if (applied.last !== null && applied.last > known) {
    sqlite.close();
    throw new Error(
      `the database's schema is newer than this version of the tracker (a migration from ${new Date(applied.last).toISOString()} ` +
        `is applied; this code knows migrations up to ${new Date(known).toISOString()}): upgrade the tracker, or restore a backup`,
    );
  }
}
