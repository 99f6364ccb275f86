/** An item as the keyboard sees the graph: its lane (area row band) and its place in the layout. */
export interface PlacedNode {
  key: string;
  lane: number;
  x: number;
  y: number;
}

export type GraphArrow = "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown";

export const GRAPH_ARROWS: readonly string[] = ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"];

/** The candidate nearest to `target` on one axis; ties go to the smaller (upper, left) one. */
function nearest(candidates: PlacedNode[], distance: (n: PlacedNode) => number, tie: (n: PlacedNode) => number): PlacedNode | null {
  let best: PlacedNode | null = null;
  for (const n of candidates) {
    if (!best || distance(n) < distance(best) || (distance(n) === distance(best) && tie(n) < tie(best))) best = n;
  }
  return best;
}

/**
 * Where an arrow key moves the focus on the swimlane graph, so it is predictable:
 * - Left / Right stay in the item's area (its lane) and go to the nearest column to that side that
 *   has an item of the lane, to the item there closest in height. Columns follow the dependencies,
 *   so Right walks towards what waits on the item, Left towards what it waits on.
 * - Up / Down go to the next row of items above or below, across areas, to the item there closest
 *   in column.
 * Null when nothing lies that way (the focus stays).
 */
export function nextGraphKey(nodes: readonly PlacedNode[], from: string, arrow: GraphArrow): string | null {
  const at = nodes.find((n) => n.key === from);
  if (!at) return null;
  const horizontal = arrow === "ArrowLeft" || arrow === "ArrowRight";
  const forward = arrow === "ArrowRight" || arrow === "ArrowDown";
  // Moving along one axis: first the nearest line across it to that side, then the closest item on it.
  const along = (n: PlacedNode) => (horizontal ? n.x : n.y);
  const across = (n: PlacedNode) => (horizontal ? n.y : n.x);
  const side = nodes.filter((n) => (!horizontal || n.lane === at.lane) && (forward ? along(n) > along(at) : along(n) < along(at)));
  const line = nearest(side, (n) => Math.abs(along(n) - along(at)), across);
  if (!line) return null;
  return nearest(
    side.filter((n) => along(n) === along(line)),
    (n) => Math.abs(across(n) - across(at)),
    across,
  )!.key;
}
