import { horizonMark } from "@/lib/evidence-horizon";
import { scheduleCoreOf, scheduleRows, type ProgramScheduleRows, type ScheduleCore } from "@/lib/schedule/schedule-of-snapshot";
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
  return {
    snapshot,
    core,
    answer: { ...scheduleRows(snapshot, core.schedule), knownAt: formatDate(knownAt), ...horizonMark(snapshot.program.factsUntil, asOf) },
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

/** The API's answer as JSON text, memoised like the value: at 10,000 items it is 5 MB. */
export function getScheduleJson(db: Db, slug: string, asOf: number, knownAt: number): string {
  return memoByHead(db, `schedule-json:${slug}:${asOf}:${knownAt}`, () => JSON.stringify(getSchedule(db, slug, asOf, knownAt)));
}
