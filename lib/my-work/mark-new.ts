/** A listed entry, marked when it arrived after the person's last visit. */
export type Marked<T> = T & { isNew: boolean };

/**
 * Marks the entries that arrived strictly after `since` (an entry without a time — an item whose
 * log does not say when it became the person's — is never new) and counts them. The header's
 * count (db/queries/count-my-work-new.ts) applies the same rule in SQL.
 */
export function markNew<T>(entries: readonly T[], arrivedAt: (entry: T) => number | null, since: number): { entries: Marked<T>[]; newCount: number } {
  const marked = entries.map((e) => {
    const at = arrivedAt(e);
    return { ...e, isNew: at !== null && at > since };
  });
  return { entries: marked, newCount: marked.filter((e) => e.isNew).length };
}
