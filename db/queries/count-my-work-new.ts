import { isPostgres, type Db } from "../index";
import { rawGet } from "../raw-sql";
import { myWorkSql } from "./my-work-sql";

/** How many entries of each section of My work are new since the person last opened it. */
export interface MyWorkNewCounts {
  owned: number;
  awaiting: number;
  rejected: number;
  /** Comments whose current text @mentions the person, written (or edited to mention them) since. */
  mentioned: number;
}

// Before a first visit, "new" counts from the account's creation: what was there before is not news.
function myWorkNewSql(postgres: boolean): string {
  const { OWNED_FROM, OWNED_SINCE, MS_OF, AWAITING_WHERE, OPEN_REJECTIONS } = myWorkSql(postgres);
  return `
  WITH seen AS (SELECT coalesce((SELECT seen_at FROM my_work_visits WHERE person_id = @me),
                                (SELECT created_at FROM people WHERE id = @me)) AS at)
  SELECT (SELECT count(*) ${OWNED_FROM} AND ${MS_OF(OWNED_SINCE)} > (SELECT at FROM seen)) AS owned,
         (SELECT count(*) FROM transitions t WHERE ${AWAITING_WHERE} AND t.recorded_at > (SELECT at FROM seen)) AS awaiting,
         (SELECT count(*) FROM ${OPEN_REJECTIONS} x WHERE x."rejectionRecordedAt" > (SELECT at FROM seen)) AS rejected,
         (SELECT count(*) FROM comment_mentions m JOIN comments c ON c.id = m.comment_id
           WHERE m.person_id = @me AND m.mentioned_at > (SELECT at FROM seen)
             AND c.deleted_at IS NULL AND c.author_id <> @me) AS mentioned`;
}

/** The statement on SQLite (its plan is checked in tests/db/query-plans.test.ts). */
export const MY_WORK_NEW_SQL = myWorkNewSql(false);
const MY_WORK_NEW_PG = myWorkNewSql(true);

/**
 * The header's count for My work: one statement over indexes (the person's items, their
 * transitions), cheap enough for every page. It counts exactly what the page marks as new.
 */
export async function countMyWorkNew(db: Db, person: { id: number; email: string }, now: number = Date.now()): Promise<MyWorkNewCounts> {
  const params = { me: person.id, email: person.email, now };
  return (await rawGet<MyWorkNewCounts>(db, isPostgres(db) ? MY_WORK_NEW_PG : MY_WORK_NEW_SQL, params))!;
}
