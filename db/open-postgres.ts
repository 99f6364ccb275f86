// PostgreSQL's side of db/index.ts, loaded only when DATABASE_URL names a PostgreSQL server.
import path from "node:path";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { redactPassword } from "../lib/database-url";
import type { Db } from "./index";
import { refuseNewerSchema } from "./refuse-newer-schema";
import * as pgSchema from "./schema-pg";

// Times (bigint) and counts come back as numbers, as SQLite gives them: every one is below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

/** Opens a PostgreSQL database and applies its migrations (from `migrations`/pg/), one instance at a time. */
export async function openPostgres(url: string, migrations: string): Promise<Db> {
  // allowExitOnIdle: a CLI command ends when its work does; a server stays up by its listener.
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10), allowExitOnIdle: true });
  // An idle connection the server dropped must not take the process down.
  pool.on("error", (error) => console.error("tracker: a PostgreSQL connection failed:", error.message));
  const folder = path.join(migrations, "pg");
  try {
    await migrateOnce(pool, folder);
    return drizzlePg(pool, { schema: pgSchema }) as unknown as Db;
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new Error(`cannot open the PostgreSQL database ${redactPassword(url)}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** One connection whose transactions are read-only, beside the server's own (the chain check's worker thread). */
export function openPostgresReadOnly(url: string): Db {
  const pool = new pg.Pool({ connectionString: url, max: 1, allowExitOnIdle: true, options: "-c default_transaction_read_only=on" });
  pool.on("error", (error) => console.error("tracker: a PostgreSQL connection failed:", error.message));
  return drizzlePg(pool, { schema: pgSchema }) as unknown as Db;
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
