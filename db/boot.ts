import { firstRow } from "./first-row";
import fs from "node:fs";
import path from "node:path";
import { count } from "drizzle-orm";
import { randomPassword } from "@/lib/auth/secrets";
import { addUser } from "./accounts/manage-users";
import { databaseLocation, databaseTarget, openDatabase, type Db } from "./index";
import { parseDatabaseUrl, type DatabaseTarget } from "../lib/database-url";
import { importBundle } from "./import-bundle";
import { auditLog } from "./schema";
import { ingestDemoArtefacts } from "./seed/ingest-demo-artefacts";

export const DEMO_BUNDLE_FILE = path.join("db", "seed", "boost-offload.json");

/**
 * Opens the configured database. When it is fresh (an empty log) it loads the demo program through
 * the ordinary importer (DESIGN §11–§12; `TRACKER_SEED=none` skips it) and creates the first admin
 * with a random password, printed this once.
 */
export async function bootDatabase(target: DatabaseTarget | string = databaseTarget(), log: (line: string) => void = console.log): Promise<Db> {
  const where = typeof target === "string" ? parseDatabaseUrl(target) : target;
  const db = await openDatabase(where);
  const entries = (await firstRow(db.select({ n: count() }).from(auditLog)))?.n ?? 0;
  if (entries > 0) return db;
  if (process.env.TRACKER_SEED !== "none") {
    const bundle = JSON.parse(fs.readFileSync(path.join(/*turbopackIgnore: true*/ process.cwd(), DEMO_BUNDLE_FILE), "utf8"));
    const summary = await importBundle(db, bundle, { actor: null });
    const ingested = await ingestDemoArtefacts(db, summary.program);
    log(`tracker: fresh database ${databaseLocation(where)}: loaded the demo program "${summary.program}" (${summary.counts.items} items, ${ingested} signals read from its artefacts)`);
  }
  const email = process.env.TRACKER_ADMIN_EMAIL ?? "admin@tracker.local";
  const password = randomPassword();
  await addUser(db, { email, name: "Administrator", role: "admin", password }, null);
  log(
    [
      "tracker: first run: created the admin account (this password is shown once)",
      `  e-mail:   ${email}`,
      `  password: ${password}`,
      "  change it with: npm run tracker -- user set-password --email " + email,
    ].join("\n"),
  );
  return db;
}
