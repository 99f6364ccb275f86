import { horizonMark } from "@/lib/evidence-horizon";
import { scheduleOfSnapshot } from "@/lib/schedule/schedule-of-snapshot";
import { formatDate } from "@/lib/time";
import type { Db } from "../index";
import { loadSnapshot } from "./load-snapshot";
import { memoByHead } from "./memo-by-head";

/**
 * The program's critical-path schedule at (asOf, knownAt), with its evidence horizon: a pure
 * function of the snapshot, memoised by log head. A not_found AppError for an unknown slug.
 */
export function getSchedule(db: Db, slug: string, asOf: number, knownAt: number) {
  return memoByHead(db, `schedule:${slug}:${asOf}:${knownAt}`, () => {
    const snapshot = loadSnapshot(db, slug, asOf, knownAt);
    return {
      ...scheduleOfSnapshot(snapshot, snapshot.program.targetDate),
      knownAt: formatDate(knownAt),
      ...horizonMark(snapshot.program.factsUntil, asOf),
    };
  });
}
export type ProgramSchedule = ReturnType<typeof getSchedule>;
