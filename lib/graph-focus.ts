/** What the graph brings forward: everything, the critical path, or an item's ancestors or descendants. */
export const GRAPH_FOCUSES = ["all", "critical", "ancestors", "descendants"] as const;
export type GraphFocus = (typeof GRAPH_FOCUSES)[number];

/** A focus from a URL; an unknown word, or a lineage without an item to follow, is everything. */
export function parseGraphFocus(value: string | undefined, hasItem: boolean): GraphFocus {
  const focus = GRAPH_FOCUSES.find((f) => f === value) ?? "all";
  return (focus === "ancestors" || focus === "descendants") && !hasItem ? "all" : focus;
}
