import { horizonMark } from "@/lib/evidence-horizon";
import { fillJsonSlot, JSON_SLOT } from "@/lib/json-slot";
import { scheduleCoreOf, scheduleRows, type ProgramScheduleRows, type ScheduleCore, type ScheduleRow } from "@/lib/schedule/schedule-of-snapshot";
import { formatDate } from "@/lib/time";
import type { Db } from "../index";
import { loadSnapshot, type ProgramSnapshot } from "./load-snapshot";
import { memoByHead } from "./memo-by-head";

interface Memo {
  snapshot: ProgramSnapshot;
  core: ScheduleCore;
  answer: ProgramScheduleRows & { knownAt: string; factsUntil: string | null; illustrative: boolean };
}

function compute(db: Db, slug: string, asOf: number, knownAt: number, previous?: Memo): Memo {
  const snapshot = loadSnapshot(db, slug, asOf, knownAt);
  if (previous && previous.snapshot === snapshot) return previous;
  const core = scheduleCoreOf(snapshot, snapshot.program.targetDate, previous?.core);
  const rows = scheduleRows(snapshot, core.schedule, previous && { listed: previous.snapshot.listed, schedule: previous.core.schedule, rows: previous.answer });
  return {
    snapshot,
    core,
    answer: { ...rows, knownAt: formatDate(knownAt), ...horizonMark(snapshot.program.factsUntil, asOf) },
  };
}

/**
 * The program's critical-path schedule at (asOf, knownAt), with its evidence horizon: a pure
 * function of the snapshot, memoised by log head. After a write the dates are computed again only
 * when an item's schedule input changed (done or not, estimate, target, dependencies). A
 * not_found AppError for an unknown slug.
 */
export function getSchedule(db: Db, slug: string, asOf: number, knownAt: number) {
  return memoByHead(
    db,
    `schedule:${slug}:${asOf}:${knownAt}`,
    () => compute(db, slug, asOf, knownAt),
    (previous) => compute(db, slug, asOf, knownAt, previous),
  ).answer;
}
export type ProgramSchedule = ReturnType<typeof getSchedule>;

// A row is never mutated and a write keeps most rows (scheduleRows): serialise each row once.
const rowJson = new WeakMap<ScheduleRow, string>();
const jsonOfRow = (row: ScheduleRow) => {
  let json = rowJson.get(row);
  if (json === undefined) rowJson.set(row, (json = JSON.stringify(row)));
  return json;
};

/** The API's answer as JSON text, memoised like the value: at 10,000 items it is 5 MB. */
export function getScheduleJson(db: Db, slug: string, asOf: number, knownAt: number): string {
  return memoByHead(db, `schedule-json:${slug}:${asOf}:${knownAt}`, () => {
    const answer = getSchedule(db, slug, asOf, knownAt);
    return fillJsonSlot(JSON.stringify({ ...answer, items: JSON_SLOT }), `[${answer.items.map(jsonOfRow).join(",")}]`) ?? JSON.stringify(answer);
  });
}
