import { can } from "@/lib/auth/roles";
import { fourEyesViolation } from "@/lib/four-eyes";
import type { Status } from "@/lib/status";
import type { Db } from "../index";
import type { Person } from "../schema";
import { loadOwnerTimeline } from "./load-owner-timeline";

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
}

export interface AwaitingReviewQuery {
  viewer: Person;
  program?: string;
  area?: string;
  /** At most this many, oldest first (default 200). */
  limit?: number;
  now?: number;
}

const PENDING = `
    FROM transitions t
    JOIN items i ON i.id = t.item_id
    JOIN programs pr ON pr.id = i.program_id
    JOIN people rep ON rep.id = t.actor_id
   WHERE NOT EXISTS (SELECT 1 FROM verifications v WHERE v.transition_id = t.id)
     AND NOT EXISTS (SELECT 1 FROM transition_rejections r WHERE r.transition_id = t.id)
     AND (? IS NULL OR pr.slug = ?) AND (? IS NULL OR i.area = ?)`;

type Row = Omit<AwaitingReview, "evidence" | "notYours"> & { ownerEmail: string | null };

/**
 * Every reported transition no reviewer has acted on, oldest report first, with its evidence, and
 * for each whether the viewer may decide on it — the same four-eyes rule the verify and reject
 * mutations enforce, so the inbox never offers a decision that would be refused.
 */
export async function listAwaitingReview(db: Db, { viewer, program, area, limit = 200, now = Date.now() }: AwaitingReviewQuery) {
  const filters = [program ?? null, program ?? null, area ?? null, area ?? null];
  const sqlite = db.$client;
  const total = (sqlite.prepare(`SELECT count(*) AS n ${PENDING}`).get(...filters) as { n: number }).n;
  const rows = sqlite
    .prepare(
      `SELECT pr.slug AS program, pr.name AS programName, t.id AS transitionId, i.key AS item, i.title AS title, i.area AS area,
              t.to_status AS "to", t.effective_at AS effectiveAt, t.recorded_at AS recordedAt, rep.name AS reporter,
              rep.email AS reporterEmail, (SELECT o.email FROM people o WHERE o.id = i.owner_id) AS ownerEmail
       ${PENDING}
       ORDER BY t.recorded_at, t.id LIMIT ?`,
    )
    .all(...filters, limit) as Row[];
  const evidenceOf = sqlite.prepare("SELECT kind, url, summary, artefact_name AS artefactName, artefact_sha256 AS artefactSha256 FROM evidence WHERE transition_id = ? ORDER BY id");
  const owners = new Map<string, Awaited<ReturnType<typeof loadOwnerTimeline>>>();
  // A role that does not verify is stopped before four eyes: say that, once, for every row.
  const roleRefusal = can(viewer.role, "verify") ? null : `your role (${viewer.role}) does not verify: reviewers and admins do`;
  const items: AwaitingReview[] = await Promise.all(rows.map(async ({ ownerEmail, ...r }) => {
    const evidence = evidenceOf.all(r.transitionId) as AwaitingReview["evidence"];
    if (roleRefusal) return { ...r, evidence, notYours: roleRefusal };
    const key = `${r.program}\u0000${r.item}`;
    if (!owners.has(key)) owners.set(key, await loadOwnerTimeline(db, r.program, r.item, ownerEmail));
    const notYours = fourEyesViolation({
      item: r.item,
      verifier: viewer.email,
      actor: r.reporterEmail,
      recordedAt: r.recordedAt,
      verifiedAt: now,
      owners: owners.get(key)!,
    });
    return { ...r, evidence, notYours };
  }));
  return { total, items, now };
}
