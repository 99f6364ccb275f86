const DAY_MS = 86_400_000;

/** How long a report has waited, in whole days: "today", "1 day", "12 days". */
export function waitedFor(recordedAt: number, now: number): string {
  const days = Math.floor((now - recordedAt) / DAY_MS);
  return days <= 0 ? "today" : `${days} day${days === 1 ? "" : "s"}`;
}
