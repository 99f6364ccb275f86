import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fillJsonSlot, JSON_SLOT } from "@/lib/json-slot";

describe("fillJsonSlot", () => {
  it("writes a piece serialised before exactly where the slot was", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.string(), fc.jsonValue(), (around, name, piece) => {
        const withSlot = { ...around, [name]: JSON_SLOT };
        const whole = { ...around, [name]: piece };
        expect(fillJsonSlot(JSON.stringify(withSlot), JSON.stringify(piece))).toBe(JSON.stringify(whole));
      }),
    );
  });

  it("refuses a text without the slot or with it twice", () => {
    expect(fillJsonSlot(JSON.stringify({ a: 1 }), "[]")).toBeNull();
    expect(fillJsonSlot(JSON.stringify({ a: JSON_SLOT, b: JSON_SLOT }), "[]")).toBeNull();
  });
});
