import type { Db } from "../index";
import { loadSnapshot } from "./load-snapshot";

/**
 * Every item key of the program as known at knownAt (those identified after asOf included: a
 * dependency is added today), in the program's order — a small program's dependency choices — or
 * null when there are more than `atMost`: a large program's form searches keys instead, and
 * copying 10,000 keys on every item view only to count them cost 3–4 ms.
 */
export async function listItemKeys(db: Db, slug: string, asOf: number, knownAt: number, atMost = Infinity): Promise<string[] | null> {
  const { statuses } = await loadSnapshot(db, slug, asOf, knownAt);
  return statuses.length > atMost ? null : statuses.map((i) => i.key);
}
