/** A node of the dependency graph as the critical path needs it. */
export interface PathNode {
  key: string;
  dependsOn: readonly string[];
  /** estimateWeeks when not done, 0 when done (DESIGN §5). */
  weight: number;
  done: boolean;
}

export interface CriticalPath {
  /** From the first dependency to the last dependent. Empty when nothing remains. */
  keys: string[];
  remainingWeeks: number;
}

/**
 * The longest dependency chain weighted by the estimates of unfinished items (DESIGN §5). Ties go
 * to the smaller key. The chain starts at an unfinished item and follows a dependency only while
 * it adds weight, so it never trails off into finished work. Dependencies on keys not in `nodes`
 * are ignored (items outside the program at the date).
 */
export function criticalPath(nodes: readonly PathNode[]): CriticalPath {
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  const best = new Map<string, { weight: number; next: string | null }>();

  // Iterative post-order, so 10,000-deep chains cannot overflow the stack.
  for (const root of nodes) {
    if (best.has(root.key)) continue;
    const stack: { node: PathNode; expanded: boolean }[] = [{ node: root, expanded: false }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const deps = frame.node.dependsOn.filter((k) => byKey.has(k));
      if (!frame.expanded) {
        frame.expanded = true;
        for (const k of deps) if (!best.has(k)) stack.push({ node: byKey.get(k)!, expanded: false });
        continue;
      }
      stack.pop();
      if (best.has(frame.node.key)) continue;
      let next: string | null = null;
      let nextWeight = 0;
      for (const k of inKeyOrder(deps)) {
        const w = best.get(k)!.weight;
        if (w > nextWeight) {
          next = k;
          nextWeight = w;
        }
      }
      best.set(frame.node.key, { weight: frame.node.weight + nextWeight, next });
    }
  }

  let start: string | null = null;
  let top = 0;
  for (const n of inKeyOrder(nodes, (x) => x.key)) {
    if (n.done) continue;
    const w = best.get(n.key)!.weight;
    if (w > top) {
      start = n.key;
      top = w;
    }
  }
  const keys: string[] = [];
  for (let k = start; k !== null; k = best.get(k)!.next) keys.push(k);
  // Sums of decimal estimates carry float noise (0.2 + 2.7 + 0.1 = 3.0000000000000004): round it away.
  return { keys: keys.reverse(), remainingWeeks: Math.round(top * 1e9) / 1e9 };
}

/** The list in key order; a list already in order (items come sorted by key) is not copied. */
function inKeyOrder<T>(list: readonly T[], keyOf: (x: T) => string = (x) => x as unknown as string): readonly T[] {
  for (let i = 1; i < list.length; i++)
    if (keyOf(list[i - 1]!) > keyOf(list[i]!)) return [...list].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  return list;
}
