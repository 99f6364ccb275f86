import type { ListedItem } from "./items/item-query";
import type { Status } from "./status";

export interface GraphNode {
  key: string;
  title: string;
  area: string;
  trueStatus: Status;
  reportedStatus: Status;
  critical: boolean;
}

export interface GraphEdge {
  /** The dependency (drawn first, on the left). */
  from: string;
  /** The dependent. */
  to: string;
  critical: boolean;
}

/** Nodes and edges for the dependency graph; critical-path nodes and consecutive edges marked. */
export function buildGraphView(items: readonly ListedItem[], criticalKeys: readonly string[]) {
  const keys = new Set(items.map((i) => i.key));
  const onPath = new Set(criticalKeys);
  const criticalEdges = new Set(criticalKeys.slice(1).map((k, i) => `${criticalKeys[i]}->${k}`));
  const nodes: GraphNode[] = items.map((i) => ({
    key: i.key,
    title: i.title,
    area: i.area,
    trueStatus: i.trueStatus,
    reportedStatus: i.reportedStatus,
    critical: onPath.has(i.key),
  }));
  const edges: GraphEdge[] = items.flatMap((i) =>
    i.dependsOn.filter((d) => keys.has(d)).map((d) => ({ from: d, to: i.key, critical: criticalEdges.has(`${d}->${i.key}`) })),
  );
  return { nodes, edges };
}
