import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KeptDraws } from "@/lib/readiness/kept-draws";

const PAGE = 1 << 16;

describe("KeptDraws", () => {
  it("gives back every draw in order and sums any stretch of them, packed or not, across pages", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 256 }),
        fc.array(fc.integer({ min: 0, max: PAGE + 3 }), { minLength: 1, maxLength: 4 }),
        fc.nat(),
        (range, counts, seed) => {
          const draws = new KeptDraws(range);
          const made: number[] = [];
          let x = seed;
          const draw = () => {
            x = (Math.imul(x, 1103515245) + 12345) >>> 0;
            const d = x % range;
            made.push(d);
            return d;
          };
          for (const count of counts) draws.append(count, draw);
          expect(draws.length).toBe(made.length);
          const values = Array.from({ length: range }, (_, i) => (i * 7 + 3) % 11);
          // Every draw near the start, the page boundary and the end; a sample of the rest.
          const probe = [...Array(40).keys(), PAGE - 2, PAGE - 1, PAGE, PAGE + 1, made.length - 2, made.length - 1].filter((i) => i >= 0 && i < made.length);
          for (const i of probe) expect(draws.at(i)).toBe(made[i]);
          for (let i = 0; i < made.length; i += 997) expect(draws.at(i)).toBe(made[i]);
          const stretches = [[0, Math.min(32, made.length)], [1, Math.min(33, made.length)], [Math.max(0, PAGE - 16), Math.min(PAGE + 16, made.length)], [0, made.length]];
          for (const [from, to] of stretches) {
            if (from! > to!) continue;
            let sum = 0;
            for (let i = from!; i < to!; i++) sum += values[made[i]!]!;
            expect(draws.sumWithin(from!, to!, values)).toBe(sum);
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it("refuses a sample too long for a byte a draw", () => {
    expect(() => new KeptDraws(257)).toThrow(/257 weeks/);
  });
});
