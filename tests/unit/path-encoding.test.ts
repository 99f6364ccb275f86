import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodePathSegment, holdsNul, repairPathEncoding } from "@/lib/http/path-encoding";

describe("decodePathSegment", () => {
  it("keeps a segment Next.js decoded already, and decodes one that still holds escapes", () => {
    expect(decodePathSegment("2024-W52")).toBe("2024-W52");
    expect(decodePathSegment("2024-12-27")).toBe("2024-12-27");
    expect(decodePathSegment("2024%2DW52")).toBe("2024-W52");
    expect(decodePathSegment("../../etc")).toBe("../../etc");
    expect(decodePathSegment("x".repeat(5000))).toBe("x".repeat(5000));
  });

  it("says null, never throws, for a '%' that starts no escape or escapes that are not UTF-8", () => {
    for (const s of ["%", "%A", "%E0%A4%A", "%ff", "2024-W52%", "%zz", "%ED%A0%80", "%C0%AF", "100%"]) expect(decodePathSegment(s), s).toBeNull();
  });

  it("never throws on any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("%", "a", "F", "0", "E", "8", "/", "-") }), (s) => {
        const out = decodePathSegment(s);
        expect(out === null || typeof out === "string").toBe(true);
      }),
    );
  });
});

describe("repairPathEncoding", () => {
  it("is null for a path that decodes", () => {
    for (const p of ["/programs/x/reports/2024-W52", "/programs/x/reports/%25", "/a/%F0%9F%92%A5", "/"]) expect(repairPathEncoding(p), p).toBeNull();
  });

  it("replaces only what cannot be decoded, with U+FFFD, and keeps the rest as sent", () => {
    expect(repairPathEncoding("/programs/x/reports/%E0%A4%A")).toBe("/programs/x/reports/%EF%BF%BD%EF%BF%BDA");
    expect(repairPathEncoding("/programs/%ff/items")).toBe("/programs/%EF%BF%BD/items");
    expect(repairPathEncoding("/programs/x/items/%41%ff%2F")).toBe("/programs/x/items/A%EF%BF%BD%2F");
    expect(repairPathEncoding("/programs/x/reports/2024-W52%")).toBe("/programs/x/reports/2024-W52%EF%BF%BD");
    expect(decodeURIComponent(repairPathEncoding("/p/%ED%A0%80")!)).toMatch(/^\/p\/\uFFFD+$/);
  });

  it("always gives a path that decodes, with the same segments", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("%", "a", "F", "0", "E", "D", "8", "C", "/", "-") }), (s) => {
        const path = `/${s}`;
        const repaired = repairPathEncoding(path);
        if (repaired === null) return;
        expect(() => decodeURIComponent(repaired)).not.toThrow();
        expect(repaired.split("/").length).toBe(path.split("/").length);
      }),
    );
  });
});

describe("holdsNul", () => {
  it("finds U+0000 in any parameter, a catch-all's segments included", () => {
    expect(holdsNul({ slug: "demo", key: "A\u0000" })).toBe(true);
    expect(holdsNul({ slug: "\u0000" })).toBe(true);
    expect(holdsNul({ path: ["a", "b\u0000c"] })).toBe(true);
  });

  it("is false for parameters without it, however hostile otherwise", () => {
    expect(holdsNul({})).toBe(false);
    expect(holdsNul(undefined)).toBe(false); // a route without parameters
    expect(holdsNul({ slug: "demo", key: "../..", week: "%00", path: ["x", "💥"] })).toBe(false);
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.string().filter((s) => !s.includes("\u0000"))), (params) => !holdsNul(params)));
  });
});
