import { checkItemHistory, type GateTransition } from "./check-item-history";
import { compareEffectiveOrder } from "./fold-item-status";
import { gatesUpTo, type EvidenceLike, type Gate } from "./gates";
import { levelOf, type Status } from "./status";

/** A transition already on record for the item, as its page knows it (times in ms UTC). */
export interface RecordedTransition {
  id: number;
  to: Status;
  effectiveAt: number;
  recordedAt: number;
  note: string;
  evidence: readonly EvidenceLike[];
}

/** What the form holds: `effectiveAt` null means now. Evidence rows without a URL are left out by the caller. */
export interface TransitionDraft {
  to: Status;
  effectiveAt: number | null;
  note: string;
  evidence: readonly EvidenceLike[];
}

export interface TransitionPreview {
  /** The status the draft follows in effective order (`not_started` when none). */
  from: Status;
  down: boolean;
  /** Every gate entering `to` passes (none for a move down). */
  needs: Gate[];
  /** Of those, the gates earlier transitions already meet. */
  onRecord: Gate[];
  /** Of those, the gates neither earlier transitions nor the draft meet. */
  missing: Gate[];
  /** A move down without a note. */
  noteMissing: boolean;
}

// Later than anything on record: a draft without a date is "now", recorded last.
const LAST = Number.MAX_SAFE_INTEGER;

/**
 * What the server's gate check (checkItemHistory) would say of the draft, placed in the item's
 * history, before anything is sent: the form's preview, judged by the same function.
 */
export function previewTransition(history: readonly RecordedTransition[], draft: TransitionDraft): TransitionPreview {
  const entries: GateTransition[] = history.map((t) => ({ ...t, recordingOrder: t.id }));
  const candidate: GateTransition = { ...draft, effectiveAt: draft.effectiveAt ?? LAST, recordedAt: LAST, recordingOrder: LAST };
  const own = (evidence: readonly EvidenceLike[]) =>
    checkItemHistory([...entries, { ...candidate, evidence }]).filter((v) => v.index === entries.length);
  const withDraft = own(draft.evidence);
  const before = entries.filter((t) => compareEffectiveOrder(t, candidate) < 0).sort(compareEffectiveOrder);
  const from = before.at(-1)?.to ?? "not_started";
  const down = levelOf(draft.to) < levelOf(from);
  const needs = down ? [] : gatesUpTo(draft.to);
  const unmetOnRecord = own([]).find((v) => v.field === "evidence")?.missing ?? [];
  return {
    from,
    down,
    needs,
    onRecord: needs.filter((g) => !unmetOnRecord.includes(g)),
    missing: withDraft.find((v) => v.field === "evidence")?.missing ?? [],
    noteMissing: withDraft.some((v) => v.field === "note"),
  };
}
