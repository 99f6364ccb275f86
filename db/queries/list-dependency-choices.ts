import { dependencyChoices } from "@/lib/graph-lineage";
import type { Db } from "../index";
import { loadSnapshot } from "./load-snapshot";

/**
 * What `key` may be made to depend on, in the program's order: every item known at knownAt (those
 * identified after asOf included: a dependency is added today) but those the rule would refuse —
 * itself, its dependencies, and what waits on it. Null when the program has more than `atMost`
 * items: a large program's form searches keys instead, and copying 10,000 keys on every item view
 * only to count them cost 3–4 ms.
 */
export async function listDependencyChoices(db: Db, slug: string, key: string, asOf: number, knownAt: number, atMost = Infinity): Promise<string[] | null> {
  const { statuses } = await loadSnapshot(db, slug, asOf, knownAt);
  if (statuses.length > atMost) return null;
  const edges = new Map(statuses.map((i) => [i.key, i.dependsOn]));
  return dependencyChoices(
    statuses.map((i) => i.key),
    edges,
    key,
  );
}
