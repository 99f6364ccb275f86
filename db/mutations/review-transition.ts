import { transact } from "../transact";
import { firstRow } from "../first-row";
import { and, eq } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { AppError } from "@/lib/errors";
import { fourEyesViolation } from "@/lib/four-eyes";
import { formatDateOrInstant } from "@/lib/time";
import type { Db, Tx } from "../index";
import { appendToLog } from "../append-log";
import { loadOwnerTimeline } from "../queries/load-owner-timeline";
import { items, people, programs, transitionRejections, transitions, verifications, type Person, type Transition } from "../schema";

export type Decision = "verify" | "reject";

export interface ReviewArgs {
  slug: string;
  transitionId: number;
  /** When given (the reject route names the item), the transition must belong to that item. */
  key?: string;
  actor: Person;
  now: number;
  decision: Decision;
}

/** A transition a reviewer may decide on: the checks passed, nothing written yet. */
export interface ReviewTarget {
  transition: Transition;
  itemKey: string;
  programSlug: string;
}

/**
 * What verifying and rejecting share (DESIGN §2, §13), so the rule is written once: the transition
 * exists in the program (404), the reviewer passes four eyes over time (422, the field named after
 * the decision), and nobody decided on it yet — the first decision recorded stands (409).
 */
async function checkReviewable(tx: Tx, { slug, transitionId, key, actor, now, decision }: ReviewArgs): Promise<ReviewTarget> {
  const row = await firstRow(tx
    .select({ t: transitions, itemKey: items.key, ownerId: items.ownerId, actorEmail: people.email, programSlug: programs.slug })
    .from(transitions)
    .innerJoin(items, eq(transitions.itemId, items.id))
    .innerJoin(programs, eq(items.programId, programs.id))
    .innerJoin(people, eq(transitions.actorId, people.id))
    .where(and(eq(transitions.id, transitionId), eq(programs.slug, slug), ...(key === undefined ? [] : [eq(items.key, key)])))
    );
  if (!row) throw new AppError("not_found", `no transition #${transitionId} ${key === undefined ? "" : `of item "${key}" `}in program "${slug}"`);
  const owner = row.ownerId === null ? null : ((await firstRow(tx.select().from(people).where(eq(people.id, row.ownerId))))?.email ?? null);
  const violation = fourEyesViolation({
    item: row.itemKey,
    verifier: actor.email,
    decision,
    actor: row.actorEmail,
    recordedAt: row.t.recordedAt,
    verifiedAt: now,
    owners: await loadOwnerTimeline(tx, row.programSlug, row.itemKey, owner),
  });
  if (violation) throw new AppError("rule", violation, [{ path: decision === "verify" ? "verifiedBy" : "rejectedBy", message: violation }]);
  await refuseSecondDecision(tx, transitionId, decision);
  return { transition: row.t, itemKey: row.itemKey, programSlug: row.programSlug };
}

async function refuseSecondDecision(tx: Tx, transitionId: number, decision: Decision): Promise<void> {
  const verified = await firstDecision(tx, transitionId, verifications.transitionId, verifications.verifierId, verifications.verifiedAt);
  if (verified)
    throw new AppError(
      "conflict",
      decision === "verify"
        ? `transition #${transitionId} is already verified`
        : `transition #${transitionId} is already verified (${verified}): a verified transition cannot be rejected`,
    );
  const rejected = await firstDecision(tx, transitionId, transitionRejections.transitionId, transitionRejections.rejecterId, transitionRejections.rejectedAt);
  if (rejected)
    throw new AppError(
      "conflict",
      decision === "reject"
        ? `transition #${transitionId} is already rejected (${rejected})`
        : `transition #${transitionId} was rejected (${rejected}): a rejected transition cannot be verified; report it again with new evidence`,
    );
}

/** "by NAME on DATE" for the decision recorded in a decisions table, or null when there is none. */
async function firstDecision(tx: Tx, transitionId: number, ofTransition: SQLiteColumn, byPerson: SQLiteColumn, at: SQLiteColumn): Promise<string | null> {
  const row = await firstRow(tx
    .select({ at, by: people.name })
    .from(at.table)
    .innerJoin(people, eq(byPerson, people.id))
    .where(eq(ofTransition, transitionId))
    );
  return row ? `by ${row.by} on ${formatDateOrInstant(row.at as number)}` : null;
}

/**
 * Records a decision in one transaction: the checks, then the decision's row (`insert` gives its
 * id), then the log entry, whose payload is exactly the decision's own fields (who, when, the note
 * or reason). Answers what the API and the page show.
 */
export async function recordDecision<F extends Record<string, unknown>>(db: Db, review: ReviewArgs, fields: F, insert: (tx: Tx) => Promise<number>) {
  const { decision, actor, now } = review;
  return await transact(db, async (tx) => {
    const target = await checkReviewable(tx, review);
    const id = await insert(tx);
    const transitionId = target.transition.id;
    await appendToLog(tx, {
      actor: actor.email,
      action: decision,
      entity: "transition",
      entityId: String(transitionId),
      programSlug: target.programSlug,
      payload: fields,
    }, new Date(now));
    return { id, transition: transitionId, item: target.itemKey, to: target.transition.toStatus, ...fields };
  });
}
