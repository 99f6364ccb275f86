import fs from "node:fs";
import path from "node:path";
import { count } from "drizzle-orm";
import { databaseFile, openDatabase, type Db } from "./index";
import { importBundle } from "./import-bundle";
import { auditLog } from "./schema";

export const DEMO_BUNDLE_FILE = path.join("db", "seed", "boost-offload.json");

/**
 * Opens the configured database and, when it is fresh (an empty log), loads the demo program
 * through the ordinary importer (DESIGN §11–§12). `TRACKER_SEED=none` skips the demo.
 */
export function bootDatabase(file: string = databaseFile(), log: (line: string) => void = console.log): Db {
  const db = openDatabase(file);
  const entries = db.select({ n: count() }).from(auditLog).get()?.n ?? 0;
  if (entries === 0 && process.env.TRACKER_SEED !== "none") {
    const bundle = JSON.parse(fs.readFileSync(path.join(process.cwd(), DEMO_BUNDLE_FILE), "utf8"));
    const summary = importBundle(db, bundle, { actor: null });
    log(`tracker: fresh database ${file}: loaded the demo program "${summary.program}" (${summary.counts.items} items)`);
  }
  return db;
}
