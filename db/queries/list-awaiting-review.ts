import { can } from "@/lib/auth/roles";
import { fourEyesToViewer } from "@/lib/four-eyes";
import { decidingChangesNothingToday, type Status } from "@/lib/status";
import { isPostgres, type Db } from "../index";
import { rawAll, rawGet } from "../raw-sql";
import type { Person } from "../schema";
import { loadOwnerTimeline } from "./load-owner-timeline";
import { statusesToday } from "./statuses-today";

/** A reported transition nobody has verified or rejected yet, as a reviewer's inbox shows it. */
export interface AwaitingReview {
  program: string;
  programName: string;
  transitionId: number;
  item: string;
  title: string;
  area: string;
  to: Status;
  effectiveAt: number;
  recordedAt: number;
  reporter: string;
  reporterEmail: string;
  /** `url` is "" for a file without a link; the file by name and digest, or nulls. */
  evidence: { kind: string; url: string; summary: string; artefactName: string | null; artefactSha256: string | null }[];
  /** Why this viewer may not decide on it (the four-eyes rule in words), or null when they may. */
  notYours: string | null;
  /** The item's true status today. */
  trueStatus: Status;
  /** The true status is already at or past `to`: a later verified report has overtaken this one, and deciding it moves nothing today. */
  overtaken: boolean;
}

export interface AwaitingReviewQuery {
  viewer: Person;
  program?: string;
  /** An area's name, in any case. */
  area?: string;
  /** One item of `program`: its reports awaiting a decision (the item page's review forms). */
  item?: string;
  /** At most this many (default 200), from `offset` on (default 0), oldest report first or, with `newestFirst`, newest. */
  limit?: number;
  offset?: number;
  newestFirst?: boolean;
  now?: number;
}

const PENDING = `
    FROM transitions t
    JOIN items i ON i.id = t.item_id
    JOIN programs pr ON pr.id = i.program_id
    JOIN people rep ON rep.id = t.actor_id
   WHERE NOT EXISTS (SELECT 1 FROM verifications v WHERE v.transition_id = t.id)
     AND NOT EXISTS (SELECT 1 FROM transition_rejections r WHERE r.transition_id = t.id)
     AND (CAST(@program AS text) IS NULL OR pr.slug = @program) AND (CAST(@area AS text) IS NULL OR lower(i.area) = lower(@area))
     AND (CAST(@item AS text) IS NULL OR i.key = @item)`;

type Row = Omit<AwaitingReview, "evidence" | "notYours" | "trueStatus" | "overtaken"> & { ownerEmail: string | null };

/**
 * Every reported transition no reviewer has acted on, oldest report first (or newest), a page of them, with its evidence, and
 * for each whether the viewer may decide on it — the same four-eyes rule the verify and reject
 * mutations enforce, so the inbox never offers a decision that would be refused.
 */
export async function listAwaitingReview(db: Db, { viewer, program, area, item, limit = 200, offset = 0, newestFirst = false, now = Date.now() }: AwaitingReviewQuery) {
  const filters = { program: program ?? null, area: area ?? null, item: item ?? null };
  const total = (await rawGet<{ n: number }>(db, `SELECT count(*) AS n ${PENDING}`, filters))!.n;
  const rows = await rawAll<Row>(
    db,
    `SELECT pr.slug AS program, pr.name AS "programName", t.id AS "transitionId", i.key AS item, i.title AS title, i.area AS area,
            t.to_status AS "to", t.effective_at AS "effectiveAt", t.recorded_at AS "recordedAt", rep.name AS reporter,
            rep.email AS "reporterEmail", (SELECT o.email FROM people o WHERE o.id = i.owner_id) AS "ownerEmail"
     ${PENDING}
     ORDER BY ${newestFirst ? "t.recorded_at DESC, t.id DESC" : "t.recorded_at, t.id"} LIMIT @limit OFFSET @offset`,
    { ...filters, limit, offset },
  );
  // The evidence of every listed transition in one statement (the ids as a JSON array), grouped here.
  const ids = isPostgres(db) ? "SELECT CAST(json_array_elements_text(CAST(? AS json)) AS integer)" : "SELECT value FROM json_each(?)";
  const evidence = await rawAll<AwaitingReview["evidence"][number] & { transitionId: number }>(
    db,
    `SELECT transition_id AS "transitionId", kind, url, summary, artefact_name AS "artefactName", artefact_sha256 AS "artefactSha256"
       FROM evidence WHERE transition_id IN (${ids}) ORDER BY transition_id, id`,
    JSON.stringify(rows.map((r) => r.transitionId)),
  );
  const evidenceOf = new Map<number, AwaitingReview["evidence"]>();
  for (const { transitionId, ...e } of evidence) evidenceOf.set(transitionId, [...(evidenceOf.get(transitionId) ?? []), e]);
  const owners = new Map<string, ReturnType<typeof loadOwnerTimeline>>();
  const statusOf = statusesToday(db, now);
  // A role that does not verify is stopped before four eyes: say that, once, for every row.
  const roleRefusal = can(viewer.role, "verify") ? null : `your role (${viewer.role}) does not verify: reviewers and admins do`;
  const items: AwaitingReview[] = await Promise.all(rows.map(async ({ ownerEmail, ...r }) => {
    const evidence = evidenceOf.get(r.transitionId) ?? [];
    const { trueStatus } = await statusOf(r.program, r.item);
    const today = { trueStatus, overtaken: decidingChangesNothingToday(trueStatus, r.to) };
    if (roleRefusal) return { ...r, evidence, ...today, notYours: roleRefusal };
    const key = `${r.program}\u0000${r.item}`;
    if (!owners.has(key)) owners.set(key, loadOwnerTimeline(db, r.program, r.item, ownerEmail));
    const notYours = fourEyesToViewer({
      item: r.item,
      verifier: viewer.email,
      actor: r.reporterEmail,
      recordedAt: r.recordedAt,
      verifiedAt: now,
      owners: await owners.get(key)!,
    });
    return { ...r, evidence, ...today, notYours };
  }));
  return { total, items, now };
}

/** The item's reports awaiting a decision that `viewer` may not take, each with the rule that stops them (the item page's review forms). */
export async function reportsNotYoursOnItem(db: Db, viewer: Person, slug: string, key: string, now = Date.now()): Promise<Map<number, string>> {
  const { items } = await listAwaitingReview(db, { viewer, program: slug, item: key, limit: 1000, now });
  return new Map(items.flatMap((r) => (r.notYours ? [[r.transitionId, r.notYours] as const] : [])));
}
