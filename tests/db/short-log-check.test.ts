/**
 * A new database's log (a few entries, no stored files) is checked on the request thread, where a
 * worker thread would cost tens of MiB to check nothing; a longer log is checked in the worker. A
 * tamper is caught either way.
 */
import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { chainStatus, SHORT_LOG_ENTRIES } from "@/db/chain-status";
import { connectionLocation, openDatabase } from "@/db/index";
import type { ChainWorker } from "@/db/verify-log-in-worker";
import { growLog } from "../support/grow-log";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "short-log-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const workers = globalThis as unknown as { trackerChainWorkers?: Map<string, ChainWorker> };
const workerFor = (location: string) => workers.trackerChainWorkers?.get(location);

describe("where the chain is checked", () => {
  it("a short log is checked without a worker thread, and an edit by another connection is still caught", async () => {
    const file = path.join(dir, "short.db");
    const db = await openDatabase(file);
    await growLog(db, 20);

    const first = await chainStatus(db, "api");
    expect(first.verdict).toMatchObject({ ok: true, firstBad: null });
    expect(workerFor(connectionLocation(db))).toBeUndefined();

    const tamperer = new Database(file);
    tamperer.exec("DROP TRIGGER audit_log_no_update;");
    tamperer.prepare("UPDATE audit_log SET actor = 'mallory@example.com' WHERE seq = 5").run();
    tamperer.close();

    const after = await chainStatus(db, "page");
    expect(after.verdict).toMatchObject({ ok: false, firstBad: { seq: 5 } });
    expect(workerFor(connectionLocation(db))).toBeUndefined();
    db.$client.close();
  });

  it("a log longer than the short one is checked in the worker", async () => {
    const file = path.join(dir, "long.db");
    const db = await openDatabase(file);
    await growLog(db, SHORT_LOG_ENTRIES + 1);

    const status = await chainStatus(db, "api");
    expect(status.verdict).toMatchObject({ ok: true, firstBad: null });
    expect(workerFor(connectionLocation(db))?.alive).toBe(true);
    db.$client.close();
  });
});
