import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fillJsonSlotBytes, fillJsonSlotsBytes, JSON_SLOT, jsonSlot, textOfChunks, utf8Bytes } from "@/lib/json-slot";

describe("filling the JSON slot", () => {
  it("writes a piece serialised before exactly where the slot was, in UTF-8 chunks", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.string(), fc.jsonValue(), fc.integer({ min: 1, max: 4 }), (around, name, piece, parts) => {
        const withSlot = JSON.stringify({ ...around, [name]: JSON_SLOT });
        const whole = JSON.stringify({ ...around, [name]: piece });
        const json = JSON.stringify(piece);
        // The piece cut anywhere into chunks, even inside a character's bytes.
        const bytes = utf8Bytes(json);
        const cuts = Array.from({ length: parts }, (_, i) => bytes.slice(Math.floor((i * bytes.length) / parts), Math.floor(((i + 1) * bytes.length) / parts)));
        expect(textOfChunks(fillJsonSlotBytes(withSlot, cuts)!)).toBe(whole);
      }),
    );
  });

  it("refuses a text without the slot or with it twice", () => {
    for (const text of [JSON.stringify({ a: 1 }), JSON.stringify({ a: JSON_SLOT, b: JSON_SLOT })]) {
      expect(fillJsonSlotBytes(text, [utf8Bytes("[]")])).toBeNull();
    }
  });

  it("fills several slots, wherever each sits in the text, with their own pieces", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.uniqueArray(fc.string(), { minLength: 1, maxLength: 4 }), fc.array(fc.jsonValue(), { minLength: 4, maxLength: 4 }), (around, names, pieces) => {
        const withSlots = JSON.stringify({ ...around, ...Object.fromEntries(names.map((name, i) => [name, jsonSlot(i)])) });
        const whole = JSON.stringify({ ...around, ...Object.fromEntries(names.map((name, i) => [name, pieces[i]])) });
        const filled = fillJsonSlotsBytes(withSlots, names.map((_, i) => [utf8Bytes(JSON.stringify(pieces[i]))]));
        expect(textOfChunks(filled!)).toBe(whole);
      }),
    );
  });

  it("refuses a text where any one of several slots is missing or twice", () => {
    const piece = [utf8Bytes("[]")];
    expect(fillJsonSlotsBytes(JSON.stringify({ a: jsonSlot(0) }), [piece, piece])).toBeNull();
    expect(fillJsonSlotsBytes(JSON.stringify({ a: jsonSlot(0), b: jsonSlot(1), c: jsonSlot(1) }), [piece, piece])).toBeNull();
  });
});
