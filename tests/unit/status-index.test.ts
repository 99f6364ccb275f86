import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ItemWithStatus } from "@/lib/compute-item-statuses";
import { sameList } from "@/lib/same-list";
import { statusIndex } from "@/lib/status-index";

const programs = fc
  .integer({ min: 0, max: 12 })
  .chain((n) => fc.tuple(fc.constant(n), fc.array(fc.array(fc.nat({ max: Math.max(0, n - 1) }), { maxLength: 4 }), { minLength: n, maxLength: n })))
  .map(([n, deps]) => Array.from({ length: n }, (_, i) => ({ key: `K-${i}`, dependsOn: deps[i]!.map((d) => `K-${d}`) }) as unknown as ItemWithStatus));

describe("statusIndex", () => {
  it("finds every item by key and lists each item's dependents once each, in the statuses' order (a key may be named twice)", () => {
    fc.assert(
      fc.property(programs, (statuses) => {
        const { byKey, dependents } = statusIndex(statuses);
        for (const item of statuses) {
          expect(byKey.get(item.key)).toBe(item);
          expect(dependents.get(item.key) ?? []).toEqual(statuses.filter((s) => s.dependsOn.includes(item.key)).map((s) => s.key));
        }
      }),
    );
  });

  it("after a write, gives the new statuses their own entries and dependents, keeping the dependents when no dependency changed (property)", () => {
    const expectIndexed = (statuses: ItemWithStatus[]) => {
      const { byKey, dependents } = statusIndex(statuses);
      for (const item of statuses) {
        expect(byKey.get(item.key)).toBe(item);
        expect(dependents.get(item.key) ?? []).toEqual(statuses.filter((s) => s.dependsOn.includes(item.key)).map((s) => s.key));
      }
    };
    const writes = fc.array(fc.record({ at: fc.nat(), moveDeps: fc.boolean(), to: fc.array(fc.nat(), { maxLength: 3 }) }), { maxLength: 4 });
    fc.assert(
      fc.property(programs, writes, (before, changes) => {
        statusIndex(before);
        const after = [...before];
        let depsMoved = false;
        for (const change of changes) {
          if (after.length === 0) break;
          const at = change.at % after.length;
          const dependsOn = change.moveDeps ? change.to.map((d) => `K-${d % after.length}`) : after[at]!.dependsOn;
          depsMoved ||= !sameList(dependsOn, after[at]!.dependsOn);
          after[at] = { ...after[at]!, dependsOn } as ItemWithStatus;
        }
        expectIndexed(after);
        if (!depsMoved) expect(statusIndex(after).dependents).toBe(statusIndex(before).dependents);
      }),
    );
  });

  it("is made once per statuses array, and again for a new one", () => {
    const statuses = [{ key: "A", dependsOn: [] }] as unknown as ItemWithStatus[];
    expect(statusIndex(statuses)).toBe(statusIndex(statuses));
    expect(statusIndex([...statuses])).not.toBe(statusIndex(statuses));
  });
});
