import { bootDatabase } from "./boot";
import { databaseFile, type Db } from "./index";

const cache = globalThis as unknown as { trackerDb?: { file: string; db: Db } };

/** The process-wide database, booted once (cached on globalThis so dev hot reload keeps it). */
export function getDb(): Db {
  const file = databaseFile();
  if (cache.trackerDb?.file !== file) cache.trackerDb = { file, db: bootDatabase(file) };
  return cache.trackerDb.db;
}
