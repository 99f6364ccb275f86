import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sameList } from "@/lib/same-list";

describe("sameList", () => {
  it("is true exactly when both lists hold the same elements in the same order", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 5 }), fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 5 }), (a, b) => {
        expect(sameList(a, b)).toBe(JSON.stringify(a) === JSON.stringify(b));
        expect(sameList(a, [...a])).toBe(true);
      }),
    );
  });

  it("compares elements by identity unless told how", () => {
    const a = [{ k: 1 }];
    expect(sameList(a, [{ k: 1 }])).toBe(false);
    expect(sameList(a, [{ k: 1 }], (x, y) => x.k === y.k)).toBe(true);
  });
});
