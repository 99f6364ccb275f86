import { criticalPath } from "../readiness/critical-path";
import { DAY_MS, dateAfterWeeks, formatDate, startOfDay } from "../time";

/** One item as the schedule needs it: an item in the program at `asOf`. */
export interface ScheduleNode {
  key: string;
  dependsOn: readonly string[];
  estimateWeeks: number;
  done: boolean;
  /** When the item became done (the last move of its true status to done by asOf); null if not done. */
  doneAt: number | null;
  /** The date promised for the item, if any (ms at the start of that day). */
  targetDate: number | null;
}

/**
 * What a promised date says about the work: impossible (it ends after the date), at risk (less than
 * two weeks to spare), on track; no_target when nothing promised bounds it; done when it is done.
 */
export type ScheduleState = "done" | "impossible" | "at_risk" | "on_track" | "no_target";
/** Under this many weeks of slack, a promised date is at risk. */
export const AT_RISK_WEEKS = 2;

export interface ScheduledItem {
  key: string;
  state: ScheduleState;
  /** Done items: the day they became done. */
  doneAt: string | null;
  /** Weeks from asOf (items not done): as the critical path weighs them, no partial credit. */
  earliestStartWeeks: number | null;
  earliestFinishWeeks: number | null;
  earliestStart: string | null;
  earliestFinish: string | null;
  /** The latest finish that keeps every promised date after it (own, dependents', program's). */
  latestFinishWeeks: number | null;
  latestFinish: string | null;
  /** latestFinish − earliestFinish in weeks; negative: a promised date cannot be met. */
  slackWeeks: number | null;
  /** The item's own promised date. */
  target: string | null;
  /** The promised date that sets the latest finish: an item's (its own or a dependent's) or the program's (key null). */
  limitedBy: { key: string | null; date: string } | null;
  critical: boolean;
}

export interface Schedule {
  asOf: string;
  /** When the program can finish at the earliest: the largest earliest finish (= earliestByDependencies). */
  finishWeeks: number;
  finish: string;
  /** The program's committed target and what the schedule says about it. */
  target: string | null;
  targetState: Exclude<ScheduleState, "done"> | null;
  targetSlackWeeks: number | null;
  criticalPath: string[];
  /** Every item in the program at asOf, in the order given. */
  items: ScheduledItem[];
}

// Sums of decimal estimates carry float noise (0.2 + 2.7 + 0.1): round it away, as the critical path does.
const clean = (weeks: number) => Math.round(weeks * 1e9) / 1e9;

function stateOf(slackWeeks: number | null): Exclude<ScheduleState, "done"> {
  return slackWeeks === null ? "no_target" : slackState(slackWeeks);
}

function slackState(slackWeeks: number): Exclude<ScheduleState, "done" | "no_target"> {
  if (slackWeeks < 0) return "impossible";
  return slackWeeks < AT_RISK_WEEKS ? "at_risk" : "on_track";
}

/** A promised day against the day work can end at the earliest (both YYYY-MM-DD). */
export function promiseState(earliest: string, promised: string): Exclude<ScheduleState, "done" | "no_target"> {
  return slackState((Date.parse(`${promised}T00:00:00Z`) - Date.parse(`${earliest}T00:00:00Z`)) / (7 * DAY_MS));
}

/** Dependencies before dependents (Kahn); dependencies outside `nodes` are ignored. */
function topologicalOrder(nodes: readonly ScheduleNode[], byKey: ReadonlyMap<string, ScheduleNode>): ScheduleNode[] {
  const waiting = new Map<string, number>();
  const dependents = new Map<string, string[]>();
  for (const n of nodes) {
    const deps = n.dependsOn.filter((k) => byKey.has(k));
    waiting.set(n.key, deps.length);
    for (const d of deps) dependents.set(d, [...(dependents.get(d) ?? []), n.key]);
  }
  const order: ScheduleNode[] = [];
  const ready = nodes.filter((n) => waiting.get(n.key) === 0);
  for (let i = 0; i < ready.length; i++) {
    const n = ready[i]!;
    order.push(n);
    for (const k of dependents.get(n.key) ?? []) {
      const left = waiting.get(k)! - 1;
      waiting.set(k, left);
      if (left === 0) ready.push(byKey.get(k)!);
    }
  }
  // A cycle cannot be stored; should one appear, its items still get a row.
  if (order.length < nodes.length) for (const n of nodes) if (waiting.get(n.key)! > 0) order.push(n);
  return order;
}

