/**
 * Appends `count` well-chained filler entries to a database's history log, so a test can make the
 * full chain check take seconds. As a script: `tsx tests/support/grow-log.ts <database> <count>`.
 */
import { pathToFileURL } from "node:url";
import { LogWriter } from "@/db/append-log";
import { openDatabase, type Db } from "@/db/index";

export function growLog(db: Db, count: number): void {
  db.transaction((tx) => {
    const log = new LogWriter(tx);
    for (let i = 1; i <= count; i++) log.append({ actor: null, action: "pad", entity: "test", entityId: String(i), programSlug: null, payload: { i } });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [file, count] = process.argv.slice(2);
  const db = openDatabase(file);
  growLog(db, Number(count));
  db.$client.close();
}
