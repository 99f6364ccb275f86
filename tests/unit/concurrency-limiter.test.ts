/** The bounded concurrency limiter behind PDF printing: a slot count, a short queue, refusal past it. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConcurrencyLimiter, QueueFullError } from "@/lib/concurrency-limiter";

function deferred() {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe("ConcurrencyLimiter", () => {
  it("runs at most `concurrency` tasks, queues up to `maxWaiting`, refuses the rest at once", async () => {
    const limiter = new ConcurrencyLimiter(2, 3);
    const gates = Array.from({ length: 7 }, deferred);
    const started: number[] = [];
    const runs = gates.map((g, i) =>
      limiter.run(async () => {
        started.push(i);
        await g.promise;
        return i;
      }),
    );
    const settled = runs.map((r) => r.then((v) => ({ ok: v }), (e: unknown) => ({ error: e })));
    await tick();
    expect(started).toEqual([0, 1]);
    expect([limiter.running, limiter.waiting]).toEqual([2, 3]);
    const refused = await Promise.race([settled[5]!, tick().then(() => "pending")]);
    expect(refused).toEqual({ error: new QueueFullError(3) });
    expect(((await settled[6]!) as { error: QueueFullError }).error.waiting).toBe(3);

    gates[1]!.resolve();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    gates[0]!.reject(new Error("print failed"));
    await tick();
    expect(started).toEqual([0, 1, 2, 3]); // a failed task frees its slot too
    for (const g of gates) g.resolve();
    expect(await Promise.all(settled.slice(1, 5))).toEqual([{ ok: 1 }, { ok: 2 }, { ok: 3 }, { ok: 4 }]);
    expect(((await settled[0]!) as { error: Error }).error.message).toBe("print failed");
    expect([limiter.running, limiter.waiting]).toEqual([0, 0]);
  });

  it("frees the slot of a task that throws before returning a promise", async () => {
    const limiter = new ConcurrencyLimiter(1, 0);
    await expect(
      limiter.run(() => {
        throw new Error("sync");
      }),
    ).rejects.toThrow("sync");
    expect(await limiter.run(async () => "next")).toBe("next");
  });

  it("never runs more than `concurrency` at once and runs every task it accepted, in arrival order", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 6 }), fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 20 }), async (concurrency, maxWaiting, delays) => {
        const limiter = new ConcurrencyLimiter(concurrency, maxWaiting);
        let active = 0;
        let maxActive = 0;
        const order: number[] = [];
        const outcomes = await Promise.allSettled(
          delays.map((ms, i) =>
            limiter.run(async () => {
              order.push(i);
              maxActive = Math.max(maxActive, ++active);
              await new Promise((r) => setTimeout(r, ms));
              active--;
            }),
          ),
        );
        const accepted = outcomes.flatMap((o, i) => (o.status === "fulfilled" ? [i] : []));
        expect(maxActive).toBeLessThanOrEqual(concurrency);
        // All tasks arrive together: the first concurrency + maxWaiting are taken, the rest refused.
        expect(accepted).toEqual(delays.slice(0, concurrency + maxWaiting).map((_, i) => i));
        expect(order).toEqual(accepted);
      }),
      { numRuns: 40 },
    );
  });
});
