import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { markNew } from "@/lib/my-work/mark-new";
import { describeSince, formatMoment, sinceOf } from "@/lib/my-work/since";
import { waitedFor } from "@/lib/waited-for";

const T = Date.UTC(2025, 10, 29, 14, 5, 30);
const DAY = 86_400_000;

describe("what is new since the last visit", () => {
  it("an entry is new only when it arrived strictly after the mark; one without a time never is", () => {
    const entries = [
      { id: 1, at: T - 1 },
      { id: 2, at: T },
      { id: 3, at: T + 1 },
      { id: 4, at: null },
    ];
    const { entries: marked, newCount } = markNew(entries, (e) => e.at, T);
    expect(marked.map((e) => [e.id, e.isNew])).toEqual([
      [1, false],
      [2, false],
      [3, true],
      [4, false],
    ]);
    expect(newCount).toBe(1);
  });

  it("keeps every entry and its order, and counts exactly the marked ones", () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: null })), fc.integer({ min: 0, max: 100 }), (times, since) => {
        const { entries, newCount } = markNew(
          times.map((at, i) => ({ i, at })),
          (e) => e.at,
          since,
        );
        expect(entries.map((e) => e.i)).toEqual(times.map((_, i) => i));
        expect(newCount).toBe(times.filter((t) => t !== null && t > since).length);
        expect(entries.filter((e) => e.isNew).length).toBe(newCount);
      }),
    );
  });

  it("counts from the account's creation before a first visit", () => {
    expect(sinceOf(null, T)).toEqual({ at: T, firstVisit: true });
    expect(sinceOf(T + DAY, T)).toEqual({ at: T + DAY, firstVisit: false });
  });

  it("says it in words, in UTC, the same on every machine", () => {
    expect(formatMoment(T)).toBe("2025-11-29 14:05 UTC");
    expect(formatMoment(Date.UTC(2026, 0, 3, 0, 0))).toBe("2026-01-03 00:00 UTC");
    expect(describeSince({ at: T, firstVisit: false })).toBe("your last visit, 2025-11-29 14:05 UTC");
    expect(describeSince({ at: T, firstVisit: true })).toBe("your account was created, 2025-11-29 14:05 UTC");
  });
});

describe("how long a report has waited", () => {
  it("in whole days", () => {
    expect(waitedFor(T, T + DAY - 1)).toBe("today");
    expect(waitedFor(T, T + DAY)).toBe("1 day");
    expect(waitedFor(T, T + 12 * DAY + 5)).toBe("12 days");
    expect(waitedFor(T, T - DAY)).toBe("today");
  });
});
