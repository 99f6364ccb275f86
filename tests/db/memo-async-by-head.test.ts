/** The cache behind the PDFs: by log head, bounded, least recently used out first, failures forgotten. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importBundle } from "@/db/import-bundle";
import { openDatabase, type Db } from "@/db/index";
import { createAsyncMemoByHead } from "@/db/queries/memo-async-by-head";
import { smallBundle } from "../support/small-bundle";

let db: Db;
beforeAll(() => {
  db = openDatabase(":memory:");
});
afterAll(() => db.$client.close());

function counting() {
  const made: string[] = [];
  const make = (key: string) => () => {
    made.push(key);
    return Promise.resolve(`${key}#${made.length}`);
  };
  return { made, make };
}

describe("createAsyncMemoByHead", () => {
  it("keeps at most maxEntries, dropping the least recently used", async () => {
    const memo = createAsyncMemoByHead<string>(2);
    const { made, make } = counting();
    await memo(db, "a", make("a")).value;
    await memo(db, "b", make("b")).value;
    expect(memo(db, "a", make("a")).hit).toBe(true); // a is now the most recently used
    await memo(db, "c", make("c")).value; // drops b
    expect(memo(db, "a", make("a")).hit).toBe(true);
    expect(memo(db, "b", make("b")).hit).toBe(false);
    expect(made).toEqual(["a", "b", "c", "b"]);
  });

  it("calls compute at once, shares it with callers at the same head, and makes it anew after a write", async () => {
    const memo = createAsyncMemoByHead<string>(4);
    const { made, make } = counting();
    const first = memo(db, "k", make("k"));
    expect(made).toEqual(["k"]); // before any await: callers keep their order
    const second = memo(db, "k", make("k"));
    expect([first.hit, second.hit]).toEqual([false, true]);
    expect(await second.value).toBe(await first.value);

    importBundle(db, smallBundle(`memo-${Date.now().toString(36)}`), { actor: null });
    const after = memo(db, "k", make("k"));
    expect(after.hit).toBe(false);
    expect(made).toEqual(["k", "k"]);
  });

  it("forgets a failure, thrown or rejected", async () => {
    const memo = createAsyncMemoByHead<string>(4);
    await expect(memo(db, "r", () => Promise.reject(new Error("no"))).value).rejects.toThrow("no");
    await expect(
      memo(db, "t", () => {
        throw new Error("sync");
      }).value,
    ).rejects.toThrow("sync");
    expect(memo(db, "r", () => Promise.resolve("ok")).hit).toBe(false);
    expect(memo(db, "t", () => Promise.resolve("ok")).hit).toBe(false);
  });
});
