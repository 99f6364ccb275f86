import { z } from "zod";

/** The status ladder of DESIGN §3, lowest first; the index is the level. */
export const STATUSES = ["not_started", "design", "build", "validate", "rollout", "done"] as const;
export type Status = (typeof STATUSES)[number];
export const statusSchema = z.enum(STATUSES, {
  error: () => `must be one of ${STATUSES.join(", ")}`,
});

export function levelOf(status: Status): number {
  return STATUSES.indexOf(status);
}

export function statusAt(level: number): Status {
  const status = STATUSES[level];
  if (status === undefined) throw new RangeError(`no status at level ${level}`);
  return status;
}

/** Counts keyed by every status, zero-filled so tables and charts never miss a column. */
export function emptyStatusCounts(): Record<Status, number> {
  return Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
}

/** Items beyond not_started, from a status count over `total` items. */
export function startedCount(counts: Readonly<Record<string, number>>, total: number): number {
  return total - (counts.not_started ?? 0);
}

/**
 * Whether deciding a report to `to` leaves today's true status where it is: the item is already
 * there or past it (a later verified report took it there; a report down counts at once and needs
 * no review). Verifying it may still change the item's past — the weeks from its date on.
 */
export function decidingChangesNothingToday(trueStatus: Status, to: Status): boolean {
  return levelOf(trueStatus) >= levelOf(to);
}
