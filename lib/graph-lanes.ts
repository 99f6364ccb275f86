/** What the swimlane layout needs of an item and of a dependency. */
export interface LaneNode {
  key: string;
  area: string;
}
export interface LaneEdge {
  /** The dependency. */
  from: string;
  /** The dependent. */
  to: string;
}

export interface LaneSizes {
  nodeWidth: number;
  nodeHeight: number;
  columnGap: number;
  rowGap: number;
  /** Room above a lane's first row for its name. */
  laneHeader: number;
  lanePadding: number;
  /** Room left of the first column. */
  left: number;
}

export const LANE_SIZES: LaneSizes = {
  nodeWidth: 220,
  nodeHeight: 60,
  columnGap: 56,
  rowGap: 10,
  laneHeader: 26,
  lanePadding: 12,
  left: 16,
};

export interface Lane {
  area: string;
  y: number;
  height: number;
  count: number;
}

export interface LaneLayout {
  lanes: Lane[];
  positions: Map<string, { x: number; y: number }>;
  /** The column of each item: 0 without dependencies, else one right of its rightmost dependency. */
  columns: Map<string, number>;
  width: number;
  height: number;
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Left-to-right layered layout with one row band (lane) per area. An item sits one column right of
 * its rightmost dependency, so every edge points right; lanes are ordered by their items' mean
 * column (the areas others wait on come first), and items within a cell by the height of their
 * dependencies, which keeps edges short. Deterministic; dependencies on keys not in `nodes` are
 * ignored. A cycle (never stored, but the layout must not hang) is cut where it is met.
 */
export function layoutLanes(nodes: readonly LaneNode[], edges: readonly LaneEdge[], sizes: LaneSizes = LANE_SIZES): LaneLayout {
  const keys = new Set(nodes.map((n) => n.key));
  const deps = new Map<string, string[]>(nodes.map((n) => [n.key, []]));
  for (const e of edges) if (keys.has(e.from) && keys.has(e.to) && e.from !== e.to) deps.get(e.to)!.push(e.from);

  const columns = new Map<string, number>();
  const onStack = new Set<string>();
  for (const root of [...keys].sort(byKey)) {
    if (columns.has(root)) continue;
    const stack: { key: string; expanded: boolean }[] = [{ key: root, expanded: false }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      if (!frame.expanded) {
        frame.expanded = true;
        onStack.add(frame.key);
        for (const d of deps.get(frame.key)!) if (!columns.has(d) && !onStack.has(d)) stack.push({ key: d, expanded: false });
        continue;
      }
      stack.pop();
      onStack.delete(frame.key);
      if (columns.has(frame.key)) continue;
      let column = 0;
      for (const d of deps.get(frame.key)!) if (columns.has(d)) column = Math.max(column, columns.get(d)! + 1);
      columns.set(frame.key, column);
    }
  }

  const areas = new Map<string, LaneNode[]>();
  for (const n of nodes) {
    const list = areas.get(n.area);
    if (list) list.push(n);
    else areas.set(n.area, [n]);
  }
  const meanColumn = (list: LaneNode[]) => list.reduce((s, n) => s + columns.get(n.key)!, 0) / list.length;
  const laneOrder = [...areas.entries()]
    .map(([area, list]) => ({ area, list, mean: meanColumn(list) }))
    .sort((a, b) => a.mean - b.mean || byKey(a.area, b.area));

  const rowPitch = sizes.nodeHeight + sizes.rowGap;
  const lanes: Lane[] = [];
  const cells = new Map<string, string[]>(); // `${lane}:${column}` → keys
  let y = 0;
  laneOrder.forEach(({ area, list }, laneIndex) => {
    const perColumn = new Map<number, number>();
    for (const n of list) {
      const c = columns.get(n.key)!;
      perColumn.set(c, (perColumn.get(c) ?? 0) + 1);
      const cell = `${laneIndex}:${c}`;
      cells.set(cell, [...(cells.get(cell) ?? []), n.key]);
    }
    const rows = Math.max(1, ...perColumn.values());
    const height = sizes.laneHeader + rows * rowPitch - sizes.rowGap + sizes.lanePadding;
    lanes.push({ area, y, height, count: list.length });
    y += height;
  });

  const positions = new Map<string, { x: number; y: number }>();
  const maxColumn = Math.max(0, ...columns.values());
  const columnPitch = sizes.nodeWidth + sizes.columnGap;
  for (let c = 0; c <= maxColumn; c++) {
    lanes.forEach((lane, laneIndex) => {
      const cell = cells.get(`${laneIndex}:${c}`);
      if (!cell) return;
      // Dependencies sit in earlier columns, so they are placed already.
      const centre = (key: string) => {
        const ys = deps.get(key)!.map((d) => positions.get(d)?.y).filter((v): v is number => v !== undefined);
        return ys.length === 0 ? Number.POSITIVE_INFINITY : ys.reduce((s, v) => s + v, 0) / ys.length;
      };
      const ordered = cell.map((key) => ({ key, centre: centre(key) })).sort((a, b) => a.centre - b.centre || byKey(a.key, b.key));
      ordered.forEach(({ key }, row) =>
        positions.set(key, { x: sizes.left + c * columnPitch, y: lane.y + sizes.laneHeader + row * rowPitch }),
      );
    });
  }

  const width = nodes.length === 0 ? 0 : sizes.left * 2 + (maxColumn + 1) * columnPitch - sizes.columnGap;
  return { lanes, positions, columns, width, height: y };
}
