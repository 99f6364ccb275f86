import type { Status } from "@/lib/status";
import type { Db } from "../index";
import { rawAll } from "../raw-sql";
import { myWorkSqlOn } from "./my-work-sql";

/** A transition a person reported that nobody has verified or rejected yet. */
export interface MyAwaitingRow {
  program: string;
  programName: string;
  transitionId: number;
  item: string;
  title: string;
  /** The item's reported status just before this transition, in effective order. */
  from: Status;
  to: Status;
  effectiveAt: number;
  recordedAt: number;
}

/** What `person` reported that still awaits a reviewer, newest report first. */
export async function listMyAwaiting(db: Db, person: { id: number }): Promise<MyAwaitingRow[]> {
  return rawAll<MyAwaitingRow>(
    db,
    `SELECT pr.slug AS program, pr.name AS "programName", t.id AS "transitionId", i.key AS item, i.title AS title,
            coalesce((SELECT p.to_status FROM transitions p
                       WHERE p.item_id = t.item_id AND (p.effective_at, p.recorded_at, p.id) < (t.effective_at, t.recorded_at, t.id)
                       ORDER BY p.effective_at DESC, p.recorded_at DESC, p.id DESC LIMIT 1), 'not_started') AS "from",
            t.to_status AS "to", t.effective_at AS "effectiveAt", t.recorded_at AS "recordedAt"
       FROM transitions t JOIN items i ON i.id = t.item_id JOIN programs pr ON pr.id = i.program_id
      WHERE ${myWorkSqlOn(db).AWAITING_WHERE}
     ORDER BY t.recorded_at DESC, t.id DESC`,
    { me: person.id },
  );
}
