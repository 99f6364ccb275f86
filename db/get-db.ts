import { bootDatabase } from "./boot";
import { databaseFile, type Db } from "./index";

const cache = globalThis as unknown as { trackerDb?: { file: string; db: Promise<Db> } };

/**
 * The process-wide database, booted once (cached on globalThis so dev hot reload keeps it). The
 * boot itself is shared, so requests arriving together never open or seed the database twice; a
 * boot that fails is tried again by the next caller.
 */
export function getDb(): Promise<Db> {
  const file = databaseFile();
  if (cache.trackerDb?.file !== file) {
    const db = bootDatabase(file);
    cache.trackerDb = { file, db };
    db.catch(() => {
      if (cache.trackerDb?.db === db) cache.trackerDb = undefined;
    });
  }
  return cache.trackerDb.db;
}
