import { changedPositions } from "../changed-positions";
import { countsAsVerified, visibleTransitions, type FoldTransition } from "../fold-item-status";
import { isoWeekOf } from "../iso-week";
import type { ItemWithTransitions } from "../item-with-transitions";
import { emptyStatusCounts, levelOf, statusAt, STATUSES, type Status } from "../status";
import { DAY_MS, formatDate } from "../time";

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
const WEEK_MS = 7 * DAY_MS;

/**
 * The Sundays (end of ISO week) from the first identified item up to asOf, every step-th one so
 * there are at most 160, then asOf itself. Computed, not walked (a UTC week is always 7 days), so
 * an asOf in year 9999 costs no more than one next month.
 */
function samplePoints(first: number, asOf: number): number[] {
  const firstEnd = isoWeekOf(first).end;
  const weeks = Math.max(0, Math.ceil((asOf - firstEnd) / WEEK_MS)); // Sundays before asOf
  const step = Math.ceil((weeks + 1) / MAX_POINTS);
  const points: number[] = [];
  for (let i = 0; i < weeks; i += step) points.push(firstEnd + i * WEEK_MS);
  points.push(asOf);
  return points;
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

/** An item's true level after one of its visible transitions (the rule of foldItemStatus, step by step). */
function nextTrueLevel(current: number, ev: FoldTransition, knownAt: number): number {
  const level = levelOf(ev.to);
  return level < current || (level > current && countsAsVerified(ev, knownAt)) ? level : current;
}

/** The series of a version of the same program at the same (asOf, knownAt): what a write patches. */
export interface StatusSeriesOf {
  items: readonly ItemWithTransitions[];
  series: StatusPoint[];
}

/**
 * The program week by week as known at `knownAt`: scope, verified done, reported done and the
 * true-status bands — the input of the burn-up and the cumulative-flow chart. One sweep over the
 * history in effective order (the same fold as foldItemStatus, advanced point by point), so a
 * long history of a large program costs its size, not size × points.
 */
export function statusOverTime(items: readonly ItemWithTransitions[], asOf: number, knownAt: number, previous?: StatusSeriesOf): StatusPoint[] {
  const patched = previous && patchSeries(items, asOf, knownAt, previous);
  if (patched) return patched;
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
      const nextTrue = nextTrueLevel(trueLevel[i]!, ev, knownAt);
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

// Past this many changed items a patch saves nothing.
const MAX_PATCHED = 256;

/**
 * The earlier series with the changed items' share taken out and put back as they are now: a
 * write changes one item of 10,000. Undefined (compute it whole) when the items are not the same
 * list, when an item's identification date moved (the sample points may move), or too many changed.
 */
function patchSeries(items: readonly ItemWithTransitions[], asOf: number, knownAt: number, previous: StatusSeriesOf): StatusPoint[] | undefined {
  const changedAt = changedPositions(previous.items, items, MAX_PATCHED);
  if (!changedAt || previous.series.length === 0) return undefined;
  const changed = changedAt.map((n) => [previous.items[n]!, items[n]!] as const);
  if (changed.some(([before, now]) => before.identifiedAt !== now.identifiedAt)) return undefined;
  if (changed.length === 0) return previous.series;
  const points = samplePoints(Math.min(...items.map((i) => i.identifiedAt)), asOf);
  if (points.length !== previous.series.length || formatDate(points.at(-1)!) !== previous.series.at(-1)!.date) return undefined;

  // Per point: the change of each true-status count, of reported done and of reported started.
  const delta = points.map(() => ({ trueCounts: new Array<number>(STATUSES.length).fill(0), reportedDone: 0, reportedStarted: 0, any: false }));
  const add = (item: ItemWithTransitions, sign: 1 | -1) =>
    levelsAtPoints(item, points, asOf, knownAt, (p, trueLevel, reportedLevel) => {
      const d = delta[p]!;
      d.trueCounts[trueLevel]! += sign;
      d.reportedDone += sign * (reportedLevel === DONE ? 1 : 0);
      d.reportedStarted += sign * (reportedLevel > 0 ? 1 : 0);
      d.any = true;
    });
  for (const [before, now] of changed) {
    add(before, -1);
    add(now, 1);
  }
  return previous.series.map((point, p) => {
    const d = delta[p]!;
    if (!d.any || (d.reportedDone === 0 && d.reportedStarted === 0 && d.trueCounts.every((x) => x === 0))) return point;
    const byTrueStatus = emptyStatusCounts();
    for (const status of STATUSES) byTrueStatus[status] = point.byTrueStatus[status] + d.trueCounts[levelOf(status)]!;
    return {
      date: point.date,
      scope: point.scope,
      verifiedDone: byTrueStatus.done,
      reportedDone: point.reportedDone + d.reportedDone,
      verifiedStarted: point.scope - byTrueStatus.not_started,
      reportedStarted: point.reportedStarted + d.reportedStarted,
      byTrueStatus,
    };
  });
}

/** Calls `visit` for each sample point at which the item is in scope, with its true and reported level there. */
function levelsAtPoints(
  item: ItemWithTransitions,
  points: readonly number[],
  asOf: number,
  knownAt: number,
  visit: (point: number, trueLevel: number, reportedLevel: number) => void,
): void {
  const transitions = visibleTransitions(item.transitions, asOf, knownAt);
  let trueLevel = 0;
  let reportedLevel = 0;
  let next = 0;
  points.forEach((t, p) => {
    for (; next < transitions.length && transitions[next]!.effectiveAt <= t; next++) {
      const ev = transitions[next]!;
      trueLevel = nextTrueLevel(trueLevel, ev, knownAt);
      reportedLevel = levelOf(ev.to);
    }
    if (item.identifiedAt <= t) visit(p, trueLevel, reportedLevel);
  });
}
