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
