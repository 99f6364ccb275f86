/**
 * The full hash-chain check costs seconds on a long log. Any viewer can ask for it
 * (GET /api/audit/verify) and every page shows its verdict (the tamper banner), so it runs in a
 * worker thread, one run at a time, and callers share the last verdict while a newer one is made.
 */
import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { chainStatus } from "@/db/chain-status";
import { importBundle } from "@/db/import-bundle";
import { openDatabase } from "@/db/index";
import { ChainChecker, type LogState } from "@/lib/chain-checker";
import type { ChainVerdict } from "@/lib/hash-chain";
import { growLog } from "../support/grow-log";
import { smallBundle } from "../support/small-bundle";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chain-limit-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The longest the event loop went without running a timer while `work` ran. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  try {
    await work();
  } finally {
    clearInterval(ticker);
  }
  return Math.max(longest, performance.now() - last);
}

describe("the chain check is limited", () => {
  it("audit verify does not block other requests while the chain is checked", async () => {
    const db = await openDatabase(path.join(dir, "long.db"));
    await growLog(db, 80_000); // about 0.7 s of hashing here
    let answers: Awaited<ReturnType<typeof chainStatus>>[] = [];
    const started = performance.now();
    const stall = await longestStall(async () => {
      answers = await Promise.all(Array.from({ length: 10 }, () => Promise.resolve().then(async () => await chainStatus(db, "api"))));
    });
    const took = performance.now() - started;
    // Relative to the check's own duration, so a loaded machine slows both alike: on the request
    // thread the stall is the whole check.
    expect(stall, `longest event-loop stall (ms) during ten parallel chain checks taking ${Math.round(took)} ms`).toBeLessThan(Math.max(200, took / 4));
    // Ten callers, one run: the same verdict, checked at the same moment.
    for (const a of answers) expect(a).toMatchObject({ verdict: { ok: true, entries: 80_000, firstBad: null }, checking: false });
    expect(new Set(answers.map((a) => a.checkedAt)).size).toBe(1);
    expect(answers[0]!.checkedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    db.$client.close();
  }, 120_000);

  it("parallel audit verify requests share one chain run", async () => {
    let runs = 0;
    let running = 0;
    let mostAtOnce = 0;
    let release = () => {};
    const verify = async (): Promise<ChainVerdict> => {
      runs++;
      running++;
      mostAtOnce = Math.max(mostAtOnce, running);
      await new Promise<void>((r) => (release = r));
      running--;
      return { ok: true, entries: runs, head: `h${runs}`, firstBad: null };
    };
    const checker = new ChainChecker(verify);
    const api = { waitMs: 50, waitForFirst: true, ownAppendsMatter: true };
    const s1: LogState = { dataVersion: 1, head: "1:a" };

    // No verdict yet: everyone waits for the first run (an unchecked chain is never called intact).
    const first = Array.from({ length: 10 }, () => checker.check(s1, { ...api, waitMs: 0 }));
    await sleep(20);
    release();
    const firstAnswers = await Promise.all(first);
    expect(runs).toBe(1);
    for (const a of firstAnswers) expect(a).toMatchObject({ verdict: { entries: 1 }, checking: false });

    // The log did not change: no new run.
    expect(await checker.check(s1, api)).toMatchObject({ verdict: { entries: 1 }, checking: false });
    expect(runs).toBe(1);

    // The log changed and the run is slow: the last verdict, said to be behind, at once.
    const s2: LogState = { dataVersion: 2, head: "1:a" };
    const behind = await Promise.all(Array.from({ length: 10 }, () => checker.check(s2, api)));
    for (const a of behind) expect(a).toMatchObject({ verdict: { entries: 1 }, checking: true, checkedAt: firstAnswers[0]!.checkedAt });
    expect(runs).toBe(2);
    expect(mostAtOnce).toBe(1);
    release();
    await sleep(0);
    expect(await checker.check(s2, api)).toMatchObject({ verdict: { entries: 2 }, checking: false });
    expect(runs).toBe(2);

    // Our own appends (same data_version, new head): a page keeps the verdict, the API checks again.
    const s3: LogState = { dataVersion: 2, head: "2:b" };
    expect(await checker.check(s3, { ...api, ownAppendsMatter: false })).toMatchObject({ verdict: { entries: 2 }, checking: false });
    expect(runs).toBe(2);
    const again = checker.check(s3, api);
    release();
    expect(await again).toMatchObject({ verdict: { entries: 3 }, checking: false });
    expect(mostAtOnce).toBe(1);
  });

  it("a page waits a moment, then says the check is in progress rather than that the log is intact", async () => {
    let release = () => {};
    const checker = new ChainChecker(() => new Promise((r) => (release = () => r({ ok: false, entries: 3, head: "h", firstBad: { seq: 2, reason: "x" } }))));
    const page = { waitMs: 30, waitForFirst: false, ownAppendsMatter: false };
    expect(await checker.check({ dataVersion: 1, head: "" }, page)).toEqual({ verdict: null, checking: true, checkedAt: null });
    release();
    await sleep(0);
    expect(await checker.check({ dataVersion: 1, head: "" }, page)).toMatchObject({ verdict: { ok: false, firstBad: { seq: 2 } }, checking: false });
  });

  it("before the first verdict a page does not wait for it; after one, a change by another connection is waited for", async () => {
    let release = () => {};
    const checker = new ChainChecker(() => new Promise((r) => (release = () => r({ ok: true, entries: 3, head: "h", firstBad: null }))));
    const page = { waitMs: 2000, waitForFirst: false, ownAppendsMatter: false };
    const started = performance.now();
    expect(await checker.check({ dataVersion: 1, head: "" }, page)).toEqual({ verdict: null, checking: true, checkedAt: null });
    expect(performance.now() - started).toBeLessThan(500);
    release();
    await sleep(0);
    // A tamperer's write moves data_version: the next page waits for the check of the changed log.
    const afterChange = checker.check({ dataVersion: 2, head: "" }, page);
    await sleep(50);
    release();
    expect(await afterChange).toMatchObject({ verdict: { ok: true }, checking: false });
  });

  it("a failed run is reported when there is nothing to serve, and the last verdict is kept otherwise", async () => {
    let fail = true;
    const checker = new ChainChecker(async () => {
      if (fail) throw new Error("disk gone");
      return { ok: true, entries: 1, head: "h", firstBad: null };
    });
    const api = { waitMs: 50, waitForFirst: true, ownAppendsMatter: true };
    await expect(checker.check({ dataVersion: 1, head: "" }, api)).rejects.toThrow("disk gone");
    fail = false;
    const ok = await checker.check({ dataVersion: 1, head: "" }, api);
    expect(ok.verdict).toMatchObject({ ok: true });
    fail = true;
    expect(await checker.check({ dataVersion: 2, head: "" }, api)).toMatchObject({ verdict: { ok: true }, checkedAt: ok.checkedAt });
  });

  it("a change by another connection is checked again by the worker, and a tamper is named", async () => {
    const file = path.join(dir, "small.db");
    const db = await openDatabase(file);
    await importBundle(db, smallBundle("p"), { actor: null });
    const settled = async () => {
      for (let i = 0; i < 100; i++) {
        const c = await chainStatus(db, "api");
        if (!c.checking) return c.verdict!;
        await sleep(50);
      }
      throw new Error("the check never finished");
    };
    expect(await settled()).toMatchObject({ ok: true, firstBad: null });

    const tamperer = new Database(file);
    tamperer.exec("DROP TRIGGER audit_log_no_update;");
    const original = tamperer.prepare("SELECT actor FROM audit_log WHERE seq = 3").get() as { actor: string | null };
    tamperer.prepare("UPDATE audit_log SET actor = 'mallory@example.com' WHERE seq = 3").run();
    const broken = await settled();
    expect(broken.ok).toBe(false);
    expect(broken.firstBad).toMatchObject({ seq: 3, reason: expect.stringContaining("does not match its hash") });
    // The page path sees it too (a change by another connection always means a new check).
    expect((await chainStatus(db, "page")).verdict).toMatchObject({ ok: false, firstBad: { seq: 3 } });

    tamperer.prepare("UPDATE audit_log SET actor = ? WHERE seq = 3").run(original.actor);
    tamperer.close();
    expect(await settled()).toMatchObject({ ok: true });
    db.$client.close();
  }, 120_000);
});
