import type { Status } from "@/lib/status";
import type { Db } from "../index";
import { rawAll } from "../raw-sql";
import { myWorkSqlOn } from "./my-work-sql";

/** A rejection of a transition a person reported, still theirs to act on or awaiting the report made again. */
export interface MyRejectionRow {
  program: string;
  programName: string;
  rejectionId: number;
  transitionId: number;
  item: string;
  title: string;
  to: Status;
  effectiveAt: number;
  recordedAt: number;
  rejectedBy: string;
  rejectedAt: number;
  rejectionRecordedAt: number;
  reason: string;
  /** The later report of the item at that status or past it, awaiting a decision; null: nobody reported again yet. */
  again: { transitionId: number; to: Status; recordedAt: number; by: string } | null;
}

type Row = Omit<MyRejectionRow, "again"> & { againId: number | null; againTo: Status | null; againRecordedAt: number | null; againBy: string | null };

/**
 * The rejections of what `person` reported, known by `now`, newest rejection first: those nobody
 * has answered with a new report, and those whose new report awaits a decision. A rejection whose
 * new report was decided drops out (see OPEN_REJECTIONS).
 */
export async function listMyRejections(db: Db, person: { id: number }, now: number): Promise<MyRejectionRow[]> {
  const rows = await rawAll<Row>(
    db,
    `SELECT pr.slug AS program, pr.name AS "programName", x."rejectionId", x."transitionId", i.key AS item, i.title AS title,
            x."toStatus" AS "to", x."effectiveAt", x."recordedAt", (SELECT p.name FROM people p WHERE p.id = x."rejecterId") AS "rejectedBy",
            x."rejectedAt", x."rejectionRecordedAt",
            x.reason, x."againId", again.to_status AS "againTo", again.recorded_at AS "againRecordedAt",
            (SELECT p.name FROM people p WHERE p.id = again.actor_id) AS "againBy"
       FROM ${myWorkSqlOn(db).OPEN_REJECTIONS} x
       JOIN items i ON i.id = x."itemId" JOIN programs pr ON pr.id = i.program_id
       LEFT JOIN transitions again ON again.id = x."againId"
     ORDER BY x."rejectionRecordedAt" DESC, x."rejectionId" DESC`,
    { me: person.id, now },
  );
  return rows.map(({ againId, againTo, againRecordedAt, againBy, ...r }) => ({
    ...r,
    again: againId === null ? null : { transitionId: againId, to: againTo!, recordedAt: againRecordedAt!, by: againBy! },
  }));
}
