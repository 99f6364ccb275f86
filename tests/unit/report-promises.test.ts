/** The report's promised dates: which items are listed and in what order, and the words every format shares. */
import { describe, expect, it } from "vitest";
import type { ListedItem } from "@/lib/items/item-query";
import { marginWords, promiseLimitWords, promisesEmptySentence, weeksFigure } from "@/lib/report/promise-words";
import { promisesOf, withoutPromises, type ReportPromises, type WeeklyReport } from "@/lib/report/report-model";
import type { Status } from "@/lib/status";

const DAY = 86_400_000;
const ASOF = Date.parse("2024-12-29T23:59:59.999Z");
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** An item as the schedule reads it; the rest of a listed item does not matter here. */
function item(key: string, estimateWeeks: number, over: { dependsOn?: string[]; targetDate?: string; trueStatus?: Status } = {}): ListedItem {
  return {
    key,
    title: `Item ${key}`,
    area: "Core",
    owner: null,
    ownerName: null,
    estimateWeeks,
    dependsOn: over.dependsOn ?? [],
    trueStatus: over.trueStatus ?? "not_started",
    reportedStatus: over.trueStatus ?? "not_started",
    doneEvents: over.trueStatus === "done" ? [ASOF - 30 * DAY] : [],
    trueSince: over.trueStatus === "done" ? ASOF - 30 * DAY : null,
    targetDate: over.targetDate ? day(over.targetDate) : null,
  } as unknown as ListedItem;
}

describe("promisesOf", () => {
  it("lists the impossible items only, most weeks late first, then by key; done and on-track items are not listed", () => {
    const p = promisesOf(
      {
        asOf: ASOF,
        listed: [
          item("Z", 3, { targetDate: "2025-01-05" }), // 1 wk allowed, 3 needed: 2 late
          item("B", 3, { targetDate: "2025-01-05" }), // the same: 2 late, before Z by key
          item("K", 4, { targetDate: "2025-01-05" }), // 3 late
          item("D", 1, { targetDate: "2024-06-30", trueStatus: "done" }), // done, however late
          item("F", 1, { targetDate: "2025-12-31" }), // on track
          item("N", 1), // nothing promised
        ],
      },
      null,
    );
    expect(p.impossible.map((x) => [x.key, x.weeksLate])).toEqual([
      ["K", 3],
      ["B", 2],
      ["Z", 2],
    ]);
    expect(p.programTarget).toBeNull();
    expect(p.promisedItems).toBe(5);
  });

  it("carries the program's committed target with its state, and names a dependent's target as the limit", () => {
    const p = promisesOf({ asOf: ASOF, listed: [item("A", 2), item("B", 2, { dependsOn: ["A"], targetDate: "2025-01-12" })] }, day("2025-01-19"));
    expect(p.programTarget).toEqual({ date: "2025-01-19", state: "impossible", earliestFinish: "2025-01-26", slackWeeks: -1 });
    expect(p.impossible).toEqual([
      { key: "A", title: "Item A", target: null, earliestFinish: "2025-01-12", weeksLate: 2, limitedBy: { key: "B", date: "2025-01-12" } },
      { key: "B", title: "Item B", target: "2025-01-12", earliestFinish: "2025-01-26", weeksLate: 2, limitedBy: { key: "B", date: "2025-01-12" } },
    ]);
  });
});

describe("the words of the section", () => {
  it("floors weeks to one decimal and never shows a lateness as zero", () => {
    expect(weeksFigure(2)).toBe("2");
    expect(weeksFigure(18 / 7)).toBe("2.5");
    expect(weeksFigure(0.3 + 1e-12)).toBe("0.3");
    expect(weeksFigure(2.9999999999)).toBe("3");
    expect(weeksFigure(1 / 70)).toBe("under 0.1");
    expect(weeksFigure(0)).toBe("0");
    expect(marginWords(-1)).toBe("1 week late");
    expect(marginWords(50 / 7)).toBe("7.1 weeks to spare");
  });

  it("names the promise an item cannot keep", () => {
    const limit = (key: string | null) => promiseLimitWords({ key: "A", limitedBy: { key, date: "2025-01-12" } });
    expect(limit("A")).toBe("its own target 2025-01-12");
    expect(limit("B")).toBe("B's target 2025-01-12");
    expect(limit(null)).toBe("the program's committed target 2025-01-12");
  });

  it("says in words why the list is empty", () => {
    const empty = (programTarget: ReportPromises["programTarget"], promisedItems: number) => promisesEmptySentence({ programTarget, promisedItems, impossible: [] });
    expect(empty(null, 0)).toMatch(/^Nothing is promised/);
    expect(empty(null, 2)).toBe("Every promised date can still be met.");
    expect(empty({ date: "2025-01-01", state: "on_track", earliestFinish: "2024-12-29", slackWeeks: 0.4 }, 0)).toBe("Every promised date can still be met.");
  });
});

describe("withoutPromises", () => {
  it("drops the section and keeps every other key in its order", () => {
    const r = { format: "offload-tracker-report/v1", forecast: {}, promises: { programTarget: null, promisedItems: 0, impossible: [] }, claims: [] } as unknown as WeeklyReport;
    expect(Object.keys(withoutPromises(r))).toEqual(["format", "forecast", "claims"]);
    expect(r.promises).toBeDefined();
  });
});
