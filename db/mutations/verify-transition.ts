import { and, eq } from "drizzle-orm";
import { fourEyesViolation } from "@/lib/four-eyes";
import { AppError } from "@/lib/errors";
import { formatDateOrInstant } from "@/lib/time";
import { parseInput } from "@/lib/validations/parse-input";
import { verificationInputSchema } from "@/lib/validations/transition-input";
import type { Db } from "../index";
import { LogWriter } from "../append-log";
import { loadOwnerTimeline } from "../queries/load-owner-timeline";
import { items, people, programs, transitions, verifications, type Person } from "../schema";

/**
 * A second person confirms a transition's evidence (DESIGN §2). Four eyes over time (§13): not its
 * reporter, nor anyone who owned the item or changed its owner since the transition was recorded.
 * Once per transition. The API route and the item page's server action both come through here.
 */
export interface VerifyTransitionArgs {
  slug: string;
  transitionId: number;
  /** `{ note? }` or nothing, parsed here. */
  input: unknown;
  actor: Person;
  now?: number;
}

export function verifyTransition(db: Db, { slug, transitionId, input, actor, now = Date.now() }: VerifyTransitionArgs) {
  const body = parseInput(verificationInputSchema, input ?? {}, "verification");
  return db.transaction((tx) => {
    const row = tx
      .select({ t: transitions, itemKey: items.key, ownerId: items.ownerId, actorEmail: people.email, programSlug: programs.slug })
      .from(transitions)
      .innerJoin(items, eq(transitions.itemId, items.id))
      .innerJoin(programs, eq(items.programId, programs.id))
      .innerJoin(people, eq(transitions.actorId, people.id))
      .where(and(eq(transitions.id, transitionId), eq(programs.slug, slug)))
      .get();
    if (!row) throw new AppError("not_found", `no transition #${transitionId} in program "${slug}"`);
    const owner = row.ownerId === null ? null : tx.select().from(people).where(eq(people.id, row.ownerId)).get()?.email ?? null;
    const violation = fourEyesViolation({
      item: row.itemKey,
      verifier: actor.email,
      actor: row.actorEmail,
      recordedAt: row.t.recordedAt,
      verifiedAt: now,
      owners: loadOwnerTimeline(tx, row.programSlug, row.itemKey, owner),
    });
    if (violation) throw new AppError("rule", violation, [{ path: "verifiedBy", message: violation }]);
    const already = tx.select().from(verifications).where(eq(verifications.transitionId, transitionId)).get();
    if (already) throw new AppError("conflict", `transition #${transitionId} is already verified`);
    const inserted = tx
      .insert(verifications)
      .values({ transitionId, verifierId: actor.id, verifiedAt: now, recordedAt: now, note: body.note })
      .returning()
      .get();
    new LogWriter(tx, new Date(now)).append({
      actor: actor.email,
      action: "verify",
      entity: "transition",
      entityId: String(transitionId),
      programSlug: row.programSlug,
      payload: { verifiedBy: actor.email, verifiedAt: formatDateOrInstant(now), note: body.note },
    });
    return {
      id: inserted.id,
      transition: transitionId,
      item: row.itemKey,
      to: row.t.toStatus,
      verifiedBy: actor.email,
      verifiedAt: formatDateOrInstant(now),
      note: body.note,
    };
  });
}
