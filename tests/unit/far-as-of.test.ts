import { UTCDate } from "@date-fns/utc";
import { addMonths, addWeeks, format, startOfISOWeek, startOfMonth, startOfQuarter } from "date-fns";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { statusOverTime } from "@/lib/charts/status-over-time";
import { isoWeekAfter, isoWeekOf } from "@/lib/iso-week";
import type { ProgramScheduleRows } from "@/lib/schedule/schedule-of-snapshot";
import { MAX_TICKS, timelineModel, ZOOMS, type Zoom } from "@/lib/schedule/timeline-model";
import { DAY_MS, formatDate } from "@/lib/time";
import { BASE, instantArb, programArb } from "../support/rules-model";

// An asOf of 9999-12-30 (the end of that day) once walked ~416k weeks and built ~417k ticks.
const FAR = Date.parse("9999-12-30T23:59:59.999Z");
const FIRST_DAY = Date.parse("1970-01-01T00:00:00Z");
const LAST_DAY = Date.parse("9999-12-31T00:00:00Z");
const dayArb = (min = FIRST_DAY, max = LAST_DAY) => fc.integer({ min: min / DAY_MS, max: max / DAY_MS }).map((d) => d * DAY_MS);

/** The sample dates as they were computed before: every week walked, then every step-th kept. */
function walkedDates(first: number, asOf: number): string[] {
  const weeks: number[] = [];
  for (let w = isoWeekOf(first); w.end < asOf; w = isoWeekAfter(w.start, 1)) weeks.push(w.end);
  weeks.push(asOf);
  const step = Math.ceil(weeks.length / 160);
  return weeks.filter((_, i) => i % step === 0 || i === weeks.length - 1).map(formatDate);
}

/** The ticks as they were computed before: one per unit of the zoom, however many. */
function walkedTicks(zoom: Zoom, start: number, end: number): { at: number; label: string }[] {
  const first = zoom === "quarter" ? startOfQuarter(new UTCDate(start)) : zoom === "month" ? startOfMonth(new UTCDate(start)) : startOfISOWeek(new UTCDate(start));
  const step = (d: Date) => (zoom === "quarter" ? addMonths(d, 3) : zoom === "month" ? addMonths(d, 1) : addWeeks(d, 1));
  const label = (d: Date) => (zoom === "quarter" ? `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${d.getUTCFullYear()}` : zoom === "month" ? format(d, "MMM yyyy") : format(d, "d MMM yy"));
  const ticks: { at: number; label: string }[] = [];
  for (let d: Date = first; d.getTime() <= end; d = step(d)) if (d.getTime() >= start) ticks.push({ at: (d.getTime() - start) / DAY_MS, label: label(d) });
  return ticks;
}

/** A schedule with no items whose axis runs from a claim on `from` to asOf and finish on `to`. */
function timelineBetween(from: number, to: number, zoom: Zoom) {
  const schedule: ProgramScheduleRows = {
    asOf: formatDate(to),
    finishWeeks: 0,
    finish: formatDate(to),
    target: null,
    targetState: null,
    targetSlackWeeks: null,
    criticalPath: [],
    items: [],
  };
  const claims = [{ id: "c", date: formatDate(from), speaker: "s", verdict: "unrated" as const }];
  return timelineModel(schedule, claims, { area: null, owner: null, risky: false }, zoom);
}

function expectAxisWellFormed(model: ReturnType<typeof timelineModel>) {
  expect(model.ticks.length).toBeLessThanOrEqual(MAX_TICKS);
  model.ticks.forEach((t, i) => {
    expect(t.at).toBeGreaterThanOrEqual(0);
    expect(t.at).toBeLessThanOrEqual(model.days);
    if (i > 0) expect(t.at).toBeGreaterThan(model.ticks[i - 1]!.at);
  });
}

