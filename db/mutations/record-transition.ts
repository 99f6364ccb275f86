import { transact } from "../transact";
import { asc, eq, inArray } from "drizzle-orm";
import { artefactRef, readEvidenceUpload } from "@/lib/artefacts/evidence-upload";
import { checkItemHistory } from "@/lib/check-item-history";
import { AppError } from "@/lib/errors";
import { toInstant, formatDateOrInstant } from "@/lib/time";
import { parseInput } from "@/lib/validations/parse-input";
import { transitionInputSchema } from "@/lib/validations/transition-input";
import type { Db } from "../index";
import { appendToLog } from "../append-log";
import { findProgramItem } from "../queries/find-program-item";
import { artefacts, evidence, transitionRejections, transitions } from "../schema";
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

export async function recordTransition(db: Db, { slug, key, input, actor, now = Date.now() }: RecordTransitionArgs) {
  const body = parseInput(transitionInputSchema, input, "transition");
  const effectiveAt = body.effectiveAt ? toInstant(body.effectiveAt) : now;
  if (effectiveAt > now)
    throw new AppError("invalid", "invalid transition", [{ path: "effectiveAt", message: "must not be in the future" }]);
  // Files are decoded and size-checked before anything is written: a refusal leaves no trace.
  const files = body.evidence.map((e, i) => (e.artefact ? readEvidenceUpload(e.artefact, `evidence.${i}.artefact`) : null));
  // What is stored, logged and answered: the file by name, digest and size, never its bytes.
  const recorded = body.evidence.map(({ artefact: _upload, ...e }, i) => {
    const file = files[i];
    return { ...e, fleetPercent: e.fleetPercent ?? null, ...(file ? { artefact: artefactRef(file) } : {}) };
  });
  return await transact(db, async (tx) => {
    const { program, item } = await findProgramItem(tx, slug, key);
    const existing = await tx.select().from(transitions).where(eq(transitions.itemId, item.id)).orderBy(asc(transitions.id));
    const ids = existing.map((t) => t.id);
    const pool = ids.length ? await tx.select().from(evidence).where(inArray(evidence.transitionId, ids)) : [];
    const rejectedAt = new Map(
      ids.length
        ? (await tx.select().from(transitionRejections).where(inArray(transitionRejections.transitionId, ids))).map((r) => [r.transitionId, r.recordedAt])
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
      evidence: recorded,
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
    const row = (await tx
      .insert(transitions)
      .values({ itemId: item.id, toStatus: body.to, effectiveAt, recordedAt: now, actorId: actor.id, note: body.note })
      .returning())[0];
    for (const f of files) if (f) await tx.insert(artefacts).values({ sha256: f.sha256, bytes: f.bytes, size: f.size }).onConflictDoNothing();
    if (recorded.length > 0)
      await tx.insert(evidence)
        .values(
          recorded.map(({ artefact, ...e }) => ({ transitionId: row.id, ...e, artefactSha256: artefact?.sha256 ?? null, artefactName: artefact?.name ?? null })),
        );
    await appendToLog(tx, {
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
        evidence: recorded,
      },
    }, new Date(now));
    return {
      id: row.id,
      item: key,
      to: row.toStatus,
      effectiveAt: formatDateOrInstant(row.effectiveAt),
      recordedAt: formatDateOrInstant(row.recordedAt),
      by: actor.email,
      note: row.note,
      evidence: recorded,
      verified: false,
    };
  });
}
