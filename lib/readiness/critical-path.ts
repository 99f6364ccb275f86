import { processWide } from "../process-wide";

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
  // Every item is recomputed after a write that moves the plan: nodes by their rank in key order
  // and typed arrays keep that a few milliseconds at 10,000 items.
  const sorted = inKeyOrder(nodes, (x) => x.key);
  const n = sorted.length;
  const { start: depStart, list: depList } = graphOf(sorted);

  // best[r]: the heaviest chain from r down its dependencies; next[r]: the dependency it goes on to.
  const best = new Float64Array(n);
  const next = new Int32Array(n).fill(-1);
  const state = new Uint8Array(n); // 0 not seen, 1 on the stack, 2 done
  // Iterative post-order, so 10,000-deep chains cannot overflow the stack.
  const stackNode = new Int32Array(n);
  const stackEdge = new Int32Array(n);
  for (let root = 0; root < n; root++) {
    if (state[root] !== 0) continue;
    let sp = 0;
    stackNode[sp] = root;
    stackEdge[sp++] = depStart[root]!;
    state[root] = 1;
    while (sp > 0) {
      const top = stackNode[sp - 1]!;
      const edge = stackEdge[sp - 1]!;
      if (edge < depStart[top + 1]!) {
        stackEdge[sp - 1] = edge + 1;
        const dep = depList[edge]!;
        if (state[dep] === 0) {
          state[dep] = 1;
          stackNode[sp] = dep;
          stackEdge[sp++] = depStart[dep]!;
        }
        continue;
      }
      sp--;
      // Dependencies in key order: the first of equally heavy ones wins.
      let nextWeight = 0;
      for (let e = depStart[top]!; e < depStart[top + 1]!; e++) {
        const dep = depList[e]!;
        if (state[dep] === 2 && best[dep]! > nextWeight) {
          next[top] = dep;
          nextWeight = best[dep]!;
        }
      }
      best[top] = sorted[top]!.weight + nextWeight;
      state[top] = 2;
    }
  }

  let start = -1;
  let top = 0;
  for (let r = 0; r < n; r++) {
    if (sorted[r]!.done) continue;
    if (best[r]! > top) {
      start = r;
      top = best[r]!;
    }
  }
  const keys: string[] = [];
  for (let r = start; r !== -1; r = next[r]!) keys.push(sorted[r]!.key);
  // Sums of decimal estimates carry float noise (0.2 + 2.7 + 0.1 = 3.0000000000000004): round it away.
  return { keys: keys.reverse(), remainingWeeks: Math.round(top * 1e9) / 1e9 };
}

interface Graph {
  keys: string[];
  dependsOn: (readonly string[])[];
  start: Int32Array;
  list: Int32Array;
}
// Indexing 10,000 keys costs more than the walk itself, and a write that moves the plan seldom
// changes a dependency: the graphs of the last few calls are kept, matched by every key and every
// dependency list (the same arrays when the items did not change). Once for the server, as the
// forecast's draws are.
const graphs = processWide("critical-path:graphs", (): Graph[] => []);
const MAX_GRAPHS = 8;

function graphOf(sorted: readonly PathNode[]): Graph {
  const known = graphs.findIndex((g) => sameGraph(g, sorted));
  if (known >= 0) {
    const [graph] = graphs.splice(known, 1);
    graphs.unshift(graph!);
    return graph!;
  }
  const rank = new Map<string, number>();
  for (let r = 0; r < sorted.length; r++) rank.set(sorted[r]!.key, r);
  const graph = { keys: sorted.map((x) => x.key), dependsOn: sorted.map((x) => x.dependsOn), ...dependencyRanks(sorted, rank) };
  graphs.unshift(graph);
  if (graphs.length > MAX_GRAPHS) graphs.pop();
  return graph;
}

function sameGraph(graph: Graph, sorted: readonly PathNode[]): boolean {
  if (graph.keys.length !== sorted.length) return false;
  for (let r = 0; r < sorted.length; r++) {
    const node = sorted[r]!;
    if (graph.keys[r] !== node.key) return false;
    const deps = graph.dependsOn[r]!;
    if (deps !== node.dependsOn && (deps.length !== node.dependsOn.length || deps.some((d, i) => d !== node.dependsOn[i]))) return false;
  }
  return true;
}

/** Each node's dependencies within `nodes` as ranks, ascending (key order), in one flat list. */
function dependencyRanks(sorted: readonly PathNode[], rank: ReadonlyMap<string, number>): { start: Int32Array; list: Int32Array } {
  const start = new Int32Array(sorted.length + 1);
  const list: number[] = [];
  for (let r = 0; r < sorted.length; r++) {
    const from = list.length;
    for (const key of sorted[r]!.dependsOn) {
      const dep = rank.get(key);
      if (dep !== undefined) list.push(dep);
    }
    if (list.length - from > 1) {
      const own = list.slice(from).sort((a, b) => a - b);
      for (let i = 0; i < own.length; i++) list[from + i] = own[i]!;
    }
    start[r + 1] = list.length;
  }
  return { start, list: Int32Array.from(list) };
}

/** The list in key order; a list already in order (items come sorted by key) is not copied. */
function inKeyOrder<T>(list: readonly T[], keyOf: (x: T) => string): readonly T[] {
  for (let i = 1; i < list.length; i++)
    if (keyOf(list[i - 1]!) > keyOf(list[i]!)) return [...list].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  return list;
}
