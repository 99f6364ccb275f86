import { foldItemStatus, type ItemStatus } from "./fold-item-status";
import type { ItemWithTransitions } from "./item-with-transitions";
import { emptyStatusCounts, type Status } from "./status";

export interface ItemWithStatus extends ItemWithTransitions, ItemStatus {
  /** identifiedAt <= asOf: the item belongs to the program at that date (DESIGN §4). */
  inProgram: boolean;
}

/**
 * Folds each item's history once for (asOf, knownAt). Given the answer for an earlier version of
 * the same items (same order), an item that is the same object, or whose transitions array is, is
 * not folded again: history items are never mutated, a changed item is a new object with new arrays.
 */
export function computeItemStatuses(
  items: readonly ItemWithTransitions[],
  asOf: number,
  knownAt: number,
  previous?: { items: readonly ItemWithTransitions[]; statuses: readonly ItemWithStatus[] },
): ItemWithStatus[] {
  return items.map((item, i) => {
    const before = previous?.statuses[i];
    if (before && (previous.items[i] === item || (before.transitions === item.transitions && before.key === item.key))) return before;
    return { ...item, ...foldItemStatus(item.transitions, asOf, knownAt), inProgram: item.identifiedAt <= asOf };
  });
}

export interface StatusCounts {
  true: Record<Status, number>;
  reported: Record<Status, number>;
}

/** Items per true and per reported status, over the items in the program at the date. */
export function countByStatus(items: readonly ItemWithStatus[]): StatusCounts {
  const counts: StatusCounts = { true: emptyStatusCounts(), reported: emptyStatusCounts() };
  for (const item of items) {
    if (!item.inProgram) continue;
    counts.true[item.trueStatus]++;
    counts.reported[item.reportedStatus]++;
  }
  return counts;
}
