import { asc, eq, inArray } from "drizzle-orm";
import { checkItemHistory } from "@/lib/check-item-history";
import { AppError } from "@/lib/errors";
import { toInstant, formatDateOrInstant } from "@/lib/time";
import { parseInput } from "@/lib/validations/parse-input";
import { transitionInputSchema } from "@/lib/validations/transition-input";
import type { Db } from "../index";
import { LogWriter } from "../append-log";
import { findProgramItem } from "../queries/find-program-item";
import { evidence, transitionRejections, transitions } from "../schema";
import type { WriteArgs } from "./write-args";

/**
 * Records a transition reported by `actor` (DESIGN §2–§3). `recordedAt` is the server's clock;
 * `effectiveAt` defaults to it and may not lie in the future. The item's whole history, with the
 * new transition in its effective place, must pass the gates — or nothing is written (422). The
 * evidence of a transition rejected before now does not count (lib/check-item-history.ts).
 * `input` is a `TransitionInput`.
 */
export interface RecordTransitionArgs extends WriteArgs {
  key: string;
}

export function recordTransition(db: Db, { slug, key, input, actor, now = Date.now() }: RecordTransitionArgs) {
  const body = parseInput(transitionInputSchema, input, "transition");
  const effectiveAt = body.effectiveAt ? toInstant(body.effectiveAt) : now;
  if (effectiveAt > now)
    throw new AppError("invalid", "invalid transition", [{ path: "effectiveAt", message: "must not be in the future" }]);
  return db.transaction((tx) => {
    const { program, item } = findProgramItem(tx, slug, key);
    const existing = tx.select().from(transitions).where(eq(transitions.itemId, item.id)).orderBy(asc(transitions.id)).all();
    const ids = existing.map((t) => t.id);
    const pool = ids.length ? tx.select().from(evidence).where(inArray(evidence.transitionId, ids)).all() : [];
    const rejectedAt = new Map(
      ids.length
        ? tx.select().from(transitionRejections).where(inArray(transitionRejections.transitionId, ids)).all().map((r) => [r.transitionId, r.recordedAt])
        : [],
    );
    const entries = existing.map((t) => ({
      to: t.toStatus,
      effectiveAt: t.effectiveAt,
      recordedAt: t.recordedAt,
      recordingOrder: t.id,
      note: t.note,
      evidence: pool.filter((e) => e.transitionId === t.id),
      rejectionRecordedAt: rejectedAt.get(t.id) ?? null,
    }));
    const candidate = {
      to: body.to,
      effectiveAt,
      recordedAt: now,
      recordingOrder: Number.MAX_SAFE_INTEGER,
      note: body.note,
      evidence: body.evidence.map((e) => ({ ...e, fleetPercent: e.fleetPercent ?? null })),
    };
    const violations = checkItemHistory([...entries, candidate]);
    if (violations.length > 0) {
      const own = violations.filter((v) => v.index === entries.length);
      throw new AppError(
        "rule",
        own[0]?.message ?? `this transition would break the history of ${key}: ${violations[0]!.message}`,
        violations.map((v) => ({ path: v.index === entries.length ? v.field : `history[${v.index}].${v.field}`, message: v.message })),
      );
    }
    const row = tx
      .insert(transitions)
      .values({ itemId: item.id, toStatus: body.to, effectiveAt, recordedAt: now, actorId: actor.id, note: body.note })
      .returning()
      .get();
    if (candidate.evidence.length > 0)
      tx.insert(evidence).values(candidate.evidence.map((e) => ({ transitionId: row.id, ...e }))).run();
    new LogWriter(tx, new Date(now)).append({
      actor: actor.email,
      action: "create",
      entity: "transition",
      entityId: String(row.id),
      programSlug: program.slug,
      payload: {
        item: key,
        to: body.to,
        effectiveAt: formatDateOrInstant(effectiveAt),
        recordedAt: formatDateOrInstant(now),
        by: actor.email,
        note: body.note,
        evidence: candidate.evidence,
      },
    });
    return {
      id: row.id,
      item: key,
      to: row.toStatus,
      effectiveAt: formatDateOrInstant(row.effectiveAt),
      recordedAt: formatDateOrInstant(row.recordedAt),
      by: actor.email,
      note: row.note,
      evidence: candidate.evidence,
      verified: false,
    };
  });
}
