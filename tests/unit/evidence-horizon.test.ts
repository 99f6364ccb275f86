import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { horizonMark, isIllustrative } from "@/lib/evidence-horizon";
import { toInstant } from "@/lib/time";

const HORIZON = toInstant("2024-12-31");
const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) });

describe("isIllustrative", () => {
  it("is false through the last millisecond of the horizon day, true from the next day on", () => {
    expect(isIllustrative(HORIZON, toInstant("2024-12-31", "start"))).toBe(false);
    expect(isIllustrative(HORIZON, toInstant("2024-12-31", "end"))).toBe(false);
    expect(isIllustrative(HORIZON, toInstant("2025-01-01", "start"))).toBe(true);
    expect(isIllustrative(HORIZON, toInstant("2023-06-01", "end"))).toBe(false);
  });

  it("reads any instant of the horizon day as that whole day", () => {
    expect(isIllustrative(HORIZON + 3_600_000, toInstant("2024-12-31", "end"))).toBe(false);
  });

  it("property: never illustrative without a horizon", () => {
    fc.assert(fc.property(instant, (at) => !isIllustrative(null, at)));
  });

  it("property: monotone in at — once illustrative, every later moment is too", () => {
    fc.assert(
      fc.property(instant, instant, instant, (horizon, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        return !isIllustrative(horizon, early) || isIllustrative(horizon, late);
      }),
    );
  });

  it("property: the horizon day itself is never illustrative", () => {
    fc.assert(fc.property(instant, (horizon) => !isIllustrative(horizon, horizon)));
  });
});

describe("horizonMark", () => {
  it("names the horizon as a date and whether the moment is past it", () => {
    expect(horizonMark(HORIZON, toInstant("2025-03-01", "end"))).toEqual({ factsUntil: "2024-12-31", illustrative: true });
    expect(horizonMark(HORIZON, toInstant("2024-12-31", "end"))).toEqual({ factsUntil: "2024-12-31", illustrative: false });
    expect(horizonMark(null, toInstant("2030-01-01", "end"))).toEqual({ factsUntil: null, illustrative: false });
  });
});
