/**
 * verify-log reads stored artefacts in bounded runs (a page of digests, then runs of bytes up to a
 * size), and still checks every one: a changed file is found past the first page of digests and
 * past the first run of bytes, and a size column changed to hide a run's weight changes nothing.
 */
import { createHash } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { openDatabase, type Db } from "@/db/index";
import type * as RawSql from "@/db/raw-sql";
import { ARTEFACT_KEYS_PAGE, verifyLog } from "@/db/verify-log";

// Every answer verify-log reads passes through here: the largest one read at once is kept.
const read = vi.hoisted(() => ({ mostBytes: 0 }));
vi.mock("@/db/raw-sql", async (original) => {
  const actual = await original<typeof RawSql>();
  return {
    ...actual,
    rawAll: async (...args: Parameters<typeof actual.rawAll>) => {
      const rows = await actual.rawAll<Record<string, unknown>>(...args);
      const bytes = rows.reduce((sum, row) => sum + (Buffer.isBuffer(row.bytes) ? row.bytes.length : 0), 0);
      read.mostBytes = Math.max(read.mostBytes, bytes);
      return rows;
    },
  };
});

const digest = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

function store(db: Db, files: Buffer[]): string[] {
  const insert = db.$client.prepare("INSERT INTO artefacts (sha256, bytes, size) VALUES (?, ?, ?)");
  return files.map((bytes) => {
    const sha256 = digest(bytes);
    insert.run(sha256, bytes, bytes.length);
    return sha256;
  });
}

/** Changes the stored bytes of `sha256` (the table refuses updates: a forger drops its trigger first). */
function alter(db: Db, sha256: string, bytes: Buffer): void {
  db.$client.exec("DROP TRIGGER IF EXISTS artefacts_no_update");
  db.$client.prepare("UPDATE artefacts SET bytes = ? WHERE sha256 = ?").run(bytes, sha256);
}

const lastInOrder = (keys: string[]) => [...keys].sort().at(-1)!;

describe("verify-log over many and large artefacts", () => {
  it("passes when every stored file matches its digest, across pages of digests", async () => {
    const db = await openDatabase(":memory:");
    store(db, Array.from({ length: ARTEFACT_KEYS_PAGE + 3 }, (_, i) => Buffer.from(`file ${i}`)));
    const verdict = await verifyLog(db);
    expect(verdict.ok).toBe(true);
  });

  it("names a changed file that comes after the first page of digests", async () => {
    const db = await openDatabase(":memory:");
    const keys = store(db, Array.from({ length: ARTEFACT_KEYS_PAGE + 3 }, (_, i) => Buffer.from(`file ${i}`)));
    const last = lastInOrder(keys);
    alter(db, last, Buffer.from("not what was stored"));
    const verdict = await verifyLog(db);
    expect(verdict.ok).toBe(false);
    expect(verdict.firstBad?.reason).toBe(`the artefact ${last} no longer matches its digest: its bytes were changed`);
  });

  it("never reads more than 16 MiB of files at once, beyond one file", async () => {
    const db = await openDatabase(":memory:");
    store(db, [1, 2, 3, 4, 5, 6].map((n) => Buffer.alloc(5 << 20, n)));
    read.mostBytes = 0;
    expect((await verifyLog(db)).ok).toBe(true);
    expect(read.mostBytes).toBe(15 << 20);
  });

  it("names a changed file read in a later run of bytes, whatever the size column says", async () => {
    const db = await openDatabase(":memory:");
    // Three files of 7 MiB: no two fit in one run, so each is read alone.
    const keys = store(db, [1, 2, 3].map((n) => Buffer.alloc(7 << 20, n)));
    db.$client.exec("DROP TRIGGER IF EXISTS artefacts_no_update");
    db.$client.exec("UPDATE artefacts SET size = 0");
    expect((await verifyLog(db)).ok).toBe(true);
    const last = lastInOrder(keys);
    alter(db, last, Buffer.alloc(7 << 20, 9));
    const verdict = await verifyLog(db);
    expect(verdict.ok).toBe(false);
    expect(verdict.firstBad?.reason).toContain(last);
  });
});
