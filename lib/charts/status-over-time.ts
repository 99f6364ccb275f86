import { foldItemStatus } from "../fold-item-status";
import { isoWeekAfter, isoWeekOf } from "../iso-week";
import type { HistoryItem } from "../program-history";
import { emptyStatusCounts, STATUSES, type Status } from "../status";
import { formatDate } from "../time";

export interface StatusPoint {
  date: string;
  /** Items in the program at that date (scope). */
  scope: number;
  verifiedDone: number;
  reportedDone: number;
  /** Items per true status at that date: the cumulative-flow bands. */
  byTrueStatus: Record<Status, number>;
}

const MAX_POINTS = 160;

/**
 * The program week by week (each Sunday, up to asOf) as known at `knownAt`: scope, verified done,
 * reported done and the true-status bands — the input of the burn-up and the cumulative-flow chart.
 */
export function statusOverTime(items: readonly HistoryItem[], asOf: number, knownAt: number): StatusPoint[] {
  if (items.length === 0) return [];
  const first = Math.min(...items.map((i) => i.identifiedAt));
  if (first > asOf) return [];
  const weeks: number[] = [];
  for (let w = isoWeekOf(first); w.end < asOf; w = isoWeekAfter(w.start, 1)) weeks.push(w.end);
  weeks.push(asOf);
  // Long histories are thinned evenly so a chart never draws thousands of points.
  const step = Math.ceil(weeks.length / MAX_POINTS);
  const sampled = weeks.filter((_, i) => i % step === 0 || i === weeks.length - 1);
  return sampled.map((t) => {
    const byTrueStatus = emptyStatusCounts();
    let scope = 0;
    let reportedDone = 0;
    for (const item of items) {
      if (item.identifiedAt > t) continue;
      scope++;
      const s = foldItemStatus(item.transitions, t, knownAt);
      byTrueStatus[s.trueStatus]++;
      if (s.reportedStatus === "done") reportedDone++;
    }
    return { date: formatDate(t), scope, verifiedDone: byTrueStatus.done, reportedDone, byTrueStatus };
  });
}

export { STATUSES };
