import type { ProgramScheduleRows } from "./schedule-of-snapshot";

/**
 * The schedule's CSV: one row per item, its identifiers and dates as the API gives them, and
 * whether they were computed past the evidence horizon (every row alike: they share one asOf).
 */
export const SCHEDULE_CSV_COLUMNS = [
  "key",
  "title",
  "area",
  "owner",
  "trueStatus",
  "estimateWeeks",
  "dependsOn",
  "earliestStart",
  "earliestFinish",
  "latestFinish",
  "slackWeeks",
  "target",
  "state",
  "limitedBy",
  "critical",
  "doneAt",
  "illustrative",
] as const;

export function scheduleCsvRows(schedule: Pick<ProgramScheduleRows, "items"> & { illustrative: boolean }): Record<string, unknown>[] {
  return schedule.items.map((i) => ({
    ...i,
    illustrative: schedule.illustrative,
    // The promised date that sets the latest finish: an item's key and date, or "program" and its date.
    limitedBy: i.limitedBy === null ? "" : `${i.limitedBy.key ?? "program"} ${i.limitedBy.date}`,
  }));
}