describe("the status series for a far asOf", () => {
  it("has at most 160 weeks and asOf for an asOf in year 9999, and still agrees at its last point", () => {
    fc.assert(
      fc.property(programArb(6), instantArb, (items, knownAt) => {
        const series = statusOverTime(items, FAR, knownAt);
        if (series.length === 0) return;
        expect(series.length).toBeLessThanOrEqual(161);
        expect(series.at(-1)!.date).toBe("9999-12-30");
        // Nothing happens after the generated histories, so the last point is that of any later asOf.
        expect(series.at(-1)).toEqual({ ...statusOverTime(items, Date.parse("2100-01-01T23:59:59.999Z"), knownAt).at(-1), date: "9999-12-30" });
      }),
      { numRuns: 50 },
    );
  });

  it("patched after a write at a far asOf, equals the series computed whole", () => {
    fc.assert(
      fc.property(programArb(6), programArb(6), instantArb, (before, other, knownAt) => {
        const after = before.map((item, i) => (other[i] ? { ...item, transitions: other[i]!.transitions } : item));
        const series = statusOverTime(before, FAR, knownAt);
        expect(statusOverTime(after, FAR, knownAt, { items: before, series })).toEqual(statusOverTime(after, FAR, knownAt));
      }),
      { numRuns: 50 },
    );
  });

  it("samples the same dates as walking every week, for any asOf from 1970 to 2300", () => {
    // Walking to year 9999 takes seconds, the very cost removed; up to 2300 covers steps up to 100.
    const asOfArb = fc.oneof(
      instantArb,
      fc.integer({ min: 0, max: 20 * 160 * 7 }).map((d) => BASE + d * DAY_MS + DAY_MS - 1),
      dayArb(FIRST_DAY, Date.parse("2300-01-01T00:00:00Z")).map((d) => d + DAY_MS - 1),
    );
    fc.assert(
      fc.property(programArb(4), asOfArb, (items, asOf) => {
        const first = Math.min(...items.map((i) => i.identifiedAt));
        const dates = statusOverTime(items, asOf, asOf).map((p) => p.date);
        expect(dates).toEqual(items.length === 0 || first > asOf ? [] : walkedDates(first, asOf));
      }),
      { numRuns: 120 },
    );
  });
});

describe("the timeline axis", () => {
  it("has at most MAX_TICKS ticks for an asOf in year 9999, at every zoom, years apart", () => {
    for (const zoom of ZOOMS) {
      const model = timelineBetween(Date.parse("2024-01-01T00:00:00Z"), FAR, zoom);
      expectAxisWellFormed(model);
      expect(model.ticks.length).toBeGreaterThan(100);
      expect(model.zoom).toBe(zoom);
      expect(model.ticks.every((t) => /^\d{4,5}$/.test(t.label))).toBe(true);
    }
  });

  it("falls back to months when weeks would be too many", () => {
    const model = timelineBetween(Date.parse("2024-01-01T00:00:00Z"), Date.parse("2043-12-31T00:00:00Z"), "week");
    expectAxisWellFormed(model);
    expect(model.ticks[0]!.label).toBe("Jan 2024");
    expect(model.ticks.every((t) => /^[A-Z][a-z]{2} \d{4}$/.test(t.label))).toBe(true);
  });

  it("for any range and zoom: at most MAX_TICKS ticks, strictly increasing, inside the axis", () => {
    fc.assert(
      fc.property(dayArb(), dayArb(), fc.constantFrom(...ZOOMS), (a, b, zoom) => {
        expectAxisWellFormed(timelineBetween(Math.min(a, b), Math.max(a, b), zoom));
      }),
      { numRuns: 100 },
    );
  });

  it("for a range of up to nine years, the ticks of the zoom as before", () => {
    const from = Date.parse("1990-01-01T00:00:00Z");
    fc.assert(
      fc.property(dayArb(from, Date.parse("2100-01-01T00:00:00Z")), fc.integer({ min: 0, max: 9 * 365 }), fc.constantFrom(...ZOOMS), (start, days, zoom) => {
        const model = timelineBetween(start, start + days * DAY_MS, zoom);
        const axisStart = Date.parse(`${model.start}T00:00:00Z`);
        expect(model.ticks).toEqual(walkedTicks(zoom, axisStart, axisStart + model.days * DAY_MS));
      }),
      { numRuns: 200 },
    );
  });
});
