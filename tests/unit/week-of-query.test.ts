import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoWeekOf, weekOfQuery } from "@/lib/iso-week";

describe("weekOfQuery", () => {
  it("takes an ISO week in any case, or any day of it", () => {
    expect(weekOfQuery("2024-W52")?.label).toBe("2024-W52");
    expect(weekOfQuery(" 2024-w52 ")?.label).toBe("2024-W52");
    // Monday and Sunday of 2024-W52, and a day of 2025-W01 that falls in December 2024.
    expect(weekOfQuery("2024-12-23")?.label).toBe("2024-W52");
    expect(weekOfQuery("2024-12-29")?.label).toBe("2024-W52");
    expect(weekOfQuery("2024-12-30")?.label).toBe("2025-W01");
  });

  it("refuses what is neither, and days or weeks that do not exist", () => {
    for (const q of ["", "W52", "2024-52", "2024-02-30", "2023-W53", "2024-W00", "next week"]) expect(weekOfQuery(q)).toBeNull();
  });

  it("puts every day inside the week it names", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1) / 86_400_000, max: Date.UTC(2040, 0, 1) / 86_400_000 }), (days) => {
        const ms = days * 86_400_000;
        const week = weekOfQuery(new Date(ms).toISOString().slice(0, 10))!;
        expect(week.start <= ms && ms <= week.end).toBe(true);
        expect(week.label).toBe(isoWeekOf(ms).label);
      }),
    );
  });
});
