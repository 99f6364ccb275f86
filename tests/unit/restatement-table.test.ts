/** What changed since publication, as rows a person reads: figure or item, published value, value today. */
import { describe, expect, it } from "vitest";
import type { ReportItem, WeeklyReport } from "@/lib/report/report-model";
import { restatementTable } from "@/lib/report/restatement-table";
import type { Status } from "@/lib/status";

const counts = (s: Partial<Record<Status, number>> = {}): Record<Status, number> => ({
  not_started: 0,
  design: 0,
  build: 0,
  validate: 0,
  rollout: 0,
  done: 0,
  ...s,
});

function item(key: string, trueStatus: Status, reportedStatus: Status = trueStatus, extra: Partial<ReportItem> = {}): ReportItem {
  return {
    key,
    title: `Item ${key}`,
    area: "Core",
    owner: "o@example.com",
    ownerName: "Olga Owner",
    team: "Core",
    estimateWeeks: 2,
    identifiedAt: "2024-01-01",
    dependsOn: [],
    trueStatus,
    reportedStatus,
    trueStatusPreviousWeek: "not_started",
    trueSince: null,
    blocked: false,
    inflated: false,
    onCriticalPath: false,
    ...extra,
  };
}

/** A small report of items A and B; `patch` changes what a test needs. */
function report(patch: (r: WeeklyReport) => void = () => {}): WeeklyReport {
  const r: WeeklyReport = {
    format: "offload-tracker-report/v1",
    program: { slug: "p", name: "P", targetDate: null },
    week: "2024-W52",
    weekStart: "2024-12-23",
    weekEnd: "2024-12-29",
    cutoff: "2024-12-29T23:59:59.999Z",
    asOf: "2024-12-29",
    previousWeek: "2024-W51",
    logHeadAtCutoff: "0".repeat(64),
    headline: {
      total: 2,
      done: 0,
      readiness: 0,
      effortReadiness: 0,
      reportedDone: 0,
      startedTrue: 0,
      startedReported: 0,
      inflated: 0,
      blocked: 0,
      remainingWeeks: 4,
      earliestByDependencies: "2025-01-26",
      forecastDate: null,
      notYetIdentified: 0,
    },
    byStatus: { true: counts({ not_started: 2 }), reported: counts({ not_started: 2 }) },
    changes: { trueStatus: [], regressions: [], verifications: [], evidence: [], newItems: [] },
    areas: [],
    inflated: [],
    blocked: [],
    criticalPath: { keys: ["A", "B"], remainingWeeks: 4, earliestByDependencies: "2025-01-26" },
    forecast: { date: null, p50: null, p85: null, p95: null, weeks: null, reason: "no verified completion", earliestByDependencies: "2025-01-26", trials: 0, sample: [] },
    claims: [],
    quality: { thresholds: { testCoveragePct: 70, unvettedCrates: 0, crashOwnerRegistered: true }, breaches: [], unowned: [], artefacts: [] },
    items: [item("A", "not_started"), item("B", "not_started")],
  };
  patch(r);
  return r;
}

describe("restatementTable", () => {
  it("has no row when nothing differs", () => {
    expect(restatementTable(report(), report(), 0)).toEqual([]);
  });

  it("names a backfilled status: the headline figure and the item, in words", () => {
    const today = report((r) => {
      r.headline.startedTrue = 1;
      r.headline.startedReported = 1;
      r.items[0] = item("A", "design");
      r.changes.verifications = [{ key: "A", title: "Item A", to: "design", effectiveAt: "2024-12-24", verifiedAt: "2025-02-03", verifiedBy: "Rita" }];
    });
    expect(restatementTable(report(), today, 6)).toEqual([
      { kind: "figure", what: "Started (verified)", published: "0", today: "1" },
      { kind: "figure", what: "Started (reported)", published: "0", today: "1" },
      { kind: "item", what: "A Item A — true status", published: "Not started", today: "Design" },
      { kind: "item", what: "A Item A — reported status", published: "Not started", today: "Design" },
      { kind: "figure", what: "New verifications during the week", published: "0", today: "1" },
    ]);
  });

  it("names an item that entered the program, an owner that changed and a claim verdict in words", () => {
    const before = report((r) => {
      r.claims = [claim("ignite", "unsupported")];
    });
    const today = report((r) => {
      r.items.push(item("C", "not_started"));
      r.items[1] = item("B", "not_started", "not_started", { ownerName: null });
      r.claims = [claim("ignite", "contradicted"), claim("later", "supported")];
    });
    const rows = restatementTable(before, today, 3);
    expect(rows).toContainEqual({ kind: "item", what: "C Item C — true status", published: "not in the program", today: "Not started" });
    expect(rows).toContainEqual({ kind: "item", what: "B Item B — owner", published: "Olga Owner", today: "no owner" });
    expect(rows).toContainEqual({ kind: "claim", what: "Claim ignite — verdict on its date", published: "unsupported", today: "contradicted" });
    expect(rows).toContainEqual({ kind: "claim", what: "Claim later", published: "not in the report", today: "in the report" });
    expect(rows).toContainEqual({ kind: "figure", what: "Public claims", published: "1", today: "2" });
    expect(rows.some((r) => r.what.includes("Markdown"))).toBe(false);
  });

  it("says how many lines of text differ when no figure or item does (a note, an evidence summary)", () => {
    expect(restatementTable(report(), report(), 2)).toEqual([
      { kind: "text", what: "Text of the report (notes, names, evidence)", published: "as published", today: "2 lines differ" },
    ]);
  });

  it("falls back to that row when the published model cannot be read", () => {
    expect(restatementTable(null, report(), 1)).toEqual([
      { kind: "text", what: "Text of the report (notes, names, evidence)", published: "as published", today: "1 line differs" },
    ]);
  });
});

function claim(id: string, verdict: WeeklyReport["claims"][number]["verdictAtClaimDate"]): WeeklyReport["claims"][number] {
  return {
    id,
    date: "2024-06-01",
    datePrecision: "day",
    speaker: "S",
    venue: "V",
    quote: "Q",
    quoteIsParaphrase: false,
    url: "https://example.com",
    linked: 1,
    metAtClaimDate: 0,
    verdictAtClaimDate: verdict,
    verdictKnownThen: verdict,
    verdictAtCutoff: verdict,
    links: [],
  };
}
