/** The program-wide cache is bounded by weight (items), least recently used out first. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/index";
import { importBundle } from "@/db/import-bundle";
import { getReadiness } from "@/db/queries/get-readiness";
import { memoByHead, memoStats } from "@/db/queries/memo-by-head";
import { manyItemsBundle, smallBundle } from "../support/small-bundle";

function freshDb() {
  const db = openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), "memo-weight-")), "t.db"));
  importBundle(db, smallBundle("p"), { actor: null });
  return db;
}

describe("the weight bound of the program-wide cache", () => {
  it("keeps one heavy answer beside many light ones, where a count of entries would have dropped it", () => {
    const db = freshDb();
    let heavyComputed = 0;
    const heavy = () => memoByHead(db, "heavy", () => (heavyComputed++, { items: 10_000 }), undefined, (v) => v.items);
    heavy();
    // 200 programs' headlines, six answers of 64 items each: 76,800 items' weight in all.
    for (let p = 0; p < 200; p++) for (let a = 0; a < 6; a++) memoByHead(db, `light:${p}:${a}`, () => ({ p, a }), undefined, () => 64);
    heavy();
    expect(heavyComputed).toBe(1);
    expect(memoStats(db).weight).toBe(10_000 + 200 * 6 * 64);
  });

  it("drops the least recently used answers first once the weights pass the bound, and counts what is left", () => {
    const db = freshDb();
    const computed: string[] = [];
    const get = (key: string, weight: number) => memoByHead(db, key, () => (computed.push(key), key), undefined, () => weight);
    get("old", 100_000);
    get("used", 100_000);
    get("old", 100_000); // "old" is now the most recently used
    get("new", 100_000); // 300,000 > 250,000: the least recently used, "used", goes
    expect(memoStats(db)).toEqual({ entries: 2, weight: 200_000 });
    computed.length = 0;
    get("old", 100_000);
    get("new", 100_000);
    expect(computed).toEqual([]);
    get("used", 100_000);
    expect(computed).toEqual(["used"]);
  });

  it("keeps an answer heavier than the whole bound until the next one comes", () => {
    const db = freshDb();
    let n = 0;
    const huge = () => memoByHead(db, "huge", () => ++n, undefined, () => 1_000_000);
    expect(huge()).toBe(1);
    expect(huge()).toBe(1);
    memoByHead(db, "next", () => 0);
    expect(huge()).toBe(2);
  });

  it("weighs a program's answers by its item count", () => {
    const db = freshDb();
    importBundle(db, manyItemsBundle("big", 500), { actor: null });
    const before = memoStats(db).weight;
    getReadiness(db, "big", Date.parse("2025-01-01"), Date.parse("2025-01-01"));
    // The history, the snapshot and the readiness: 500 items each.
    expect(memoStats(db).weight - before).toBeGreaterThanOrEqual(3 * 500);
  });
});
