/**
 * DESIGN §5: work of `weeks` ends ceil(7 × weeks) days after asOf's date — and a whole number of
 * days stays that number, whatever float noise the sums of weeks carry.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dateAfterWeeks, daysOfWeeks } from "@/lib/time";

const clean = (weeks: number) => Math.round(weeks * 1e9) / 1e9; // as the critical path rounds its sums

describe("weeks as whole days", () => {
  it("rounds a part of a day up for the earliest end and down for the latest", () => {
    expect(daysOfWeeks(0.5, "up")).toBe(4); // 3.5 days
    expect(daysOfWeeks(0.5, "down")).toBe(3);
    expect(daysOfWeeks(0, "up")).toBe(0);
  });

  it("keeps a whole number of days, however the weeks were summed and rounded", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), (days) => {
        for (const weeks of [days / 7, clean(days / 7), (days * 3) / 21])
          for (const round of ["up", "down"] as const) expect(daysOfWeeks(weeks, round)).toBe(days);
      }),
    );
    expect(daysOfWeeks(clean(1 / 7), "up")).toBe(1); // 1.000000001 days: it was 2
  });

  it("dates the earliest end from asOf's day", () => {
    const asOf = Date.parse("2025-01-01T18:30:00Z");
    expect(dateAfterWeeks(asOf, clean(1 / 7))).toBe("2025-01-02");
    expect(dateAfterWeeks(asOf, 0.2 + 2.7 + 0.1)).toBe("2025-01-22");
    expect(dateAfterWeeks(asOf, 0.2)).toBe("2025-01-03"); // 1.4 days → 2
  });
});
