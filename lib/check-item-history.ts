import { compareEffectiveOrder, type EffectiveOrderKey } from "./fold-item-status";
import { describeMissingEvidence, missingEvidence, type EvidenceLike } from "./gates";
import { levelOf, type Status } from "./status";

/** One transition of one item, as the gate rules need it. */
export interface HistoryEntry extends EffectiveOrderKey {
  to: Status;
  evidence: readonly EvidenceLike[];
  note: string;
}

export interface HistoryViolation {
  /** Position of the offending entry in the array given. */
  index: number;
  field: "evidence" | "note";
  message: string;
}

/**
 * DESIGN §3 over a whole item history, in effective order: a move down needs a note; any other
 * transition needs the evidence of every gate up to its level, counting evidence attached to
 * itself and to every earlier transition. The same check serves import and the API, so a
 * backfilled transition is judged with the history around it.
 */
export function checkItemHistory(entries: readonly HistoryEntry[]): HistoryViolation[] {
  const ordered = entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => compareEffectiveOrder(a.entry, b.entry));
  const pool: EvidenceLike[] = [];
  const violations: HistoryViolation[] = [];
  let previousLevel = 0;
  for (const { entry, index } of ordered) {
    pool.push(...entry.evidence);
    const level = levelOf(entry.to);
    if (level < previousLevel) {
      if (!entry.note.trim())
        violations.push({ index, field: "note", message: `moving down to ${entry.to} needs a note saying why` });
    } else {
      const missing = missingEvidence(entry.to, pool);
      if (missing.length > 0) violations.push({ index, field: "evidence", message: describeMissingEvidence(entry.to, missing) });
    }
    previousLevel = level;
  }
  return violations;
}
