import { can } from "@/lib/auth/roles";
import { fourEyesViolation } from "@/lib/four-eyes";
import { isPostgres, type Db } from "../index";
import { rawGet } from "../raw-sql";
import type { Person } from "../schema";
import { loadOwnerTimeline } from "./load-owner-timeline";
import { myWorkSql, UNDECIDED } from "./my-work-sql";

/**
 * The undecided transitions, less those the person reported or that are on items they own now.
 * The undecided ones are counted as transitions minus verifications minus rejections (a transition
 * is decided at most once, and never both ways: unique indexes and triggers), which SQLite counts
 * without reading rows; the two exceptions go through the person's own transitions and items.
 * `touched`: the undecided transitions of other items whose log names the person as an owner or
 * as the one who changed the owner — only there can four eyes over time refuse them.
 */
function reviewableSql(postgres: boolean): string {
  const { OWNER_NAMED } = myWorkSql(postgres);
  // The touched transitions as JSON text: an array, '[]' when there are none.
  const touched = (fields: string) => (postgres ? `coalesce(json_agg(json_build_object(${fields}))::text, '[]')` : `json_group_array(json_object(${fields}))`);
  return `
  SELECT (SELECT count(*) FROM transitions) - (SELECT count(*) FROM verifications) - (SELECT count(*) FROM transition_rejections)
         - (SELECT count(*) FROM transitions t WHERE t.actor_id = @me AND ${UNDECIDED("t")})
         - (SELECT count(*) FROM items i JOIN transitions t ON t.item_id = i.id
             WHERE i.owner_id = @me AND t.actor_id <> @me AND ${UNDECIDED("t")}) AS candidates,
         (SELECT ${touched("'program', pr.slug, 'item', i.key, 'owner', o.email, 'reporter', rep.email, 'recordedAt', t.recorded_at")}
            FROM (SELECT program_slug, entity_id FROM audit_log WHERE entity = 'item' AND action = 'update' AND actor = @email
                  UNION
                  SELECT program_slug, entity_id FROM audit_log WHERE entity = 'item' AND ${OWNER_NAMED("")} = @email) x
            JOIN programs pr ON pr.slug = x.program_slug
            JOIN items i ON i.program_id = pr.id AND i.key = x.entity_id
            JOIN transitions t ON t.item_id = i.id
            JOIN people rep ON rep.id = t.actor_id
            LEFT JOIN people o ON o.id = i.owner_id
           WHERE (i.owner_id IS NULL OR i.owner_id <> @me) AND t.actor_id <> @me AND ${UNDECIDED("t")}) AS touched`;
}

/** The statement on SQLite (its plan is checked in tests/db/query-plans.test.ts). */
export const REVIEWABLE_SQL = reviewableSql(false);
const REVIEWABLE_PG = reviewableSql(true);

interface Touched {
  program: string;
  item: string;
  owner: string | null;
  reporter: string;
  recordedAt: number;
}

/**
 * How many transitions awaiting verification `person` may decide on now: the number the inbox
 * lists under "Yours to review" (same four-eyes function), for the header of every page. Null for
 * a role that does not verify.
 */
export async function countReviewable(db: Db, person: Person, now: number = Date.now()): Promise<number | null> {
  if (!can(person.role, "verify")) return null;
  const row = (await rawGet<{ candidates: number; touched: string }>(db, isPostgres(db) ? REVIEWABLE_PG : REVIEWABLE_SQL, { me: person.id, email: person.email }))!;
  const touched = JSON.parse(row.touched) as Touched[];
  const owners = new Map<string, Awaited<ReturnType<typeof loadOwnerTimeline>>>();
  let refused = 0;
  for (const t of touched) {
    const key = `${t.program}\u0000${t.item}`;
    if (!owners.has(key)) owners.set(key, await loadOwnerTimeline(db, t.program, t.item, t.owner));
    const violation = fourEyesViolation({ item: t.item, verifier: person.email, actor: t.reporter, recordedAt: t.recordedAt, verifiedAt: now, owners: owners.get(key)! });
    if (violation) refused++;
  }
  return row.candidates - refused;
}
