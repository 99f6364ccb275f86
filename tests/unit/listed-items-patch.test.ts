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
});
