import type { Snapshot } from "../build-snapshot";
import type { ListedItem } from "../items/item-query";
import type { Status } from "../status";
import { scheduleOf, type Schedule, type ScheduledItem, type ScheduleNode } from "./schedule";

// A listed row is never mutated: its node is made once, so after a write the unchanged rows give
// the same node objects and comparing them costs nothing.
const nodes = new WeakMap<ListedItem, ScheduleNode>();
const nodeOf = (item: ListedItem) => {
  let node = nodes.get(item);
  if (!node) nodes.set(item, (node = scheduleNode(item)));
  return node;
};

/** An item in the program at the date as the schedule sees it. */
export function scheduleNode(item: ListedItem): ScheduleNode {
  const done = item.trueStatus === "done";
  return {
    key: item.key,
    dependsOn: item.dependsOn,
    estimateWeeks: item.estimateWeeks,
    done,
    doneAt: done ? (item.doneEvents.at(-1) ?? item.trueSince) : null,
    targetDate: item.targetDate ?? null,
  };
}

/** A scheduled item with what a timeline row shows beside its dates. */
export interface ScheduleRow extends ScheduledItem {
  title: string;
  area: string;
  owner: string | null;
  ownerName: string | null;
  trueStatus: Status;
  reportedStatus: Status;
  estimateWeeks: number;
  /** Its dependencies in the program at the date. */
  dependsOn: string[];
}

export interface ProgramScheduleRows extends Omit<Schedule, "items"> {
  items: ScheduleRow[];
}

/** The schedule's inputs with its answer: after a write that changed none of them, the answer stands. */
export interface ScheduleCore {
  asOf: number;
  programTarget: number | null;
  nodes: readonly ScheduleNode[];
  schedule: Schedule;
}

const sameNode = (a: ScheduleNode, b: ScheduleNode) =>
  a === b ||
  (a.key === b.key &&
  a.done === b.done &&
  a.doneAt === b.doneAt &&
  a.estimateWeeks === b.estimateWeeks &&
  a.targetDate === b.targetDate &&
  a.dependsOn.length === b.dependsOn.length &&
  a.dependsOn.every((k, i) => k === b.dependsOn[i]));

/**
 * The schedule of the items in the program at the snapshot's asOf (those identified later are not
 * in it). Given the core of an earlier version, it is reused when no item's schedule input changed:
 * most writes (a report, a verification below done, a note) move no date.
 */
export function scheduleCoreOf(snapshot: Pick<Snapshot, "listed" | "asOf">, programTarget: number | null, previous?: ScheduleCore): ScheduleCore {
  const nodes = snapshot.listed.map(nodeOf);
  if (
    previous &&
    previous.asOf === snapshot.asOf &&
    previous.programTarget === programTarget &&
    previous.nodes.length === nodes.length &&
    previous.nodes.every((n, i) => sameNode(n, nodes[i]!))
  )
    return previous;
  return { asOf: snapshot.asOf, programTarget, nodes, schedule: scheduleOf(nodes, snapshot.asOf, programTarget) };
}

/** The rows of a schedule with what they were made from: what scheduleRows reuses after a write. */
export interface ScheduleRowsOf {
  listed: readonly ListedItem[];
  schedule: Schedule;
  rows: ProgramScheduleRows;
}

const sameScheduled = (a: ScheduledItem, b: ScheduledItem) =>
  a === b ||
  (a.key === b.key &&
    a.state === b.state &&
    a.doneAt === b.doneAt &&
    a.earliestStartWeeks === b.earliestStartWeeks &&
    a.earliestFinishWeeks === b.earliestFinishWeeks &&
    a.latestFinishWeeks === b.latestFinishWeeks &&
    a.slackWeeks === b.slackWeeks &&
    a.target === b.target &&
    a.limitedBy?.key === b.limitedBy?.key &&
    a.limitedBy?.date === b.limitedBy?.date &&
    a.critical === b.critical);

/**
 * The schedule with what a timeline row shows beside each item's dates. Given the rows of an
 * earlier answer at the same asOf, the row of each item whose listed row is the same object and
 * whose dates did not move is kept (dates follow from the weeks at one asOf).
 */
export function scheduleRows(snapshot: Pick<Snapshot, "listed">, schedule: Schedule, previous?: ScheduleRowsOf): ProgramScheduleRows {
  // The same items at the same date: each kept row's dates and dependencies still hold.
  const same =
    previous &&
    previous.schedule.asOf === schedule.asOf &&
    previous.listed.length === snapshot.listed.length &&
    previous.listed.every((x, n) => x === snapshot.listed[n] || x.key === snapshot.listed[n]!.key)
      ? previous
      : undefined;
  let keys: Set<string> | undefined;
  const inProgram = (k: string) => (keys ??= new Set(snapshot.listed.map((i) => i.key))).has(k);
  const items = schedule.items.map((s, n): ScheduleRow => {
    const i = snapshot.listed[n]!;
    if (same && same.listed[n] === i && sameScheduled(same.schedule.items[n]!, s)) return same.rows.items[n]!;
    // Written out field by field: one object shape for 10,000 rows.
    return {
      key: s.key,
      title: i.title,
      area: i.area,
      owner: i.owner,
      ownerName: i.ownerName,
      trueStatus: i.trueStatus,
      reportedStatus: i.reportedStatus,
      estimateWeeks: i.estimateWeeks,
      dependsOn: i.dependsOn.every(inProgram) ? i.dependsOn : i.dependsOn.filter(inProgram),
      state: s.state,
      doneAt: s.doneAt,
      earliestStartWeeks: s.earliestStartWeeks,
      earliestFinishWeeks: s.earliestFinishWeeks,
      earliestStart: s.earliestStart,
      earliestFinish: s.earliestFinish,
      latestFinishWeeks: s.latestFinishWeeks,
      latestFinish: s.latestFinish,
      slackWeeks: s.slackWeeks,
      target: s.target,
      limitedBy: s.limitedBy,
      critical: s.critical,
    };
  });
  return { ...schedule, items };
}

/** The schedule of a snapshot, computed whole. */
export function scheduleOfSnapshot(snapshot: Pick<Snapshot, "listed" | "asOf">, programTarget: number | null): ProgramScheduleRows {
  return scheduleRows(snapshot, scheduleCoreOf(snapshot, programTarget).schedule);
}
