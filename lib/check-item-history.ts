import { compareEffectiveOrder, type EffectiveOrderKey } from "./fold-item-status";
import { describeMissingEvidence, missingEvidence, type EvidenceLike, type Gate } from "./gates";
import { levelOf, type Status } from "./status";

/** One transition of one item, as the gate rules need it. */
export interface GateTransition extends EffectiveOrderKey {
  to: Status;
  evidence: readonly EvidenceLike[];
  note: string;
}

export interface GateViolation {
  /** Position of the offending transition in the array given. */
  index: number;
  field: "evidence" | "note";
  message: string;
  /** For an evidence violation, the gates no evidence so far meets. */
  missing?: Gate[];
}

/**
 * DESIGN §3 over a whole item history, in effective order: a move down needs a note; any other
 * transition needs the evidence of every gate up to its level, counting evidence attached to
 * itself and to every earlier transition. The same check serves import and the API, so a
 * backfilled transition is judged with the history around it.
 */
export function checkItemHistory(transitions: readonly GateTransition[]): GateViolation[] {
  const ordered = transitions
    .map((transition, index) => ({ transition, index }))
    .sort((a, b) => compareEffectiveOrder(a.transition, b.transition));
  const pool: EvidenceLike[] = [];
  const violations: GateViolation[] = [];
  let previousLevel = 0;
  for (const { transition: t, index } of ordered) {
    pool.push(...t.evidence);
    const level = levelOf(t.to);
    if (level < previousLevel) {
      if (!t.note.trim())
        violations.push({ index, field: "note", message: `moving down to ${t.to} needs a note saying why` });
    } else {
      const missing = missingEvidence(t.to, pool);
      if (missing.length > 0) violations.push({ index, field: "evidence", message: describeMissingEvidence(t.to, missing), missing });
    }
    previousLevel = level;
  }
  return violations;
}
