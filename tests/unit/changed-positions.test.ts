import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { changedPositions } from "@/lib/changed-positions";

describe("changedPositions", () => {
  it("names exactly the positions holding another object, or null past the limit or for another length", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 30 }), fc.integer({ min: 0, max: 30 }), (replaced, max) => {
        const before = replaced.map(() => ({}));
        const after = before.map((x, n) => (replaced[n] ? {} : x));
        const expected = replaced.flatMap((r, n) => (r ? [n] : []));
        expect(changedPositions(before, after, max)).toEqual(expected.length > max ? null : expected);
        expect(changedPositions(before, [...after, {}])).toBeNull();
      }),
    );
  });
});
