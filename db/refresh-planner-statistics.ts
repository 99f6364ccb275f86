import { isPostgres, type Db } from "./index";
import { rawAll } from "./raw-sql";

/** The tables a bundle import fills, whose row counts it changes by thousands at once. */
const IMPORTED_TABLES = ["people", "program_members", "items", "dependencies", "transitions", "evidence", "verifications", "transition_rejections", "signals", "claims", "claim_links", "events", "comments", "audit_log"];

/**
 * After a bulk import, PostgreSQL's planner still believes the tables hold what they held before
 * (until autovacuum's analyze, up to a minute or more later), and picks plans for a handful of
 * rows: the dashboard's latest verifications then read every transition of the program (46 ms at
 * 1,000 items) instead of walking the verified_at index (0.08 ms). ANALYZE samples the tables
 * now. SQLite plans without statistics of this kind; nothing to do there.
 */
export async function refreshPlannerStatistics(db: Db): Promise<void> {
  if (!isPostgres(db)) return;
  await rawAll(db, `ANALYZE ${IMPORTED_TABLES.join(", ")}`);
}
