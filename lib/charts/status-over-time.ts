import { countsAsVerified, visibleTransitions, type FoldTransition } from "../fold-item-status";
import { isoWeekAfter, isoWeekOf } from "../iso-week";
import type { ItemWithTransitions } from "../item-with-transitions";
import { emptyStatusCounts, levelOf, statusAt, STATUSES, type Status } from "../status";
import { formatDate } from "../time";

export interface StatusPoint {
  date: string;
  /** Items in the program at that date (scope). */
  scope: number;
  verifiedDone: number;
  reportedDone: number;
  /** Items past not started, by true status. */
  verifiedStarted: number;
  /** Items past not started, by latest reported status. */
  reportedStarted: number;
  /** Items per true status at that date: the cumulative-flow bands. */
  byTrueStatus: Record<Status, number>;
}

const MAX_POINTS = 160;
const DONE = levelOf("done");

/** The Sundays (end of ISO week) from the first identified item up to asOf, and asOf itself, thinned to ≤ 160. */
function samplePoints(first: number, asOf: number): number[] {
  const weeks: number[] = [];
  for (let w = isoWeekOf(first); w.end < asOf; w = isoWeekAfter(w.start, 1)) weeks.push(w.end);
  weeks.push(asOf);
  const step = Math.ceil(weeks.length / MAX_POINTS);
  return weeks.filter((_, i) => i % step === 0 || i === weeks.length - 1);
}

/** Index of the first point >= t (points ascending; t <= the last point). */
function firstPointAtOrAfter(points: readonly number[], t: number): number {
  let lo = 0;
  let hi = points.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid]! >= t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The program week by week as known at `knownAt`: scope, verified done, reported done and the
 * true-status bands — the input of the burn-up and the cumulative-flow chart. One sweep over the
 * history in effective order (the same fold as foldItemStatus, advanced point by point), so a
 * long history of a large program costs its size, not size × points.
 */
export function statusOverTime(items: readonly ItemWithTransitions[], asOf: number, knownAt: number): StatusPoint[] {
  if (items.length === 0) return [];
  const first = Math.min(...items.map((i) => i.identifiedAt));
  if (first > asOf) return [];

  // Items are independent, so no global sort is needed: each visible transition goes to the first
  // sample point at or after its effective time, item by item in each item's effective order.
  const points = samplePoints(first, asOf);
  const buckets: { item: number; t: FoldTransition }[][] = points.map(() => []);
  items.forEach((item, index) => {
    for (const t of visibleTransitions(item.transitions, asOf, knownAt)) buckets[firstPointAtOrAfter(points, t.effectiveAt)]!.push({ item: index, t });
  });
  const byIdentified = items.map((item, index) => ({ at: item.identifiedAt, index })).sort((a, b) => a.at - b.at);

  const trueLevel = new Array<number>(items.length).fill(0);
  const reportedLevel = new Array<number>(items.length).fill(0);
  const inScope = new Array<boolean>(items.length).fill(false);
  const trueCounts = new Array<number>(STATUSES.length).fill(0);
  let scope = 0;
  let reportedDone = 0;
  let reportedStarted = 0;
  let s = 0;

  return points.map((t, p) => {
    for (; s < byIdentified.length && byIdentified[s]!.at <= t; s++) {
      const i = byIdentified[s]!.index;
      inScope[i] = true;
      scope++;
      trueCounts[trueLevel[i]!]!++;
      if (reportedLevel[i] === DONE) reportedDone++;
      if (reportedLevel[i]! > 0) reportedStarted++;
    }
    for (const { item: i, t: ev } of buckets[p]!) {
      const level = levelOf(ev.to);
      const nextTrue = level < trueLevel[i]! || (level > trueLevel[i]! && countsAsVerified(ev, knownAt)) ? level : trueLevel[i]!;
      if (inScope[i]) {
        trueCounts[trueLevel[i]!]!--;
        trueCounts[nextTrue]!++;
        reportedDone += (level === DONE ? 1 : 0) - (reportedLevel[i] === DONE ? 1 : 0);
        reportedStarted += (level > 0 ? 1 : 0) - (reportedLevel[i]! > 0 ? 1 : 0);
      }
      trueLevel[i] = nextTrue;
      reportedLevel[i] = level;
    }
    const byTrueStatus = emptyStatusCounts();
    trueCounts.forEach((n, level) => (byTrueStatus[statusAt(level)] = n));
    return {
      date: formatDate(t),
      scope,
      verifiedDone: byTrueStatus.done,
      reportedDone,
      verifiedStarted: scope - byTrueStatus.not_started,
      reportedStarted,
      byTrueStatus,
    };
  });
}

