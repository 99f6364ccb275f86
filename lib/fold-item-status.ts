import { levelOf, statusAt, type Status } from "./status";

/**
 * What puts transitions in effective order: times in ms UTC, and `recordingOrder`, the order the
 * tracker recorded them in (a stored transition's id, an imported one's position in its bundle).
 */
export interface EffectiveOrderKey {
  effectiveAt: number;
  recordedAt: number;
  recordingOrder: number;
}

/** One transition as the fold needs it. */
export interface FoldTransition extends EffectiveOrderKey {
  to: Status;
  /** `recordedAt` of the transition's verification, null when it has none. */
  verificationRecordedAt: number | null;
  /** `recordedAt` of the transition's rejection (DESIGN §13), null or absent when it has none. */
  rejectionRecordedAt?: number | null;
}

export interface ItemStatus {
  reportedStatus: Status;
  trueStatus: Status;
  reportedLevel: number;
  trueLevel: number;
  /** effectiveAt of the transition that last raised or lowered the true status (null if never moved). */
  trueSince: number | null;
  /** effectiveAt of every move of the true status up to done: the completions, for throughput. */
  doneEvents: number[];
}

const DONE_LEVEL = levelOf("done");

function isSorted(list: readonly FoldTransition[]): boolean {
  for (let i = 1; i < list.length; i++) if (compareEffectiveOrder(list[i - 1]!, list[i]!) > 0) return false;
  return true;
}

/** DESIGN §4: effective order is effectiveAt, then recordedAt, then recording order. */
export function compareEffectiveOrder(a: EffectiveOrderKey, b: EffectiveOrderKey): number {
  return a.effectiveAt - b.effectiveAt || a.recordedAt - b.recordedAt || a.recordingOrder - b.recordingOrder;
}

/** DESIGN §4: a transition counts at (asOf, knownAt) when it was recorded and in effect by then. */
export function isVisible(t: { effectiveAt: number; recordedAt: number }, asOf: number, knownAt: number): boolean {
  return t.recordedAt <= knownAt && t.effectiveAt <= asOf;
}

/** The transitions visible at (asOf, knownAt), in effective order: a new array. */
export function visibleTransitions<T extends FoldTransition>(transitions: readonly T[], asOf: number, knownAt: number): T[] {
  const visible = transitions.filter((t) => isVisible(t, asOf, knownAt));
  if (!isSorted(visible)) visible.sort(compareEffectiveOrder); // loaders hand them over sorted
  return visible;
}

/**
 * DESIGN §4 and §13: a transition may raise the true status at `knownAt` when its verification is
 * recorded by then and is the first decision on it — a rejection recorded first (or at the same
 * moment) voids it, whatever is recorded later. A rejection never stops a move down: bad news
 * needs no review, and undoing it would raise the true status on a reviewer's word.
 */
export function countsAsVerified(t: Pick<FoldTransition, "verificationRecordedAt" | "rejectionRecordedAt">, knownAt: number): boolean {
  const v = t.verificationRecordedAt;
  if (v === null || v > knownAt) return false;
  const r = t.rejectionRecordedAt ?? null;
  return r === null || r > v;
}

/**
 * Reported and true status of one item at `asOf` as the tracker knew it at `knownAt` (DESIGN §4).
 * Bad news lowers the true status at once; good news raises it only once verified (and the
 * verification is visible at `knownAt`), never when rejected. A rejected transition still counts
 * as reported: it is what was reported.
 */
export function foldItemStatus(transitions: readonly FoldTransition[], asOf: number, knownAt: number): ItemStatus {
  const visible = visibleTransitions(transitions, asOf, knownAt);
  let trueLevel = 0;
  let trueSince: number | null = null;
  const doneEvents: number[] = [];
  for (const t of visible) {
    const level = levelOf(t.to);
    if (level < trueLevel || (level > trueLevel && countsAsVerified(t, knownAt))) {
      if (level === DONE_LEVEL) doneEvents.push(t.effectiveAt);
      trueLevel = level;
      trueSince = t.effectiveAt;
    }
  }
  const last = visible[visible.length - 1];
  const reportedLevel = last ? levelOf(last.to) : 0;
  return {
    reportedStatus: statusAt(reportedLevel),
    trueStatus: statusAt(trueLevel),
    reportedLevel,
    trueLevel,
    trueSince,
    doneEvents,
  };
}
