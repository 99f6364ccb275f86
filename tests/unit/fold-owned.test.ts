import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { asksForAttention, foldOwned, LIST_ALL_OWNED_UP_TO } from "@/lib/my-work/fold-owned";

const owned = (program: string, key: string, flags: Partial<{ isNew: boolean; inflated: boolean; blocked: boolean }> = {}) => ({
  program,
  programName: `Program ${program}`,
  key,
  isNew: false,
  inflated: false,
  blocked: false,
  ...flags,
});

const arbOwned = fc.record({
  program: fc.constantFrom("a", "b", "c", "d"),
  key: fc.string({ minLength: 1, maxLength: 4 }),
  isNew: fc.boolean(),
  inflated: fc.boolean(),
  blocked: fc.boolean(),
}).map((e) => ({ ...e, programName: `Program ${e.program}` }));

describe("the owned items My work lists", () => {
  it("a few per program are all listed, in order, whatever their state, however many programs", () => {
    const entries = [owned("a", "A1"), owned("a", "A2", { blocked: true }), owned("b", "B1")];
    expect(foldOwned(entries)).toEqual({ shown: entries, folds: [] });
    const many = Array.from({ length: 50 }, (_, i) => owned(`p${i % 5}`, `K${i}`));
    expect(foldOwned(many)).toEqual({ shown: many, folds: [] });
    const exactly = Array.from({ length: LIST_ALL_OWNED_UP_TO }, (_, i) => owned("a", `K${i}`));
    expect(foldOwned(exactly).shown).toHaveLength(LIST_ALL_OWNED_UP_TO);
  });

  it("past the limit in a program, what asks for attention there is listed and the rest counted, in the programs' order", () => {
    const entries = [
      owned("b", "B1"),
      owned("b", "B2", { inflated: true }),
      owned("b", "B3"),
      owned("a", "A1", { isNew: true }),
      owned("a", "A2"),
      owned("a", "A3"),
      owned("c", "C1"),
      owned("c", "C2", { blocked: true }),
    ];
    const { shown, folds } = foldOwned(entries, 2);
    expect(shown.map((e) => e.key)).toEqual(["B2", "A1", "C1", "C2"]);
    expect(folds).toEqual([
      { program: "b", programName: "Program b", folded: 2, total: 3 },
      { program: "a", programName: "Program a", folded: 2, total: 3 },
    ]);
  });

  it("never drops an item: listed plus counted is everything, nothing that asks for attention is folded", () => {
    fc.assert(
      fc.property(fc.array(arbOwned, { maxLength: 80 }), fc.integer({ min: 0, max: 60 }), (entries, limit) => {
        const { shown, folds } = foldOwned(entries, limit);
        expect(shown.length + folds.reduce((n, f) => n + f.folded, 0)).toBe(entries.length);
        // The listed keep their order: they are a subsequence of the entries.
        let at = 0;
        for (const e of shown) {
          const found = entries.indexOf(e, at);
          expect(found).toBeGreaterThanOrEqual(at);
          at = found + 1;
        }
        const ownedIn = (program: string) => entries.filter((e) => e.program === program);
        for (const e of entries) {
          const listed = shown.includes(e);
          expect(listed).toBe(ownedIn(e.program).length <= limit || asksForAttention(e));
        }
        for (const f of folds) {
          expect(f.folded).toBeGreaterThan(0);
          expect(f.total).toBe(ownedIn(f.program).length);
          expect(f.folded).toBe(ownedIn(f.program).filter((e) => !asksForAttention(e)).length);
        }
        expect(new Set(folds.map((f) => f.program)).size).toBe(folds.length);
      }),
    );
  });
});
