/** The report's dates and moments as people read them on its page and in its print: no raw ISO instant. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reportMoment } from "@/lib/report/report-moment";
import { formatDate, formatDateOrInstant, formatUtcMinute } from "@/lib/time";

// 1970 to 2200: the instants a history holds.
const instant = fc.integer({ min: 0, max: Date.UTC(2200, 0, 1) });

describe("reportMoment", () => {
  it("writes an instant as every page writes a moment, and leaves a date as it is", () => {
    expect(reportMoment("2024-07-01T17:00:00.000Z")).toBe("2024-07-01 17:00 UTC");
    expect(reportMoment("2024-07-01T17:05:59.999Z")).toBe("2024-07-01 17:05 UTC");
    expect(reportMoment("2024-07-01T17:05Z")).toBe("2024-07-01 17:05 UTC");
    expect(reportMoment("2024-06-30")).toBe("2024-06-30");
  });

  it("leaves anything that is not a date or a UTC instant untouched", () => {
    for (const v of ["—", "", "2024-W27", "2024-07-01T17:00:00+02:00", "not a date", "2024-13-45T99:99:00Z"]) expect(reportMoment(v)).toBe(v);
  });

  it("reads every value the report model writes (formatDateOrInstant) as formatUtcMinute, or the date alone at midnight", () => {
    fc.assert(
      fc.property(instant, (ms) => {
        const shown = reportMoment(formatDateOrInstant(ms));
        expect(shown).toBe(ms % 86_400_000 === 0 ? formatDate(ms) : formatUtcMinute(ms));
        expect(shown).not.toMatch(/T\d|Z$/);
      }),
    );
  });
});
