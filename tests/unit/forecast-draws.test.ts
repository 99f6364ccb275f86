/**
 * The forecast keeps each seed's draws and cuts the trials again from them when the remaining
 * count changes; its answers must be exactly those of drawing every trial afresh (DESIGN §6).
 */
import fc from "fast-check";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { describe, expect, it } from "vitest";
import { forecastCompletion, forecastSeed, MAX_WEEKS, shareFinishedWithin, TRIALS, weeksToDate } from "@/lib/readiness/forecast";

/** The trials drawn from a fresh generator, one after another, as DESIGN §6 describes them. */
function freshOutcomes(slug: string, asOf: number, remaining: number, values: number[]): number[] {
  const rng = xoroshiro128plus(forecastSeed(slug, asOf));
  const outcomes: number[] = [];
  for (let trial = 0; trial < TRIALS; trial++) {
    let left = remaining;
    let weeks = 0;
    while (left > 0 && weeks < MAX_WEEKS) {
      left -= values[uniformInt(rng, 0, values.length - 1)]!;
      weeks++;
    }
    outcomes.push(left > 0 ? Infinity : weeks);
  }
  return outcomes.sort((a, b) => a - b);
}

const percentileOf = (sorted: number[], p: number) => {
  const n = sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
  return Number.isFinite(n) ? n : null;
};

const sampleOf = (values: number[]) => values.map((done, i) => ({ week: `2024-W${String(i + 1).padStart(2, "0")}`, done }));
const ASOF = Date.UTC(2024, 11, 31, 23, 59, 59, 999);

describe("the forecast's kept draws", () => {
  it("answer as fresh trials do, for any sequence of remaining counts on one seed", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("alpha", "bravo"),
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 12, maxLength: 12 }).filter((v) => v.some((x) => x > 0)),
        fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 4 }),
        (slug, values, remainders) => {
          for (const remaining of remainders) {
            const fresh = freshOutcomes(slug, ASOF, remaining, values);
            const got = forecastCompletion({ slug, asOf: ASOF, remaining, sample: sampleOf(values), earliestByDependencies: "2024-01-01" });
            expect(got.weeks).toEqual({ p50: percentileOf(fresh, 0.5), p85: percentileOf(fresh, 0.85), p95: percentileOf(fresh, 0.95) });
            const within = fresh[Math.floor(fresh.length / 3)]!;
            if (Number.isFinite(within))
              expect(shareFinishedWithin({ slug, asOf: ASOF, remaining, sample: sampleOf(values), weeks: within })).toBe(
                fresh.filter((w) => w <= within).length / fresh.length,
              );
          }
        },
      ),
      { numRuns: 12 },
    );
  });

  it("answer as fresh trials do when each trial runs hundreds of weeks, the remaining count rising and falling", () => {
    // A 10,000-item program's shape: trials of ~600 weeks step over whole blocks of draws.
    const values = [25, 20, 12, 15, 12, 19, 16, 17, 26, 5, 0, 0];
    for (const remaining of [4000, 8336, 8337, 8000, 9100, 1]) {
      const fresh = freshOutcomes("large", ASOF, remaining, values);
      const got = forecastCompletion({ slug: "large", asOf: ASOF, remaining, sample: sampleOf(values), earliestByDependencies: "2024-01-01" });
      expect(got.weeks).toEqual({ p50: percentileOf(fresh, 0.5), p85: percentileOf(fresh, 0.85), p95: percentileOf(fresh, 0.95) });
      const within = fresh[Math.floor(fresh.length / 5)]!;
      expect(shareFinishedWithin({ slug: "large", asOf: ASOF, remaining, sample: sampleOf(values), weeks: within })).toBe(
        fresh.filter((w) => w <= within).length / fresh.length,
      );
    }
  });

  it("answer as fresh trials do for a sample of more weeks than fit half a byte", () => {
    const values = [3, 0, 1, 4, 0, 2, 0, 0, 5, 1, 0, 2, 0, 1, 3, 0, 0, 2, 1, 0];
    for (const remaining of [300, 301, 40]) {
      const fresh = freshOutcomes("wide", ASOF, remaining, values);
      const got = forecastCompletion({ slug: "wide", asOf: ASOF, remaining, sample: sampleOf(values), earliestByDependencies: "2024-01-01" });
      expect(got.weeks).toEqual({ p50: percentileOf(fresh, 0.5), p85: percentileOf(fresh, 0.85), p95: percentileOf(fresh, 0.95) });
    }
  });

  it("answer as fresh trials do when trials run to the 20-year limit, which draws the most", () => {
    const values = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    for (const remaining of [150, 90]) {
      const fresh = freshOutcomes("slow", ASOF, remaining, values);
      const got = forecastCompletion({ slug: "slow", asOf: ASOF, remaining, sample: sampleOf(values), earliestByDependencies: "2024-01-01" });
      expect(got.weeks).toEqual({ p50: percentileOf(fresh, 0.5), p85: percentileOf(fresh, 0.85), p95: percentileOf(fresh, 0.95) });
      expect(got.p85).toBe(got.weeks!.p85 === null ? null : weeksToDate(ASOF, got.weeks!.p85));
    }
  });
});
