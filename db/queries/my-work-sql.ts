import { STATUSES } from "@/lib/status";
import { isPostgres, type Db } from "../index";

// What each section of My work lists, and from when an entry counts as new, written once: the page
// lists with these fragments and the header counts with them, so the two never disagree.
// Parameters are named: @me (person id), @email (their e-mail), @now (ms). Run with db/raw-sql.ts.
// The text reads alike on SQLite and PostgreSQL but for what `myWorkSql(postgres)` says: reading the
// owner in an entry's JSON payload, and SQLite's index hints.

/** A transition (alias `t`) nobody has verified or rejected: both lookups by unique index. */
export const UNDECIDED = (t: string) =>
  `NOT EXISTS (SELECT 1 FROM verifications v WHERE v.transition_id = ${t}.id)
   AND NOT EXISTS (SELECT 1 FROM transition_rejections rx WHERE rx.transition_id = ${t}.id)`;

const LEVEL = (column: string) => `CASE ${column} ${STATUSES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(" ")} END`;

/** The log entries that create or edit one item (aliases `pr`, `i`), through the audit_log_entity index. */
const ITEM_ENTRIES = (a: string) =>
  `${a}.program_slug = pr.slug AND ${a}.entity = 'item' AND ${a}.entity_id = i.key AND ${a}.action IN ('create', 'update')`;

/** The fragments of one dialect. */
export interface MyWorkSql {
  /**
   * The owner an entry (alias prefix `a`, e.g. "a." or "" for none) names; null when it names none
   * or its payload does not parse (a tampered entry: the chain check names it, the counts must not
   * fail on it). The expression of the audit_log_item_owner index, written the same way so that
   * the database uses it (PostgreSQL: tracker_json_owner, drizzle/pg/0000_init.sql).
   */
  OWNER_NAMED: (a: string) => string;
  /** When the item (aliases `pr`, `i`) last became @email's, as the log's ISO text; null when the log never says. */
  OWNED_SINCE: string;
  /** Whether it has been @email's since the item was created in the tracker (true, 1), or became theirs later. */
  OWNED_FROM_CREATION: string;
  /** An ISO instant (text) as ms since the epoch. */
  MS_OF: (iso: string) => string;
  OWNED_FROM: string;
  AWAITING_WHERE: string;
  OPEN_REJECTIONS: string;
}

function fragments(postgres: boolean): MyWorkSql {
  const OWNER_NAMED = (a: string) => (postgres ? `tracker_json_owner(${a}payload)` : `(CASE WHEN json_valid(${a}payload) THEN ${a}payload ->> '$.owner' END)`);
  // The JSON type of the entry's `owner` key: 'null' for an explicit null, null when the entry has
  // no such key or its payload does not parse (PostgreSQL: tracker_json_owner_type, drizzle/pg/0002).
  const OWNER_KEY_TYPE = (a: string) =>
    postgres ? `tracker_json_owner_type(${a}.payload)` : `(CASE WHEN json_valid(${a}.payload) THEN json_type(${a}.payload, '$.owner') END)`;
  // SQLite is told which index to use (it would otherwise read every entry naming the person);
  // PostgreSQL chooses audit_log_entity by itself.
  const BY_ENTITY = postgres ? "" : "INDEXED BY audit_log_entity";

  /**
   * When the item last became @email's: the first entry of the last run of log entries naming them
   * as owner (an edit that sends the owner it already has changes nothing, as in
   * lib/owner-timeline.ts). Null when the log never names them (an item older than its log). By
   * the item's own entries: the owner index would read every entry naming the person, for each item.
   */
  const OWNED_RUN = `${ITEM_ENTRIES("a")} AND ${OWNER_NAMED("a.")} = @email
     AND a.seq > coalesce((
       SELECT max(b.seq) FROM audit_log b ${BY_ENTITY}
        WHERE ${ITEM_ENTRIES("b")} AND ${OWNER_KEY_TYPE("b")} IS NOT NULL
          AND (${OWNER_KEY_TYPE("b")} = 'null' OR ${OWNER_NAMED("b.")} <> @email)), 0)`;
  const OWNED_SINCE = `(SELECT min(a.at) FROM audit_log a ${BY_ENTITY} WHERE ${OWNED_RUN})`;
  // Whether that first entry is the item's creation (an import's or an admin's): the log knows no earlier owner.
  const OWNED_FROM_CREATION = `(SELECT a.action FROM audit_log a ${BY_ENTITY} WHERE ${OWNED_RUN} ORDER BY a.seq LIMIT 1) = 'create'`;

  const MS_OF = (iso: string) => (postgres ? `round(extract(epoch FROM CAST(${iso} AS timestamptz)) * 1000)` : `round(unixepoch(${iso}, 'subsec') * 1000)`);

  /** Items @me owns now, across programs. */
  const OWNED_FROM = `FROM items i JOIN programs pr ON pr.id = i.program_id WHERE i.owner_id = @me`;

  /** Transitions (alias `t`) @me reported that nobody has decided on yet (the transitions_actor_recorded index). */
  const AWAITING_WHERE = `t.actor_id = @me AND ${UNDECIDED("t")}`;

  /**
   * Rejections of transitions @me reported (known by @now), as a table: each with the first later
   * report of the item at that status or past it (`againId`). A rejection stays listed while nobody
   * reported again (the reporter has to act) or while that report awaits a decision; once it is
   * decided it drops out: verified, the rejection is answered; rejected, that newer rejection is what
   * counts. The item page keeps the whole history.
   */
  const OPEN_REJECTIONS = `(
  SELECT x.* FROM (
    SELECT r.id AS "rejectionId", r.recorded_at AS "rejectionRecordedAt", r.rejected_at AS "rejectedAt", r.reason AS reason,
           r.rejecter_id AS "rejecterId", t.id AS "transitionId", t.item_id AS "itemId", t.to_status AS "toStatus",
           t.effective_at AS "effectiveAt", t.recorded_at AS "recordedAt",
           (SELECT a.id FROM transitions a
             WHERE a.item_id = t.item_id AND a.recorded_at > r.recorded_at AND a.recorded_at <= @now
               AND ${LEVEL("a.to_status")} >= ${LEVEL("t.to_status")}
             ORDER BY a.recorded_at, a.id LIMIT 1) AS "againId"
      FROM transitions t JOIN transition_rejections r ON r.transition_id = t.id
     WHERE t.actor_id = @me AND r.recorded_at <= @now
  ) x
  LEFT JOIN transitions again ON again.id = x."againId"
  WHERE x."againId" IS NULL OR (${UNDECIDED("again")}))`;

  return { OWNER_NAMED, OWNED_SINCE, OWNED_FROM_CREATION, MS_OF, OWNED_FROM, AWAITING_WHERE, OPEN_REJECTIONS };
}

const SQLITE = fragments(false);
const POSTGRES = fragments(true);

/** The fragments for SQLite (`postgres` false) or PostgreSQL. */
export function myWorkSql(postgres: boolean): MyWorkSql {
  return postgres ? POSTGRES : SQLITE;
}

/** The fragments for the database `db` is. */
export function myWorkSqlOn(db: Db): MyWorkSql {
  return myWorkSql(isPostgres(db));
}
