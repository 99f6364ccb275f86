import fs from "node:fs";
import path from "node:path";

/**
 * A database migrated by a newer version of the tracker must not be opened by this one: its
 * writes could break rules this code does not know.
 */
export function refuseNewerSchema(applied: number | null, folder: string, close: () => void): void {
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
