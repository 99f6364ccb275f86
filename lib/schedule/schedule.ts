import { criticalPath } from "../readiness/critical-path";
import { DAY_MS, daysOfWeeks, formatDate, startOfDay } from "../time";

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
  /** done: nothing remains to be done (whether by the target or not is the dashboard's outlook). */
  targetState: ScheduleState | null;
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

/** A graph's edges in flat arrays: node i's are `list[start[i]]` to `list[start[i + 1] - 1]`. */
interface Edges {
  start: Int32Array;
  list: Int32Array;
}

/**
 * Each node's dependencies as positions in `nodes` (those outside are ignored), and an order with
 * dependencies before dependents (Kahn). Positions in flat typed arrays, not keys nor an array per
 * node: at 10,000 items the schedule is computed again after every write and by each first reader.
 */
function dependencyOrder(nodes: readonly ScheduleNode[]): { deps: Edges; order: Int32Array } {
  const n = nodes.length;
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) index.set(nodes[i]!.key, i);
  let edges = 0;
  for (const node of nodes) edges += node.dependsOn.length;
  const deps: Edges = { start: new Int32Array(n + 1), list: new Int32Array(edges) };
  // dependents.start[j + 1] counts j's dependents first, then is summed into offsets.
  const dependents: Edges = { start: new Int32Array(n + 1), list: new Int32Array(edges) };
  let e = 0;
  for (let i = 0; i < n; i++) {
    deps.start[i] = e;
    for (const k of nodes[i]!.dependsOn) {
      const j = index.get(k);
      if (j === undefined) continue;
      deps.list[e++] = j;
      dependents.start[j + 1]!++;
    }
  }
  deps.start[n] = e;
  for (let i = 0; i < n; i++) dependents.start[i + 1]! += dependents.start[i]!;
  const filled = dependents.start.slice(0, n);
  for (let i = 0; i < n; i++) for (let x = deps.start[i]!; x < deps.start[i + 1]!; x++) dependents.list[filled[deps.list[x]!]!++] = i;

  const waiting = new Int32Array(n);
  const order = new Int32Array(n);
  let size = 0;
  for (let i = 0; i < n; i++) {
    waiting[i] = deps.start[i + 1]! - deps.start[i]!;
    if (waiting[i] === 0) order[size++] = i;
  }
  for (let o = 0; o < size; o++) {
    const i = order[o]!;
    for (let x = dependents.start[i]!; x < dependents.start[i + 1]!; x++) if (--waiting[dependents.list[x]!]! === 0) order[size++] = dependents.list[x]!;
  }
  // A cycle cannot be stored; should one appear, its items still get a row.
  if (size < n) for (let i = 0; i < n; i++) if (waiting[i]! > 0) order[size++] = i;
  return { deps, order };
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
  // Many items share a day: format each day once.
  const days = new Map<number, string>();
  const dayText = (offset: number) => days.get(offset) ?? (days.set(offset, formatDate(asOfDay + offset * DAY_MS)), days.get(offset)!);
  const earliestDate = (weeks: number) => dayText(daysOfWeeks(weeks, "up"));
  const latestDate = (weeks: number) => dayText(daysOfWeeks(weeks, "down"));
  const dayOf = (instant: number) => dayText(Math.round((startOfDay(instant) - asOfDay) / DAY_MS));
  const weeksTo = (day: number) => (startOfDay(day) - asOfDay) / (7 * DAY_MS);
  const weight = (n: ScheduleNode) => (n.done ? 0 : n.estimateWeeks);
  const { deps, order } = dependencyOrder(nodes);
  const n = nodes.length;

  const start = new Float64Array(n);
  const finish = new Float64Array(n);
  for (const i of order) {
    let s = 0;
    for (let x = deps.start[i]!; x < deps.start[i + 1]!; x++) if (finish[deps.list[x]!]! > s) s = finish[deps.list[x]!]!;
    start[i] = s;
    finish[i] = clean(s + weight(nodes[i]!));
  }

  // The tightest promised date downstream of each item: its latest finish in weeks, and whose date it
  // is (PROGRAM for the program's target, a position for an item's own, NONE when nothing binds).
  const PROGRAM = -1;
  const NONE = -2;
  const programWeeks = programTarget === null ? Infinity : weeksTo(programTarget);
  const latest = new Float64Array(n).fill(programWeeks);
  const boundBy = new Int32Array(n).fill(programTarget === null ? NONE : PROGRAM);
  for (let o = order.length - 1; o >= 0; o--) {
    const i = order[o]!;
    const target = nodes[i]!.targetDate;
    if (target !== null) {
      const own = weeksTo(target);
      if (own <= latest[i]!) {
        latest[i] = own;
        boundBy[i] = i;
      }
    }
    if (boundBy[i] === NONE) continue;
    const passed = clean(latest[i]! - weight(nodes[i]!));
    for (let x = deps.start[i]!; x < deps.start[i + 1]!; x++) {
      const j = deps.list[x]!;
      if (boundBy[j] === NONE || passed < latest[j]!) {
        latest[j] = passed;
        boundBy[j] = boundBy[i]!;
      }
    }
  }
  const limitOf = (i: number) => {
    const by = boundBy[i]!;
    if (by === NONE) return null;
    return by === PROGRAM ? { key: null, date: dayOf(programTarget!) } : { key: nodes[by]!.key, date: dayOf(nodes[by]!.targetDate!) };
  };

  const path = criticalPath(nodes.map((node) => ({ key: node.key, dependsOn: node.dependsOn, weight: weight(node), done: node.done })));
  const onPath = new Set(path.keys);
  const finishWeeks = path.remainingWeeks;
  const items = nodes.map((node, i): ScheduledItem => {
    const target = node.targetDate === null ? null : dayOf(node.targetDate);
    if (node.done)
      return {
        key: node.key,
        state: "done",
        doneAt: node.doneAt === null ? null : dayOf(node.doneAt),
        earliestStartWeeks: null,
        earliestFinishWeeks: null,
        earliestStart: null,
        earliestFinish: null,
        latestFinishWeeks: null,
        latestFinish: null,
        slackWeeks: null,
        target,
        limitedBy: null,
        critical: onPath.has(node.key),
      };
    const bound = boundBy[i] === NONE ? null : clean(latest[i]!);
    const slack = bound === null ? null : clean(bound - finish[i]!);
    return {
      key: node.key,
      state: stateOf(slack),
      doneAt: null,
      earliestStartWeeks: start[i]!,
      earliestFinishWeeks: finish[i]!,
      earliestStart: earliestDate(start[i]!),
      earliestFinish: earliestDate(finish[i]!),
      latestFinishWeeks: bound,
      latestFinish: bound === null ? null : latestDate(bound),
      slackWeeks: slack,
      target,
      limitedBy: limitOf(i),
      critical: onPath.has(node.key),
    };
  });
  const targetSlack = programTarget === null ? null : clean(programWeeks - finishWeeks);
  return {
    asOf: formatDate(asOf),
    finishWeeks,
    finish: earliestDate(finishWeeks),
    target: programTarget === null ? null : formatDate(programTarget),
    targetState: programTarget === null ? null : nodes.every((node) => node.done) ? "done" : stateOf(targetSlack),
    targetSlackWeeks: targetSlack,
    criticalPath: path.keys,
    items,
  };
}
