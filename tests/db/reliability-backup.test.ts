/**
 * Backup and restore: SQLite's online backup taken while another connection keeps
 * writing is a consistent snapshot (its chain verifies, every row it holds is the source's), a
 * restore of it into a fresh path equals it table by table, row by row; once writes stop a backup
 * and restore equal the source exactly; and restore refuses a backup whose chain is broken,
 * leaving the target as it was.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findPerson } from "@/db/accounts/manage-users";
import { backupDatabase, restoreDatabase } from "@/db/backup-database";
import { DEMO_BUNDLE_FILE } from "@/db/boot";
import { importBundle } from "@/db/import-bundle";
import { openDatabase, type Db } from "@/db/index";
import { recordSignal } from "@/db/mutations/record-signal";
import { recordTransition } from "@/db/mutations/record-transition";
import { verifyLog } from "@/db/verify-log";
import { AppError } from "@/lib/errors";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-backup-"));
const sourceFile = path.join(dir, "source.db");
let source: Db;
let writer: Db;

/** Every table's rows in rowid order, through a read-only connection. */
function tables(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    return Object.fromEntries(names.map((n) => [n, db.prepare(`SELECT * FROM "${n}" ORDER BY rowid`).all()]));
  } finally {
    db.close();
  }
}

function integrity(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.pragma("integrity_check", { simple: true }) as string;
  } finally {
    db.close();
  }
}

/** verifyLog on a private copy (opening migrates and sets WAL: never on the file under test). */
async function verifyCopy(file: string) {
  const copy = `${file}.verify-${Math.random().toString(36).slice(2)}`;
  fs.copyFileSync(file, copy);
  const db = await openDatabase(copy);
  try {
    return await verifyLog(db);
  } finally {
    db.$client.close();
  }
}

beforeAll(async () => {
  source = await openDatabase(sourceFile);
  await importBundle(source, JSON.parse(fs.readFileSync(DEMO_BUNDLE_FILE, "utf8")), { actor: null });
  writer = await openDatabase(sourceFile); // a second connection, as a running server would hold
});

afterAll(() => {
  source.$client.close();
  writer.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("online backup and verified restore", () => {
  let written = 0;
  let snapshot = "";

  it("a backup taken while another connection writes is a consistent snapshot", async () => {
    const actor = (await findPerson(writer, "priya.raman@example.com"))!;
    let stop = false;
    // Writes through the app's own mutations (rows plus hash-chained log entries), between the
    // backup's steps: better-sqlite3 copies pages asynchronously, yielding to the event loop.
    const writes = (async () => {
      while (!stop) {
        written++;
        if (written % 2) await recordSignal(writer, { slug: "boost-offload", key: "FND-01", input: { metric: "test_coverage_pct", value: written % 100 }, actor });
        else await recordTransition(writer, { slug: "boost-offload", key: "FND-02", input: { to: "design", note: `backup race ${written}` }, actor });
        await new Promise((r) => setImmediate(r));
      }
    })();
    snapshot = path.join(dir, "online.backup.db");
    // Let some writes land first, then back up while they go on; stop them once the copy is done.
    await new Promise((r) => setTimeout(r, 30));
    const startedAt = written;
    let pages: number;
    try {
      ({ pages } = await backupDatabase(source, snapshot));
    } finally {
      stop = true;
      await writes;
    }
    const duringBackup = written - startedAt;
    expect(pages).toBeGreaterThan(10);
    expect(duringBackup, "writes that happened while the backup ran").toBeGreaterThan(0);

    expect(integrity(snapshot)).toBe("ok");
    const verdict = await verifyCopy(snapshot);
    expect(verdict.ok, JSON.stringify(verdict.firstBad)).toBe(true);

    // Every row the snapshot holds is the source's own, and the log is a prefix of the source's.
    const snap = tables(snapshot);
    const now = tables(sourceFile);
    const key = (r: unknown) => JSON.stringify(r);
    for (const [name, rows] of Object.entries(snap)) {
      if (name === "log_anchor") continue; // one row, moved by every append: checked below
      const there = new Set(now[name]!.map(key));
      const missing = rows.filter((r) => !there.has(key(r)));
      expect(missing, `${name}: rows in the backup that the source never had`).toEqual([]);
    }
    const log = snap.audit_log as { seq: number; hash: string }[];
    expect((now.audit_log as unknown[]).slice(0, log.length)).toEqual(log);
    expect(snap.log_anchor).toEqual([{ id: 1, seq: log.at(-1)!.seq, hash: log.at(-1)!.hash }]);
    // Each transition in the snapshot has its log entry there too: no half-copied write.
    const logged = new Set(log.filter((e) => (e as unknown as { entity: string }).entity === "transition").map((e) => (e as unknown as { entity_id: string }).entity_id));
    for (const t of snap.transitions as { id: number }[]) expect(logged.has(String(t.id)), `transition ${t.id}`).toBe(true);
  });

  it("restoring that backup into a fresh path gives the same database, table by table and row by row", async () => {
    const target = path.join(dir, "restored.db");
    const { entries } = await restoreDatabase(snapshot, target);
    expect(entries).toBe((tables(snapshot).audit_log as unknown[]).length);
    expect(tables(target)).toEqual(tables(snapshot));
  });

  it("once writes stop, backup then restore equals the source exactly", async () => {
    const quiet = path.join(dir, "quiet.backup.db");
    await backupDatabase(source, quiet);
    const target = path.join(dir, "restored-quiet.db");
    await restoreDatabase(quiet, target);
    const restored = tables(target);
    const original = tables(sourceFile);
    expect(Object.keys(restored)).toEqual(Object.keys(original));
    for (const name of Object.keys(original)) expect(restored[name], name).toEqual(original[name]);
    expect(written).toBeGreaterThan(0);
  });

  it("restore over an existing database replaces it with the backup", async () => {
    const target = path.join(dir, "busy.db");
    fs.copyFileSync(sourceFile, target);
    await restoreDatabase(snapshot, target);
    expect(tables(target)).toEqual(tables(snapshot));
  });

  it("restore refuses a backup whose chain is broken, and the target stays as it was", async () => {
    const tampered = path.join(dir, "tampered.backup.db");
    fs.copyFileSync(snapshot, tampered);
    const t = new Database(tampered);
    t.exec("DROP TRIGGER audit_log_no_update");
    t.prepare("UPDATE audit_log SET actor = 'mallory@example.com' WHERE seq = 42").run();
    t.close();
    const target = path.join(dir, "kept.db");
    fs.copyFileSync(snapshot, target);
    const before = fs.readFileSync(target);
    const refusal = await restoreDatabase(tampered, target).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).message).toMatch(/does not verify at entry #42/);
    expect(fs.readFileSync(target).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.includes("restore-check"))).toEqual([]); // no scratch left behind
  });
});
