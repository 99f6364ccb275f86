import { computeItemStatuses, type ItemWithStatus } from "./compute-item-statuses";
import { toListedItems, type ListedItem } from "./items/item-query";
import type { ItemWithTransitions } from "./item-with-transitions";
import { qualityBreaches, type QualityBreach, type SignalPoint, type Thresholds } from "./readiness/quality";
import { sameList } from "./same-list";

/** What a program's answers at (asOf, knownAt) are computed from. */
export interface SnapshotInput {
  slug: string;
  items: readonly ItemWithTransitions[];
  signals: readonly SignalPoint[];
  thresholds: Thresholds;
  asOf: number;
  knownAt: number;
}

/**
 * A program at (asOf, knownAt): its history folded once. Readiness, the dashboard, the items list,
 * claims, item detail and the weekly report are pure functions of it.
 */
export interface Snapshot extends SnapshotInput {
  /** Every item's status, those identified after asOf included, in the order of `items`. */
  statuses: readonly ItemWithStatus[];
  /** The items in the program at asOf, blocked and inflated marked. */
  listed: readonly ListedItem[];
  /** DESIGN §5 breaches of the listed items, on their latest signals by asOf. */
  breaches: QualityBreach[];
}

/**
 * Folds the history for (asOf, knownAt). Given the snapshot of an earlier version of the same
 * program at the same (asOf, knownAt), reuses what did not change by identity: the status of an
 * item whose transitions are the same array, the list when no status changed (else it is patched), the breaches when
 * neither the signals, the thresholds nor the listed items did.
 */
export function buildSnapshot(input: SnapshotInput, previous?: Snapshot): Snapshot {
  const { items, asOf, knownAt } = input;
  const statuses = computeItemStatuses(items, asOf, knownAt, previous);
  const listed = previous && sameList(statuses, previous.statuses) ? previous.listed : toListedItems(statuses, previous);
  const breaches =
    previous &&
    previous.signals === input.signals &&
    sameThresholds(previous.thresholds, input.thresholds) &&
    sameKeys(previous.listed, listed)
      ? previous.breaches
      : listedBreaches(input.signals, listed, input.thresholds, asOf);
  return { ...input, statuses, listed, breaches };
}

function listedBreaches(signals: readonly SignalPoint[], listed: readonly ListedItem[], thresholds: Thresholds, asOf: number): QualityBreach[] {
  const keys = new Set(listed.map((i) => i.key));
  return qualityBreaches(
    signals.filter((s) => keys.has(s.item)),
    thresholds,
    asOf,
  );
}

function sameKeys(a: readonly { key: string }[], b: readonly { key: string }[]): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => x === b[i] || x.key === b[i]!.key));
}

function sameThresholds(a: Thresholds, b: Thresholds): boolean {
  return a.testCoveragePct === b.testCoveragePct && a.unvettedCrates === b.unvettedCrates && a.crashOwnerRegistered === b.crashOwnerRegistered;
}
