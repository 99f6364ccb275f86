import type { Edges } from "./graph";

/** Everything reachable from `key` along `edges`, without `key` itself; sorted. Iterative, cycle-safe. */
function reachable(edges: Edges, key: string): string[] {
  const seen = new Set<string>();
  const stack = [...(edges.get(key) ?? [])];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (seen.has(next) || next === key) continue;
    seen.add(next);
    stack.push(...(edges.get(next) ?? []));
  }
  return [...seen].sort();
}

/** Reverses "depends on" into "is depended on by". */
function dependentsMap(dependsOn: Edges): Map<string, string[]> {
  const dependents = new Map<string, string[]>();
  for (const [key, deps] of dependsOn) {
    for (const d of deps) {
      const list = dependents.get(d);
      if (list) list.push(key);
      else dependents.set(d, [key]);
    }
  }
  return dependents;
}

/** What `key` waits on, directly or through other items: its dependencies' dependencies, all the way down. */
export function ancestorsOf(dependsOn: Edges, key: string): string[] {
  return reachable(dependsOn, key);
}

/** What waits on `key`, directly or through other items. */
export function descendantsOf(dependsOn: Edges, key: string): string[] {
  return reachable(dependentsMap(dependsOn), key);
}

/**
 * The keys `key` may come to depend on, in the order given: not itself, not what it already
 * depends on, and nothing that already waits on it, directly or through others (that edge would
 * close a cycle, which adding a dependency refuses).
 */
export function dependencyChoices(keys: readonly string[], dependsOn: Edges, key: string): string[] {
  const ruledOut = new Set([key, ...(dependsOn.get(key) ?? []), ...descendantsOf(dependsOn, key)]);
  return keys.filter((k) => !ruledOut.has(k));
}
