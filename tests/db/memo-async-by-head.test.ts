/** The cache behind the PDFs: by log head, bounded, least recently used out first, failures forgotten. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importBundle } from "@/db/import-bundle";
import { openDatabase, type Db } from "@/db/index";
import { createAsyncMemoByHead } from "@/db/queries/memo-async-by-head";
import { smallBundle } from "../support/small-bundle";

let db: Db;
beforeAll(async () => {
  db = await openDatabase(":memory:");
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
    await (await memo(db, "a", make("a"))).value;
    await (await memo(db, "b", make("b"))).value;
    expect((await memo(db, "a", make("a"))).hit).toBe(true); // a is now the most recently used
    await (await memo(db, "c", make("c"))).value; // drops b
    expect((await memo(db, "a", make("a"))).hit).toBe(true);
    expect((await memo(db, "b", make("b"))).hit).toBe(false);
    expect(made).toEqual(["a", "b", "c", "b"]);
  });

  it("calls compute at once, shares it with callers at the same head, and makes it anew after a write", async () => {
    const memo = createAsyncMemoByHead<string>(4);
    const { made, make } = counting();
    // Asked together, before either is awaited: callers keep their order and share one computation.
    const [first, second] = await Promise.all([memo(db, "k", make("k")), memo(db, "k", make("k"))]);
    expect(made).toEqual(["k"]);
    expect([first.hit, second.hit]).toEqual([false, true]);
    expect(await second.value).toBe(await first.value);

    await importBundle(db, smallBundle(`memo-${Date.now().toString(36)}`), { actor: null });
    const after = await memo(db, "k", make("k"));
    expect(after.hit).toBe(false);
    expect(made).toEqual(["k", "k"]);
  });

  it("forgets a failure, thrown or rejected", async () => {
    const memo = createAsyncMemoByHead<string>(4);
    await expect((await memo(db, "r", () => Promise.reject(new Error("no")))).value).rejects.toThrow("no");
    await expect(
      (
        await memo(db, "t", () => {
          throw new Error("sync");
        })
      ).value,
    ).rejects.toThrow("sync");
    expect((await memo(db, "r", () => Promise.resolve("ok"))).hit).toBe(false);
    expect((await memo(db, "t", () => Promise.resolve("ok"))).hit).toBe(false);
  });
});
