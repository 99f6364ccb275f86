import type { ItemWithStatus } from "./compute-item-statuses";

export interface StatusIndex {
  byKey: ReadonlyMap<string, ItemWithStatus>;
  /** Each item's dependents, in the order of the statuses. */
  dependents: ReadonlyMap<string, readonly string[]>;
}

// Keyed by the statuses array itself: a snapshot patched after a write is a new array.
const indexes = new WeakMap<readonly ItemWithStatus[], StatusIndex>();

/**
 * A snapshot's statuses by key and by what they depend on, made once per snapshot: an item's page
 * looks up its dependencies and dependents, and at 10,000 items making the map and scanning every
 * item for dependents took most of a first item view.
 */
export function statusIndex(statuses: readonly ItemWithStatus[]): StatusIndex {
  let index = indexes.get(statuses);
  if (!index) indexes.set(statuses, (index = buildIndex(statuses)));
  return index;
}

function buildIndex(statuses: readonly ItemWithStatus[]): StatusIndex {
  const byKey = new Map<string, ItemWithStatus>();
  const dependents = new Map<string, string[]>();
  for (const item of statuses) {
    byKey.set(item.key, item);
    const deps = item.dependsOn;
    for (let d = 0; d < deps.length; d++) {
      const dep = deps[d]!;
      // A key named twice counts once; lists are short, and a Set per item cost a fifth of the index.
      if (deps.indexOf(dep) !== d) continue;
      const list = dependents.get(dep);
      if (list) list.push(item.key);
      else dependents.set(dep, [item.key]);
    }
  }
  return { byKey, dependents };
}
