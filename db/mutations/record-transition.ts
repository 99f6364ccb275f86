import { transact } from "../transact";
import { asc, eq, inArray, sql, type Placeholder } from "drizzle-orm";
import { artefactRef, readEvidenceUpload } from "@/lib/artefacts/evidence-upload";
import { checkItemHistory } from "@/lib/check-item-history";
import { AppError } from "@/lib/errors";
import { toInstant, formatDateOrInstant } from "@/lib/time";
import { parseInput } from "@/lib/validations/parse-input";
import { transitionInputSchema } from "@/lib/validations/transition-input";
import type { Db } from "../index";
import { appendToLog } from "../append-log";
import { preparedOnce } from "../prepared-statement";
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
    const history = itemHistory(tx);
    const existing = await history.transitions.execute({ itemId: item.id });
    const pool = existing.length ? await history.evidence.execute({ itemId: item.id }) : [];
    const rejectedAt = new Map(existing.length ? (await history.rejections.execute({ itemId: item.id })).map((r) => [r.transitionId, r.recordedAt]) : []);
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
      const refused = new AppError(
        "rule",
        own[0]?.message ?? `this transition would break the history of ${key}: ${violations[0]!.message}`,
        violations.map((v) => ({ path: v.index === entries.length ? v.field : `history[${v.index}].${v.field}`, message: v.message })),
      );
      refused.words = own[0]?.words ?? `This transition would break the history of ${key}: ${violations[0]!.words}`;
      throw refused;
    }
    const row = (await insertTransition(tx).execute({ itemId: item.id, toStatus: body.to, effectiveAt, recordedAt: now, actorId: actor.id, note: body.note }))[0]!;
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

// An item's history as the gates read it, and the new transition's row: every report runs these,
// so they are built and prepared once.
const itemHistory = preparedOnce((db: Db) => {
  const q = itemHistoryQueries(db, sql.placeholder("itemId"));
  return { transitions: q.transitions.prepare(), evidence: q.evidence.prepare(), rejections: q.rejections.prepare() };
});

/** An item's transitions in recording order, their evidence and their rejections: by index (tests/db/query-plans.test.ts). */
export function itemHistoryQueries(db: Db, itemId: number | Placeholder) {
  const ofItem = db.select({ id: transitions.id }).from(transitions).where(eq(transitions.itemId, itemId));
  return {
    transitions: db.select().from(transitions).where(eq(transitions.itemId, itemId)).orderBy(asc(transitions.id)),
    evidence: db.select().from(evidence).where(inArray(evidence.transitionId, ofItem)),
    rejections: db.select().from(transitionRejections).where(inArray(transitionRejections.transitionId, ofItem)),
  };
}

const insertTransition = preparedOnce((db: Db) =>
  db
    .insert(transitions)
    .values({
      itemId: sql.placeholder("itemId"),
      toStatus: sql.placeholder("toStatus"),
      effectiveAt: sql.placeholder("effectiveAt"),
      recordedAt: sql.placeholder("recordedAt"),
      actorId: sql.placeholder("actorId"),
      note: sql.placeholder("note"),
    })
    .returning()
    .prepare(),
);
