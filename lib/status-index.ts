import type { ItemWithStatus } from "./compute-item-statuses";
import { sameList } from "./same-list";

export interface StatusIndex {
  byKey: ReadonlyMap<string, ItemWithStatus>;
  /** Each item's dependents, in the order of the statuses. */
  dependents: ReadonlyMap<string, readonly string[]>;
}

// Keyed by the statuses array itself: a snapshot patched after a write is a new array.
const indexes = new WeakMap<readonly ItemWithStatus[], StatusIndex>();
// The statuses last indexed, weakly: after a write the next snapshot holds mostly the same objects,
// and its dependents are the same while no item's dependencies changed.
let last: WeakRef<readonly ItemWithStatus[]> | null = null;

/**
 * A snapshot's statuses by key and by what they depend on, made once per snapshot: an item's page
 * looks up its dependencies and dependents, and at 10,000 items making the map and scanning every
 * item for dependents took most of a first item view — again after every write, until the
 * dependents were kept from the snapshot before when no dependency changed.
 */
export function statusIndex(statuses: readonly ItemWithStatus[]): StatusIndex {
  let index = indexes.get(statuses);
  if (!index) {
    const before = last?.deref();
    const earlier = before && indexes.get(before);
    index = { byKey: byKeyOf(statuses), dependents: earlier && sameDependencies(before, statuses) ? earlier.dependents : dependentsOf(statuses) };
    indexes.set(statuses, index);
    last = new WeakRef(statuses);
  }
  return index;
}

function byKeyOf(statuses: readonly ItemWithStatus[]): Map<string, ItemWithStatus> {
  const byKey = new Map<string, ItemWithStatus>();
  for (const item of statuses) byKey.set(item.key, item);
  return byKey;
}

function dependentsOf(statuses: readonly ItemWithStatus[]): Map<string, string[]> {
  const dependents = new Map<string, string[]>();
  for (const item of statuses) {
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
  return dependents;
}

/** The same items in the same order, each depending on the same keys: their dependents are the same. */
function sameDependencies(a: readonly ItemWithStatus[], b: readonly ItemWithStatus[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y && (x.key !== y.key || !sameList(x.dependsOn, y.dependsOn))) return false;
  }
  return true;
}