/**
 * The critical-path schedule as of `asOf` (DESIGN §5 weights: an item not done weighs its whole
 * estimate, a done one 0 and passes on what it waits for). Earliest start = the largest earliest
 * finish among the item's dependencies, earliest finish = start + estimate, in weeks from asOf; a
 * date is asOf + ceil(7 × weeks) days, rounded only there, so the program's finish is exactly
 * earliestByDependencies. Latest finish walks back from every promised date (the program's target
 * and each item's own); a latest date rounds down, never up.
 */
export function scheduleOf(nodes: readonly ScheduleNode[], asOf: number, programTarget: number | null): Schedule {
  const asOfDay = startOfDay(asOf);
  const earliestDate = (weeks: number) => dateAfterWeeks(asOf, weeks);
  const latestDate = (weeks: number) => formatDate(asOfDay + Math.floor(7 * weeks) * DAY_MS);
  const weeksTo = (day: number) => (startOfDay(day) - asOfDay) / (7 * DAY_MS);
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  const weight = (n: ScheduleNode) => (n.done ? 0 : n.estimateWeeks);
  const order = topologicalOrder(nodes, byKey);

  const start = new Map<string, number>();
  const finish = new Map<string, number>();
  for (const n of order) {
    let s = 0;
    for (const d of n.dependsOn) s = Math.max(s, finish.get(d) ?? 0);
    start.set(n.key, s);
    finish.set(n.key, clean(s + weight(n)));
  }

  type Bound = { weeks: number; key: string | null; date: string };
  const programBound: Bound | null = programTarget === null ? null : { weeks: weeksTo(programTarget), key: null, date: formatDate(programTarget) };
  const latest = new Map<string, Bound | null>(nodes.map((n) => [n.key, programBound]));
  const tighter = (a: Bound | null, b: Bound | null) => (a === null ? b : b === null || a.weeks <= b.weeks ? a : b);
  for (const n of [...order].reverse()) {
    const own: Bound | null = n.targetDate === null ? null : { weeks: weeksTo(n.targetDate), key: n.key, date: formatDate(n.targetDate) };
    const bound = tighter(own, latest.get(n.key) ?? null);
    latest.set(n.key, bound);
    const passed = bound && { ...bound, weeks: clean(bound.weeks - weight(n)) };
    for (const d of n.dependsOn) if (byKey.has(d)) latest.set(d, tighter(latest.get(d) ?? null, passed));
  }

  const path = criticalPath(nodes.map((n) => ({ key: n.key, dependsOn: n.dependsOn, weight: weight(n), done: n.done })));
  const onPath = new Set(path.keys);
  const finishWeeks = path.remainingWeeks;
  const items = nodes.map((n): ScheduledItem => {
    const target = n.targetDate === null ? null : formatDate(n.targetDate);
    if (n.done)
      return {
        key: n.key,
        state: "done",
        doneAt: n.doneAt === null ? null : formatDate(n.doneAt),
        earliestStartWeeks: null,
        earliestFinishWeeks: null,
        earliestStart: null,
        earliestFinish: null,
        latestFinishWeeks: null,
        latestFinish: null,
        slackWeeks: null,
        target,
        limitedBy: null,
        critical: onPath.has(n.key),
      };
    const es = start.get(n.key)!;
    const ef = finish.get(n.key)!;
    const bound = latest.get(n.key) ?? null;
    const slack = bound === null ? null : clean(bound.weeks - ef);
    return {
      key: n.key,
      state: stateOf(slack),
      doneAt: null,
      earliestStartWeeks: es,
      earliestFinishWeeks: ef,
      earliestStart: earliestDate(es),
      earliestFinish: earliestDate(ef),
      latestFinishWeeks: bound && clean(bound.weeks),
      latestFinish: bound && latestDate(bound.weeks),
      slackWeeks: slack,
      target,
      limitedBy: bound && { key: bound.key, date: bound.date },
      critical: onPath.has(n.key),
    };
  });
  const targetSlack = programBound === null ? null : clean(programBound.weeks - finishWeeks);
  return {
    asOf: formatDate(asOf),
    finishWeeks,
    finish: earliestDate(finishWeeks),
    target: programBound?.date ?? null,
    targetState: programBound === null ? null : stateOf(targetSlack),
    targetSlackWeeks: targetSlack,
    criticalPath: path.keys,
    items,
  };
}
