import type { Snapshot } from "../build-snapshot";
import type { ListedItem } from "../items/item-query";
import type { Status } from "../status";
import { scheduleOf, type Schedule, type ScheduledItem, type ScheduleNode } from "./schedule";

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

/** The schedule of the items in the program at the snapshot's asOf (those identified later are not in it). */
export function scheduleOfSnapshot(snapshot: Pick<Snapshot, "listed" | "asOf">, programTarget: number | null): ProgramScheduleRows {
  const schedule = scheduleOf(snapshot.listed.map(scheduleNode), snapshot.asOf, programTarget);
  const keys = new Set(snapshot.listed.map((i) => i.key));
  return {
    ...schedule,
    items: schedule.items.map((s, n) => {
      const i = snapshot.listed[n]!;
      return {
        ...s,
        title: i.title,
        area: i.area,
        owner: i.owner,
        ownerName: i.ownerName,
        trueStatus: i.trueStatus,
        reportedStatus: i.reportedStatus,
        estimateWeeks: i.estimateWeeks,
        dependsOn: i.dependsOn.filter((k) => keys.has(k)),
      };
    }),
  };
}
