import type { Db } from "../index";
import { loadSnapshot } from "./load-snapshot";

/** Every item key of the program at (asOf, knownAt), in the program's order: a small program's dependency choices. */
export async function listItemKeys(db: Db, slug: string, asOf: number, knownAt: number): Promise<string[]> {
  return (await loadSnapshot(db, slug, asOf, knownAt)).statuses.map((i) => i.key);
}
