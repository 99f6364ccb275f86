import { compareEffectiveOrder, type EffectiveOrderKey } from "./fold-item-status";
import { describeMissingEvidence, GATES, gatesUpTo, gateWords, missingEvidence, type EvidenceLike, type Gate } from "./gates";
import { statusLabel } from "./labels";
import { levelOf, type Status } from "./status";

/** One transition of one item, as the gate rules need it. */
export interface GateTransition extends EffectiveOrderKey {
  to: Status;
  evidence: readonly EvidenceLike[];
  note: string;
  /** When its rejection was recorded (DESIGN §13); null or absent when it has none. */
  rejectionRecordedAt?: number | null;
}

export interface GateViolation {
  /** Position of the offending transition in the array given. */
  index: number;
  field: "evidence" | "note";
  /** In the API's words (evidence kinds, field names). */
  message: string;
  /** The same for the person at a form, in words. */
  words: string;
  /** For an evidence violation, the gates no evidence so far meets. */
  missing?: Gate[];
}

/**
 * DESIGN §3 over a whole item history, in effective order: a move down needs a note; any other
 * transition needs the evidence of every gate up to its level, counting evidence attached to
 * itself and to every earlier transition. The same check serves import and the API, so a
 * backfilled transition is judged with the history around it.
 *
 * Evidence attached to a rejected transition stops counting for the transitions recorded after the
 * rejection: the reviewer judged it insufficient, so a transition reported again needs new
 * evidence. Transitions recorded by then (the rejected one too) were judged with what was known.
 */
export function checkItemHistory(transitions: readonly GateTransition[]): GateViolation[] {
  const ordered = transitions
    .map((transition, index) => ({ transition, index }))
    .sort((a, b) => compareEffectiveOrder(a.transition, b.transition));
  const pool: EvidenceLike[] = [];
  // The gates the pool meets, kept as evidence joins it (it only grows): a long history asked the
  // whole pool again for each of its transitions.
  const poolMeets = new Set<Gate>();
  const rejected: { evidence: EvidenceLike; rejectedAt: number }[] = [];
  const violations: GateViolation[] = [];
  let previousLevel = 0;
  for (const { transition: t, index } of ordered) {
    const rejectedAt = t.rejectionRecordedAt ?? null;
    if (rejectedAt === null) {
      for (const e of t.evidence) {
        pool.push(e);
        for (const g of GATES) if (g.isMetBy(e)) poolMeets.add(g);
      }
    } else rejected.push(...t.evidence.map((evidence) => ({ evidence, rejectedAt })));
    const level = levelOf(t.to);
    if (level < previousLevel) {
      if (!t.note.trim())
        violations.push({ index, field: "note", message: `moving down to ${t.to} needs a note saying why`, words: `Moving down to ${statusLabel(t.to)} needs a note saying why.` });
    } else if (rejected.length === 0) {
      const missing = gatesUpTo(t.to).filter((g) => !poolMeets.has(g));
      if (missing.length > 0) violations.push(evidenceViolation(index, t.to, missing, ""));
    } else {
      const stillCounted = rejected.filter((r) => r.rejectedAt >= t.recordedAt).map((r) => r.evidence);
      const missing = missingEvidence(t.to, [...pool, ...stillCounted]);
      if (missing.length > 0) {
        const rejectedWouldDo = stillCounted.length < rejected.length && missingEvidence(t.to, [...pool, ...rejected.map((r) => r.evidence)]).length < missing.length;
        violations.push(evidenceViolation(index, t.to, missing, rejectedWouldDo ? " (evidence on a rejected transition no longer counts: attach new evidence)" : ""));
      }
    }
    previousLevel = level;
  }
  return violations;
}

function evidenceViolation(index: number, to: Status, missing: Gate[], hint: string): GateViolation {
  const words = `The item's evidence lacks what ${statusLabel(to)} needs: ${missing.map(gateWords).join(", ")}.${hint ? " Evidence on a rejected transition no longer counts: attach new evidence." : ""}`;
  return { index, field: "evidence", message: describeMissingEvidence(to, missing) + hint, words, missing };
}
