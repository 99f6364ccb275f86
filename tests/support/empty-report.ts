import type { WeeklyReport } from "@/lib/report/report-model";
import type { Status } from "@/lib/status";

/** Status counts, zero but for those given. */
export const statusCounts = (s: Partial<Record<Status, number>> = {}): Record<Status, number> => ({ not_started: 0, design: 0, build: 0, validate: 0, rollout: 0, done: 0, ...s });

/** A weekly report (2024-W52) of no item, no claim and no change; a test sets the fields it reads. */
export function emptyReport(over: Partial<WeeklyReport> = {}): WeeklyReport {
  return {
    format: "offload-tracker-report/v1",
    program: { slug: "p", name: "P", targetDate: null },
    week: "2024-W52",
    weekStart: "2024-12-23",
    weekEnd: "2024-12-29",
    cutoff: "2024-12-29T23:59:59.999Z",
    asOf: "2024-12-29",
    previousWeek: "2024-W51",
    logHeadAtCutoff: "a".repeat(64),
    headline: { total: 0, done: 0, readiness: 0, effortReadiness: 0, reportedDone: 0, startedTrue: 0, startedReported: 0, inflated: 0, blocked: 0, remainingWeeks: 0, earliestByDependencies: "2024-12-29", forecastDate: null, notYetIdentified: 0 },
    byStatus: { true: statusCounts(), reported: statusCounts() },
    changes: { trueStatus: [], regressions: [], verifications: [], evidence: [], newItems: [] },
    areas: [],
    inflated: [],
    blocked: [],
    criticalPath: { keys: [], remainingWeeks: 0, earliestByDependencies: "2024-12-29" },
    forecast: { date: null, p50: null, p85: null, p95: null, weeks: null, reason: "no verified completion", earliestByDependencies: "2024-12-29", trials: 0, sample: [] },
    claims: [],
    quality: { thresholds: { testCoveragePct: 70, unvettedCrates: 0, crashOwnerRegistered: true }, breaches: [], unowned: [], artefacts: [] },
    items: [],
    ...over,
  };
}
