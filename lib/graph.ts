/**
 * Dependency graph helpers. An edge `from -> to` means "from depends on to".
 * Cycles are named as `A -> B -> C -> A`.
 */
export type Edges = ReadonlyMap<string, readonly string[]>;

/** A path of keys from `start` to `goal` following edges, or null. Deterministic (keys in given order). */
export function findPath(edges: Edges, start: string, goal: string): string[] | null {
  const seen = new Set<string>();
  const walk = (key: string): string[] | null => {
    if (key === goal) return [key];
    if (seen.has(key)) return null;
    seen.add(key);
    for (const next of edges.get(key) ?? []) {
      const rest = walk(next);
      if (rest) return [key, ...rest];
    }
    return null;
  };
  return walk(start);
}

/** The cycle that adding `from -> to` would close, as a list of keys ending where it started. */
export function cycleClosedBy(edges: Edges, from: string, to: string): string[] | null {
  if (from === to) return [from, from];
  const back = findPath(edges, to, from);
  return back ? [from, ...back] : null;
}

/** Some cycle in the graph, or null when it is a DAG. Iterative to survive deep graphs. */
export function findCycle(edges: Edges): string[] | null {
  const state = new Map<string, 1 | 2>(); // 1 = on stack, 2 = finished
  for (const root of [...edges.keys()].sort()) {
    if (state.has(root)) continue;
    const stack: { key: string; next: number }[] = [{ key: root, next: 0 }];
    state.set(root, 1);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const targets = edges.get(frame.key) ?? [];
      if (frame.next >= targets.length) {
        state.set(frame.key, 2);
        stack.pop();
        continue;
      }
      const target = targets[frame.next++]!;
      const s = state.get(target);
      if (s === 1) {
        const from = stack.findIndex((f) => f.key === target);
        return [...stack.slice(from).map((f) => f.key), target];
      }
      if (s === undefined) {
        state.set(target, 1);
        stack.push({ key: target, next: 0 });
      }
    }
  }
  return null;
}

export function formatCycle(cycle: readonly string[]): string {
  return cycle.join(" -> ");
}
