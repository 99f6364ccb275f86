import { foldItemStatus, type ItemStatus } from "./fold-item-status";
import type { HistoryItem } from "./program-history";
import { emptyStatusCounts, type Status } from "./status";

export interface ItemWithStatus extends HistoryItem, ItemStatus {
  /** identifiedAt <= asOf: the item belongs to the program at that date (DESIGN §4). */
  inProgram: boolean;
}

/** Folds each item's history once for (asOf, knownAt). */
export function computeItemStatuses(items: readonly HistoryItem[], asOf: number, knownAt: number): ItemWithStatus[] {
  return items.map((item) => ({
    ...item,
    ...foldItemStatus(item.transitions, asOf, knownAt),
    inProgram: item.identifiedAt <= asOf,
  }));
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
