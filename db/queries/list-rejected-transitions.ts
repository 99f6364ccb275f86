import { formatDateOrInstant } from "@/lib/time";
import type { Status } from "@/lib/status";
import { isPostgres, type Db } from "../index";
import { rawAll } from "../raw-sql";

/** One rejected transition, as the person who reported it needs to see it (DESIGN §13). */
export interface RejectedTransition {
  program: string;
  programName: string;
  transitionId: number;
  item: string;
  title: string;
  to: Status;
  effectiveAt: string;
  recordedAt: string;
  rejectedBy: string;
  rejectedAt: string;
  reason: string;
  /** The first transition of the item to the same status recorded after the rejection, or null: still to report again. */
  reportedAgain: number | null;
}

export interface RejectedTransitionsQuery {
  /** The reporter's e-mail. */
  reporter: string;
  /** One program's slug; every program when absent. */
  program?: string;
  /** Only rejections recorded by then count (default: now). */
  knownAt?: number;
}

// The reporter's e-mail matched without regard to case: SQLite's NOCASE, PostgreSQL's lower() on both sides.
const sqlFor = (postgres: boolean) => `
  SELECT pr.slug AS program, pr.name AS "programName", t.id AS "transitionId", i.key AS item, i.title AS title, t.to_status AS "to",
         t.effective_at AS "effectiveAt", t.recorded_at AS "recordedAt", rj.name AS "rejectedBy", r.rejected_at AS "rejectedAt",
         r.reason AS reason,
         (SELECT again.id FROM transitions again
           WHERE again.item_id = t.item_id AND again.to_status = t.to_status AND again.recorded_at > r.recorded_at AND again.recorded_at <= @knownAt
           ORDER BY again.recorded_at, again.id LIMIT 1) AS "reportedAgain"
    FROM transition_rejections r
    JOIN transitions t ON t.id = r.transition_id
    JOIN people reporter ON reporter.id = t.actor_id
    JOIN people rj ON rj.id = r.rejecter_id
    JOIN items i ON i.id = t.item_id
    JOIN programs pr ON pr.id = i.program_id
   WHERE ${postgres ? "lower(reporter.email) = lower(CAST(@reporter AS text))" : "reporter.email = @reporter COLLATE NOCASE"}
     AND r.recorded_at <= @knownAt AND (CAST(@program AS text) IS NULL OR pr.slug = @program)
   ORDER BY r.rejected_at DESC, r.id DESC`;
const SQL = { sqlite: sqlFor(false), postgres: sqlFor(true) };

type Row = Omit<RejectedTransition, "effectiveAt" | "recordedAt" | "rejectedAt"> & { effectiveAt: number; recordedAt: number; rejectedAt: number };

/**
 * The transitions a person reported that a reviewer rejected, newest rejection first, with whether
 * the item was reported again at that status since: what the reporter has to act on.
 */
export async function listRejectedTransitions(db: Db, { reporter, program, knownAt = Date.now() }: RejectedTransitionsQuery): Promise<RejectedTransition[]> {
  const rows = await rawAll<Row>(db, isPostgres(db) ? SQL.postgres : SQL.sqlite, { reporter, knownAt, program: program ?? null });
  return rows.map((r) => ({
    ...r,
    effectiveAt: formatDateOrInstant(r.effectiveAt),
    recordedAt: formatDateOrInstant(r.recordedAt),
    rejectedAt: formatDateOrInstant(r.rejectedAt),
  }));
}
