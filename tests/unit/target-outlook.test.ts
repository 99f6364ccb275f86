import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Readiness } from "@/lib/readiness/compute-readiness";
import { forecastCompletion, type ThroughputWeek } from "@/lib/readiness/forecast";
import { describeTargetOutlook, targetOutlook } from "@/lib/readiness/target-outlook";
import { toInstant } from "@/lib/time";

const ASOF = toInstant("2024-12-31", "end"); // a Tuesday; its ISO week ends Sunday 2025-01-05
const sampleOf = (values: number[]): ThroughputWeek[] => values.map((done, i) => ({ week: `W${i}`, done }));
const day = (d: string) => toInstant(d, "start");
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The readiness fields the outlook reads, from the real forecast. */
function readiness(total: number, done: number, values: number[], earliest = "2025-01-01"): Readiness {
  const forecast = forecastCompletion({ slug: "p", asOf: ASOF, remaining: total - done, sample: sampleOf(values), earliestByDependencies: earliest });
  return { asOf: "2024-12-31", total, done, earliestByDependencies: earliest, forecast } as Readiness;
}

describe("targetOutlook", () => {
  it("is null without a committed target", () => {
    expect(targetOutlook(readiness(10, 0, [1]), "p", ASOF, null)).toBeNull();
  });

  it("says impossible when the critical path already ends after the target, whatever the throughput", () => {
    const o = targetOutlook(readiness(10, 0, [5, 5, 5], "2025-06-30"), "p", ASOF, day("2025-03-31"));
    expect(o).toEqual({ target: "2025-03-31", kind: "impossible", earliestByDependencies: "2025-06-30" });
    expect(describeTargetOutlook(o!)).toEqual({ text: expect.stringContaining("impossible by dependencies"), bad: true });
  });

  it("gives no chance without verified throughput, and says a passed target has passed", () => {
    expect(targetOutlook(readiness(10, 0, Array(12).fill(0)), "p", ASOF, day("2026-01-01"))!.kind).toBe("no_forecast");
    expect(targetOutlook(readiness(10, 0, [1]), "p", ASOF, day("2024-06-30"))!.kind).toBe("passed");
  });

  it("a program without items is not called finished: it has nothing to say about its target", () => {
    const o = targetOutlook(readiness(0, 0, []), "p", ASOF, day("2025-01-31"));
    expect(o).toEqual({ target: "2025-01-31", kind: "empty" });
    expect(describeTargetOutlook(o!).text).toBe("no items yet, so nothing can be said about the 2025-01-31 target");
  });

  it("a finished program met the target when it finished on or before it", () => {
    expect(targetOutlook(readiness(4, 4, [1]), "p", ASOF, day("2025-01-31"))).toEqual({ target: "2025-01-31", kind: "done", finishedBy: true });
    expect(targetOutlook(readiness(4, 4, [1]), "p", ASOF, day("2024-12-01"))).toEqual({ target: "2024-12-01", kind: "done", finishedBy: false });
  });

  it("agrees with the forecast drawn from the same trials: ≥ 85 % by the P85 date, ≥ 50 % by P50, < 50 % a week before P50", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 12, maxLength: 12 }), (remaining, values) => {
        fc.pre(values.some((v) => v > 0));
        const r = readiness(remaining, 0, values, "2024-12-31");
        const { p50, p85 } = r.forecast;
        fc.pre(p50 !== null && p85 !== null);
        const share = (date: string) => {
          const o = targetOutlook(r, "p", ASOF, day(date))!;
          return o.kind === "chance" ? o.share : o.kind === "passed" ? 0 : NaN;
        };
        expect(share(p85!)).toBeGreaterThanOrEqual(0.85);
        expect(share(p50!)).toBeGreaterThanOrEqual(0.5);
        expect(share(addDays(p50!, -7))).toBeLessThan(0.5);
      }),
      { numRuns: 60 },
    );
  });

  it("never falls as the target moves later", () => {
    const r = readiness(30, 0, [0, 1, 2, 3, 1, 0, 2, 4, 1, 1, 0, 2]);
    const shares = Array.from({ length: 40 }, (_, w) => targetOutlook(r, "p", ASOF, day(addDays("2025-01-05", 7 * w)))!)
      .map((o) => (o.kind === "chance" ? o.share : -1));
    expect(shares.every((s) => s >= 0)).toBe(true);
    shares.forEach((s, i) => i > 0 && expect(s).toBeGreaterThanOrEqual(shares[i - 1]!));
    expect(shares[0]).toBe(0);
    expect(shares.at(-1)).toBeGreaterThan(0.9);
  });

  it("floors the chance in words and never shows 0 % for a chance that exists", () => {
    expect(describeTargetOutlook({ target: "2025-06-30", kind: "chance", share: 0.859 }).text).toBe("85 % chance of finishing by the 2025-06-30 target");
    expect(describeTargetOutlook({ target: "2025-06-30", kind: "chance", share: 0.0001 }).text).toMatch(/^under 1 % chance/);
    expect(describeTargetOutlook({ target: "2025-06-30", kind: "chance", share: 0.6 }).bad).toBe(false);
  });
});
