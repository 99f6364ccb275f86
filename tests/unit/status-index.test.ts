import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ItemWithStatus } from "@/lib/compute-item-statuses";
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

  it("is made once per statuses array, and again for a new one", () => {
    const statuses = [{ key: "A", dependsOn: [] }] as unknown as ItemWithStatus[];
    expect(statusIndex(statuses)).toBe(statusIndex(statuses));
    expect(statusIndex([...statuses])).not.toBe(statusIndex(statuses));
  });
});
