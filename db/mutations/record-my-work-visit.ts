import { firstRow } from "../first-row";
import { eq, sql } from "drizzle-orm";
import { isPostgres, type Db, type Tx } from "../index";
import { myWorkVisits } from "../schema";

/**
 * Records that a person opened My work at `now` and returns when they had opened it before (null:
 * never). The mark only moves forward, so a tab that loaded earlier but writes later cannot move it
 * back. Run it in the transaction that reads the page's entries: what the page shows as new is
 * exactly what was recorded after the previous visit and by this one.
 */
export async function recordMyWorkVisit(db: Db | Tx, personId: number, now: number): Promise<number | null> {
  const previous = await firstRow(db.select({ seenAt: myWorkVisits.seenAt }).from(myWorkVisits).where(eq(myWorkVisits.personId, personId)));
  // The larger of the two marks: SQLite's two-argument max(), PostgreSQL's greatest().
  const later = isPostgres(db) ? sql`greatest(${myWorkVisits.seenAt}, excluded.seen_at)` : sql`max(${myWorkVisits.seenAt}, excluded.seen_at)`;
  await db.insert(myWorkVisits)
    .values({ personId, seenAt: now })
    .onConflictDoUpdate({ target: myWorkVisits.personId, set: { seenAt: later } });
  return previous?.seenAt ?? null;
}
