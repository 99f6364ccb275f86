/**
 * canonicalJson writes exactly what the `canonicalize` library (RFC 8785) writes — the hash chain
 * and every report digest depend on it byte for byte — for any JSON value, for objects whose keys
 * engines would list in another order than the sorted one, and for the values the library handles
 * its own way.
 */
import canonicalize from "canonicalize";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "@/lib/canonical-json";

// Keys that sort differently as strings and as an engine lists them: digits, and around them.
const awkwardKey = fc.oneof(fc.string(), fc.constantFrom("0", "1", "2", "10", "01", "-1", "1.5", "4294967295", "4294967294", "+", "!", "é", "\u{1F600}", "Z", "a", "__proto__", "__proto__x", "constructor"));
const awkwardValue = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, fc.jsonValue({ maxDepth: 1 }), fc.double({ noNaN: true, noDefaultInfinity: true }), tie("object"), tie("array")),
  object: fc.dictionary(awkwardKey, tie("value"), { maxKeys: 6 }),
  array: fc.array(tie("value"), { maxLength: 5 }),
})).value;

describe("canonicalJson", () => {
  it("is the library's text for any JSON value (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(canonicalize(value));
      }),
      { numRuns: 500 },
    );
  });

  it("is the library's text for objects with digit keys, odd characters and any number (property)", () => {
    fc.assert(
      fc.property(awkwardValue, (value) => {
        expect(canonicalJson(value)).toBe(canonicalize(value));
      }),
      { numRuns: 1000 },
    );
  });

  it("orders keys by UTF-16 code units, digits as text, at every depth", () => {
    expect(canonicalJson({ b: 1, a: [{ z: null, "10": true, "2": false, y: "é" }], "": 0 })).toBe('{"":0,"a":[{"10":true,"2":false,"y":"é","z":null}],"b":1}');
    expect(canonicalJson({ "\u{1F600}": 1, "\uFB01": 2 })).toBe('{"\u{1F600}":1,"\uFB01":2}');
  });

  it("keeps a key named __proto__, as JSON.parse makes it, wherever it sorts", () => {
    const value = JSON.parse('{"b":1,"__proto__":{"x":2},"a":{"z":0,"__proto__":null}}') as unknown;
    expect(canonicalJson(value)).toBe('{"__proto__":{"x":2},"a":{"__proto__":null,"z":0},"b":1}');
    expect(canonicalJson(value)).toBe(canonicalize(value));
  });

  it("writes toJSON's result, leaves out undefined members, and writes null for undefined in an array", () => {
    const value = { when: new Date(Date.UTC(2026, 11, 4)), gone: undefined, list: [undefined, 1] };
    expect(canonicalJson(value)).toBe('{"list":[null,1],"when":"2026-12-04T00:00:00.000Z"}');
    expect(canonicalJson(value)).toBe(canonicalize(value));
  });

  it("hands the library what it writes its own way: holes, and refuses what has no JSON form as it does", () => {
    const holes = [1, , 3];
    expect(canonicalJson(holes)).toBe(canonicalize(holes));
    expect(() => canonicalJson({ n: Number.NaN })).toThrow("NaN is not allowed");
    expect(() => canonicalJson([Infinity])).toThrow("Infinity is not allowed");
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });
});
