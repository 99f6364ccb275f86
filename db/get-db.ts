import { bootDatabase } from "./boot";
import { checkpointOffThread } from "./checkpoint-off-thread";
import { databaseTarget, isPostgres, type Db } from "./index";

const cache = globalThis as unknown as { trackerDb?: { where: string; db: Promise<Db> } };

/**
 * The process-wide database, booted once (cached on globalThis so dev hot reload keeps it). The
 * boot itself is shared, so requests arriving together never open or seed the database twice; a
 * boot that fails is tried again by the next caller. A SQLite file's checkpoints run in a worker
 * thread, beside the requests.
 */
export function getDb(): Promise<Db> {
  const target = databaseTarget();
  const where = target.dialect === "sqlite" ? target.file : target.url;
  if (cache.trackerDb?.where !== where) {
    const db = bootDatabase(target).then((opened) => {
      if (!isPostgres(opened) && !opened.$client.memory) checkpointOffThread(opened.$client);
      return opened;
    });
    cache.trackerDb = { where, db };
    db.catch(() => {
      if (cache.trackerDb?.db === db) cache.trackerDb = undefined;
    });
  }
  return cache.trackerDb.db;
}
