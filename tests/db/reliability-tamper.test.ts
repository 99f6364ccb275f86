/**
 * Tamper evidence: on a database holding the demo program, a tamperer with sqlite
 * (who drops the append-only triggers first) alters any single row of the log, deletes a middle
 * row, deletes the last row, or swaps two rows' content — verifyLog, and `verify-log` on the CLI,
 * name the first bad entry.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_BUNDLE_FILE } from "@/db/boot";
import { importBundle } from "@/db/import-bundle";
import { openDatabase, type Db } from "@/db/index";
import { verifyLog } from "@/db/verify-log";
import { trackerInProcess } from "../support/cli-in-process";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-tamper-"));
const file = path.join(dir, "tracker.db");
let db: Db;
let last = 0;

const COLUMNS = ["at", "actor", "action", "entity", "entity_id", "program_slug", "payload", "prev_hash", "hash"] as const;
type Row = Record<(typeof COLUMNS)[number] | "seq", string | number | null>;

const row = (seq: number) => db.$client.prepare("SELECT * FROM audit_log WHERE seq = ?").get(seq) as Row;
const put = (seq: number, r: Row) =>
  db.$client.prepare(`UPDATE audit_log SET ${COLUMNS.map((c) => `${c} = @${c}`).join(", ")} WHERE seq = @where`).run({ ...r, where: seq });

/** Puts a deleted row back, leaving the anchor (which its insert trigger moves) as it was. */
function reinsert(r: Row) {
  const anchor = db.$client.prepare("SELECT seq, hash FROM log_anchor WHERE id = 1").get() as { seq: number; hash: string };
  db.$client.prepare(`INSERT INTO audit_log (seq, ${COLUMNS.join(", ")}) VALUES (@seq, ${COLUMNS.map((c) => `@${c}`).join(", ")})`).run(r);
  db.$client.prepare("UPDATE log_anchor SET seq = ?, hash = ? WHERE id = 1").run(anchor.seq, anchor.hash);
}

/** A different value for `column` of `r`, as a tamperer would write it. */
function altered(r: Row, column: (typeof COLUMNS)[number]): string {
  const value = r[column];
  if (column === "payload") {
    const payload = JSON.parse(String(value));
    if (payload && typeof payload === "object" && !Array.isArray(payload)) return JSON.stringify({ ...payload, tampered: true });
    return JSON.stringify({ was: payload });
  }
  if (value === null) return "someone@example.com";
  const text = String(value);
  const flip = text.at(-1) === "0" ? "1" : "0";
  return text.slice(0, -1) + flip;
}

beforeAll(async () => {
  db = await openDatabase(file);
  await importBundle(db, JSON.parse(fs.readFileSync(DEMO_BUNDLE_FILE, "utf8")), { actor: null });
  last = (db.$client.prepare("SELECT MAX(seq) AS n FROM audit_log").get() as { n: number }).n;
  expect(last).toBeGreaterThan(100);
  expect((await verifyLog(db)).ok).toBe(true);
  // What a tamperer does first.
  db.$client.exec("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;");
});

afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("tampering with the log is detected at the first bad entry", () => {
  it("altering any single column of any row (20 rows drawn by fast-check)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: last }), fc.constantFrom(...COLUMNS), async (seq, column) => {
        const original = row(seq);
        put(seq, { ...original, [column]: altered(original, column) });
        try {
          const verdict = await verifyLog(db);
          expect(verdict.ok, `seq ${seq} ${column}`).toBe(false);
          expect(verdict.firstBad!.seq, `seq ${seq} ${column}: ${verdict.firstBad!.reason}`).toBe(seq);
        } finally {
          put(seq, original);
        }
        expect((await verifyLog(db)).ok).toBe(true);
      }),
      { seed: 9_090, numRuns: 20 },
    );
  });

  it("deleting a middle row", async () => {
    const seq = Math.floor(last / 2);
    const original = row(seq);
    db.$client.prepare("DELETE FROM audit_log WHERE seq = ?").run(seq);
    const verdict = await verifyLog(db);
    reinsert(original);
    expect(verdict.ok).toBe(false);
    // The entry found where #seq should be is #seq+1: the verdict says #seq is missing.
    expect(verdict.firstBad!.seq).toBe(seq + 1);
    expect(verdict.firstBad!.reason).toContain(`expected entry #${seq} here`);
    expect((await verifyLog(db)).ok).toBe(true);
  });

  it("deleting the last row (caught by the anchor the log keeps of its last entry)", async () => {
    const original = row(last);
    db.$client.prepare("DELETE FROM audit_log WHERE seq = ?").run(last);
    const verdict = await verifyLog(db);
    reinsert(original);
    expect(verdict.ok).toBe(false);
    expect(verdict.firstBad!.seq).toBe(last);
    expect(verdict.firstBad!.reason).toContain("removed from its end");
    expect((await verifyLog(db)).ok).toBe(true);
  });

  it("swapping two rows' content (reordering history)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: last }), fc.integer({ min: 1, max: last }), async (a, b) => {
        fc.pre(a !== b);
        const [i, j] = a < b ? [a, b] : [b, a];
        const ri = row(i);
        const rj = row(j);
        put(i, rj);
        put(j, ri);
        let verdict;
        try {
          verdict = await verifyLog(db);
        } finally {
          put(i, ri);
          put(j, rj);
        }
        expect(verdict.ok).toBe(false);
        expect(verdict.firstBad!.seq, `swap #${i} and #${j}`).toBe(i);
      }),
      { seed: 1_234, numRuns: 5 },
    );
    expect((await verifyLog(db)).ok).toBe(true);
  });

  it("`verify-log` on the CLI says where, and exits non-zero", async () => {
    const seq = 7;
    const original = row(seq);
    put(seq, { ...original, payload: altered(original, "payload") });
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    try {
      const r = await trackerInProcess(file, ["verify-log"]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^log BROKEN at entry #7: its content does not match its hash/);
    } finally {
      put(seq, original);
    }
    const ok = await trackerInProcess(file, ["verify-log"]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(new RegExp(`^log intact: ${last} entries`));
  });
});
