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

async function freshDb() {
  const db = await openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), "memo-weight-")), "t.db"));
  await importBundle(db, smallBundle("p"), { actor: null });
  return db;
}

describe("the weight bound of the program-wide cache", () => {
  it("keeps one heavy answer beside many light ones, where a count of entries would have dropped it", async () => {
    const db = await freshDb();
    let heavyComputed = 0;
    const heavy = async () => await memoByHead(db, "heavy", () => (heavyComputed++, { items: 10_000 }), undefined, (v) => v.items);
    await heavy();
    // 200 programs' headlines, six answers of 64 items each: 76,800 items' weight in all.
    for (let p = 0; p < 200; p++) for (let a = 0; a < 6; a++) await memoByHead(db, `light:${p}:${a}`, () => ({ p, a }), undefined, () => 64);
    await heavy();
    expect(heavyComputed).toBe(1);
    expect(memoStats(db).weight).toBe(10_000 + 200 * 6 * 64);
  });

  it("drops the least recently used answers first once the weights pass the bound, and counts what is left", async () => {
    const db = await freshDb();
    const computed: string[] = [];
    const get = async (key: string, weight: number) => await memoByHead(db, key, () => (computed.push(key), key), undefined, () => weight);
    await get("old", 100_000);
    await get("used", 100_000);
    await get("old", 100_000); // "old" is now the most recently used
    await get("new", 100_000); // 300,000 > 250,000: the least recently used, "used", goes
    expect(memoStats(db)).toEqual({ entries: 2, weight: 200_000 });
    computed.length = 0;
    await get("old", 100_000);
    await get("new", 100_000);
    expect(computed).toEqual([]);
    await get("used", 100_000);
    expect(computed).toEqual(["used"]);
  });

  it("keeps an answer heavier than the whole bound until the next one comes", async () => {
    const db = await freshDb();
    let n = 0;
    const huge = async () => await memoByHead(db, "huge", () => ++n, undefined, () => 1_000_000);
    expect(await huge()).toBe(1);
    expect(await huge()).toBe(1);
    await memoByHead(db, "next", () => 0);
    expect(await huge()).toBe(2);
  });

  it("weighs a program's answers by its item count", async () => {
    const db = await freshDb();
    await importBundle(db, manyItemsBundle("big", 500), { actor: null });
    const before = memoStats(db).weight;
    await getReadiness(db, "big", Date.parse("2025-01-01"), Date.parse("2025-01-01"));
    // The history, the snapshot and the readiness: 500 items each.
    expect(memoStats(db).weight - before).toBeGreaterThanOrEqual(3 * 500);
  });
});
