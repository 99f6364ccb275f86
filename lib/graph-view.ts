import { waitingOn, type ListedItem } from "./items/item-query";
import type { Status } from "./status";

export interface GraphNode {
  key: string;
  title: string;
  area: string;
  /** The owner's name; null is a risk the graph shows. */
  ownerName: string | null;
  estimateWeeks: number;
  trueStatus: Status;
  reportedStatus: Status;
  inflated: boolean;
  critical: boolean;
  /** Unfinished dependencies holding the item back (empty once it is done). */
  waitingOn: string[];
}

export interface GraphEdge {
  /** The dependency (drawn first, on the left). */
  from: string;
  /** The dependent. */
  to: string;
  critical: boolean;
}

export interface GraphArea {
  area: string;
  /** The other areas whose unfinished items this area's items wait on. */
  waitsOn: string[];
}

/**
 * Nodes and edges for the dependency graph, critical-path nodes and consecutive edges marked, and
 * for each area the areas it waits on: what a manager reads off the swimlanes.
 */
export function buildGraphView(items: readonly ListedItem[], criticalKeys: readonly string[]) {
  const byKey = new Map(items.map((i) => [i.key, i]));
  const onPath = new Set(criticalKeys);
  const criticalEdges = new Set(criticalKeys.slice(1).map((k, i) => `${criticalKeys[i]}->${k}`));
  const nodes: GraphNode[] = items.map((i) => ({
    key: i.key,
    title: i.title,
    area: i.area,
    ownerName: i.ownerName,
    estimateWeeks: i.estimateWeeks,
    trueStatus: i.trueStatus,
    reportedStatus: i.reportedStatus,
    inflated: i.inflated,
    critical: onPath.has(i.key),
    waitingOn: waitingOn(i, byKey),
  }));
  const edges: GraphEdge[] = items.flatMap((i) =>
    i.dependsOn.filter((d) => byKey.has(d)).map((d) => ({ from: d, to: i.key, critical: criticalEdges.has(`${d}->${i.key}`) })),
  );
  const waits = new Map<string, Set<string>>(nodes.map((n) => [n.area, new Set()]));
  for (const n of nodes) {
    for (const k of n.waitingOn) {
      const other = byKey.get(k)!.area;
      if (other !== n.area) waits.get(n.area)!.add(other);
    }
  }
  const areas: GraphArea[] = [...waits.entries()]
    .map(([area, set]) => ({ area, waitsOn: [...set].sort() }))
    .sort((a, b) => (a.area < b.area ? -1 : a.area > b.area ? 1 : 0));
  return { nodes, edges, areas };
}
