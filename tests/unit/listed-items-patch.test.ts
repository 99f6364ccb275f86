import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeItemStatuses } from "@/lib/compute-item-statuses";
import { toListedItems } from "@/lib/items/item-query";
import type { ItemWithTransitions } from "@/lib/item-with-transitions";

const item = (key: string, dependsOn: string[], done: boolean): ItemWithTransitions => ({
  key,
  title: `Item ${key}`,
  area: "Area",
  owner: null,
  ownerName: null,
  team: "",
  estimateWeeks: 2,
  identifiedAt: 0,
  dependsOn,
  transitions: done ? [{ to: "done", effectiveAt: 1, recordedAt: 1, recordingOrder: 1, verificationRecordedAt: 1 }] : [],
});

// A chain K0 <- K1 <- … : every item depends on the one before it.
const chain = (done: readonly boolean[]) => done.map((d, n) => item(`K${n}`, n === 0 ? [] : [`K${n - 1}`], d));

describe("the listed items patched after a write", () => {
  it("equal the list made whole, also when an item and what it depends on become done or undone together", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), (before, flip) => {
        const itemsBefore = chain(before);
        const itemsAfter = itemsBefore.map((i, n) => (flip[n] ? item(i.key, i.dependsOn, !before[n]) : i));
        const statusesBefore = computeItemStatuses(itemsBefore, 10, 10);
        const statusesAfter = computeItemStatuses(itemsAfter, 10, 10, { items: itemsBefore, statuses: statusesBefore });
        const patched = toListedItems(statusesAfter, { statuses: statusesBefore, listed: toListedItems(statusesBefore) });
        expect(patched).toEqual(toListedItems(statusesAfter));
      }),
      { numRuns: 300 },
    );
  });

  it("equal the list made whole after each of many writes, dependencies changed among them", () => {
    const n = 8;
    const key = (i: number) => `K${i}`;
    // A step: flip some items' done-ness, maybe giving one item other dependencies (only on earlier keys) too.
    const step = fc.oneof(
      fc.record({ kind: fc.constant("done" as const), flip: fc.array(fc.boolean(), { minLength: n, maxLength: n }) }),
      fc.record({ kind: fc.constant("deps" as const), at: fc.integer({ min: 1, max: n - 1 }), on: fc.array(fc.nat(n - 1), { maxLength: 3 }), flip: fc.oneof(fc.constant(Array<boolean>(n).fill(false)), fc.array(fc.boolean(), { minLength: n, maxLength: n })) }),
    );
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: n, maxLength: n }), fc.array(step, { minLength: 1, maxLength: 8 }), (done, steps) => {
        let items = done.map((d, i) => item(key(i), i === 0 ? [] : [key(i - 1)], d));
        let statuses = computeItemStatuses(items, 10, 10);
        let listed = toListedItems(statuses);
        for (const s of steps) {
          const next =
            s.kind === "done"
              ? items.map((it, i) => (s.flip[i] ? item(it.key, it.dependsOn, it.transitions.length === 0) : it))
              : items.map((it, i) => {
                  const isDone = (it.transitions.length > 0) !== s.flip[i];
                  return i === s.at ? item(it.key, [...new Set(s.on.filter((d) => d < i).map(key))], isDone) : s.flip[i] ? item(it.key, it.dependsOn, isDone) : it;
                });
          const nextStatuses = computeItemStatuses(next, 10, 10, { items, statuses });
          listed = toListedItems(nextStatuses, { statuses, listed });
          expect(listed).toEqual(toListedItems(nextStatuses));
          [items, statuses] = [next, nextStatuses];
        }
      }),
      { numRuns: 300 },
    );
  });
});
