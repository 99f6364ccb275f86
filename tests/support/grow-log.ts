import { transact } from "@/db/transact";
/**
 * Appends `count` well-chained filler entries to a database's history log, so a test can make the
 * full chain check take seconds. As a script: `tsx tests/support/grow-log.ts <database> <count>`.
 */
import { pathToFileURL } from "node:url";
import { LogWriter } from "@/db/append-log";
import { closeDatabase, openDatabase, type Db } from "@/db/index";
import type { LogAction, LogEntity } from "@/lib/log-vocabulary";

export async function growLog(db: Db, count: number): Promise<void> {
  await transact(db, async (tx) => {
    const log = await LogWriter.open(tx);
    // Words outside the log's vocabulary on purpose: no reader takes filler for a record.
    const filler = { action: "pad" as LogAction, entity: "test" as LogEntity };
    for (let i = 1; i <= count; i++) await log.queue({ actor: null, ...filler, entityId: String(i), programSlug: null, payload: { i } });
    await log.flush();
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [file, count] = process.argv.slice(2);
  const db = await openDatabase(file);
  await growLog(db, Number(count));
  await closeDatabase(db);
}
