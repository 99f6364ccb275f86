/**
 * The chain check's worker thread stops when no check has been asked for a while, and the next
 * check starts a new one that still catches an edit made behind the tracker's back.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it, vi } from "vitest";
import { importBundle } from "@/db/import-bundle";
import { openDatabase } from "@/db/index";
import { ChainWorker } from "@/db/verify-log-in-worker";
import { smallBundle } from "../support/small-bundle";

describe("the chain check's worker", () => {
  it("stops when idle, and the next check starts a new one that finds a tampered entry", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "chain-worker-")), "t.db");
    const db = await openDatabase(file);
    await importBundle(db, smallBundle("chain-idle"), { actor: null });
    const checker = new ChainWorker(file, 100);

    expect(await checker.verify()).toMatchObject({ ok: true });
    expect(checker.alive).toBe(true);
    await vi.waitFor(() => expect(checker.alive).toBe(false), { timeout: 5_000 });

    // Another process edits a logged payload (the trigger that forbids it is dropped first).
    const tamperer = new Database(file);
    for (const { name } of tamperer.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'").all() as { name: string }[])
      tamperer.exec(`DROP TRIGGER "${name}"`);
    const edited = tamperer.prepare("UPDATE audit_log SET payload = json_set(payload, '$.edited', 1) WHERE seq = 3").run();
    expect(edited.changes).toBe(1);
    tamperer.close();

    const verdict = await checker.verify();
    expect(checker.alive).toBe(true);
    expect(verdict).toMatchObject({ ok: false });
    db.$client.close();
  });

  it("stays while checks keep coming", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "chain-worker-")), "t.db");
    const db = await openDatabase(file);
    const checker = new ChainWorker(file, 300);
    for (let i = 0; i < 4; i++) {
      expect(await checker.verify()).toMatchObject({ ok: true });
      await new Promise((r) => setTimeout(r, 100));
      expect(checker.alive).toBe(true);
    }
    await vi.waitFor(() => expect(checker.alive).toBe(false), { timeout: 5_000 });
    db.$client.close();
  });
});
