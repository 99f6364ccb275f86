import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/index";
import { people } from "@/db/schema";
import { readSnapshot, transact } from "@/db/transact";

const person = (email: string) => ({ email, name: email });
const countPeople = async (db: Awaited<ReturnType<typeof openDatabase>>) => (await db.select({ n: count() }).from(people))[0]!.n;
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("transact", () => {
  it("writes all of the work or, when it throws, none of it", async () => {
    const db = await openDatabase(":memory:");
    await transact(db, async (tx) => {
      await tx.insert(people).values(person("a@x"));
      await tx.insert(people).values(person("b@x"));
    });
    await expect(
      transact(db, async (tx) => {
        await tx.insert(people).values(person("c@x"));
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect(await countPeople(db)).toBe(2);
    expect(db.$client.inTransaction).toBe(false);
  });

  it("runs transactions asked for together one after another, in the order asked", async () => {
    const db = await openDatabase(":memory:");
    const steps: string[] = [];
    const slow = transact(db, async (tx) => {
      steps.push("a:start");
      await tx.insert(people).values(person("a@x"));
      await tick(); // other requests' code runs meanwhile
      steps.push("a:end");
    });
    const fast = transact(db, async (tx) => {
      steps.push("b:start");
      expect(await countPeople(tx)).toBe(1); // a's row, committed
      steps.push("b:end");
    });
    await Promise.all([slow, fast]);
    expect(steps).toEqual(["a:start", "a:end", "b:start", "b:end"]);
  });

  it("lets a transaction go on after another one failed", async () => {
    const db = await openDatabase(":memory:");
    const failing = transact(db, () => Promise.reject(new Error("no")));
    const next = transact(db, async (tx) => tx.insert(people).values(person("a@x")));
    await expect(failing).rejects.toThrow("no");
    await next;
    expect(await countPeople(db)).toBe(1);
  });

  it("joins the transaction it is called from, so a mutation composes with another", async () => {
    const db = await openDatabase(":memory:");
    await expect(
      transact(db, async (tx) => {
        await transact(tx, async (inner) => inner.insert(people).values(person("a@x")));
        throw new Error("the outer work fails");
      }),
    ).rejects.toThrow("the outer work fails");
    expect(await countPeople(db)).toBe(0);
  });

  it("reads one snapshot and leaves no transaction open", async () => {
    const db = await openDatabase(":memory:");
    await db.insert(people).values(person("a@x"));
    const seen = await readSnapshot(db, async (s) => (await s.select().from(people).where(eq(people.email, "a@x"))).length);
    expect(seen).toBe(1);
    expect(db.$client.inTransaction).toBe(false);
  });
});
