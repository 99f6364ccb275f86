import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { AppError } from "@/lib/errors";
import { openDatabase, type Db } from "./index";
import { verifyLog } from "./verify-log";

/**
 * Every page in one backup step. Copied a few pages at a time (better-sqlite3's default, 100), a
 * backup restarts from the first page whenever another connection writes between two steps — so
 * while a busy server writes it may never finish. One step reads one WAL snapshot, which never
 * blocks writers: consistent, and always done.
 */
const ALL_PAGES = { progress: () => 0x7fffffff };

/** SQLite's online backup: consistent while the server keeps reading and writing. */
export async function backupDatabase(db: Db, target: string): Promise<{ pages: number }> {
  if (fs.existsSync(target)) throw new AppError("conflict", `${target} exists; choose a new file name`);
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const result = await db.$client.backup(target, ALL_PAGES);
  return { pages: result.totalPages };
}

/**
 * Replaces the database at `target` with the backup `source`, after checking the backup's
 * integrity and hash chain — a backup whose history does not verify is refused.
 * Stop the server first: a running server keeps the old file open.
 */
export async function restoreDatabase(source: string, target: string): Promise<{ entries: number; head: string }> {
  if (!fs.existsSync(source)) throw new AppError("invalid", `cannot read ${source}: no such file`);
  if (path.resolve(source) === path.resolve(target)) throw new AppError("invalid", "the backup and the database are the same file");
  let check: Database.Database | null = null;
  try {
    check = new Database(source, { readonly: true, fileMustExist: true });
    const integrity = check.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new AppError("rule", `${source} fails SQLite's integrity check: ${integrity}`);
    // An empty file or another program's SQLite file would "verify" (an empty log) and wipe the
    // tracker: a backup must hold the tracker's schema and a history.
    const tables = new Set(
      (check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name),
    );
    if (!tables.has("__drizzle_migrations") || !tables.has("audit_log"))
      throw new AppError("invalid", `${source} is not a tracker database: it has no tracker tables`);
    const entries = (check.prepare("SELECT COUNT(*) AS n FROM audit_log").get() as { n: number }).n;
    if (entries === 0) throw new AppError("invalid", `${source} is not a tracker database backup: its history log is empty`);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError("invalid", `${source} is not a tracker database: ${(e as Error).message}`);
  } finally {
    check?.close();
  }
  // A private copy to verify, so the backup file itself is never migrated or written.
  const scratch = `${target}.restore-check-${process.pid}`;
  const staged = new Database(source, { readonly: true });
  await staged.backup(scratch, ALL_PAGES);
  staged.close();
  let db: Db | null = null;
  try {
    db = await openDatabase(scratch);
    const verdict = await verifyLog(db);
    if (!verdict.ok)
      throw new AppError("rule", `refusing ${source}: its history log does not verify at entry #${verdict.firstBad!.seq} (${verdict.firstBad!.reason})`);
    await db.$client.backup(target, ALL_PAGES);
    return { entries: verdict.entries, head: verdict.head };
  } finally {
    db?.$client.close();
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${scratch}${suffix}`, { force: true });
  }
}
