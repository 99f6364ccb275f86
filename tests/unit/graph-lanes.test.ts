import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LANE_SIZES, layoutLanes, type LaneEdge, type LaneNode } from "@/lib/graph-lanes";
import { viewportFor } from "@/lib/graph-viewport";

const { nodeWidth, nodeHeight, laneHeader } = LANE_SIZES;

/** A random program: item i depends only on items before it, in one of up to four areas. */
const programArb = fc
  .integer({ min: 0, max: 14 })
  .chain((n) =>
    fc.tuple(
      fc.array(fc.record({ area: fc.constantFrom("Foundations", "Storage", "Networking", "Fleet"), deps: fc.array(fc.nat(), { maxLength: 3 }) }), {
        minLength: n,
        maxLength: n,
      }),
      fc.shuffledSubarray(
        Array.from({ length: n }, (_, i) => `K${String(i).padStart(2, "0")}`),
        { minLength: n, maxLength: n },
      ),
    ),
  )
  .map(([raw, keys]) => {
    const nodes: LaneNode[] = raw.map((r, i) => ({ key: keys[i]!, area: r.area }));
    const edges: LaneEdge[] = raw.flatMap((r, i) => (i === 0 ? [] : [...new Set(r.deps.map((d) => keys[d % i]!))].map((from) => ({ from, to: keys[i]! }))));
    return { nodes, edges };
  });

const node = (key: string, area: string): LaneNode => ({ key, area });
/** Edges along `keys`: each depends on the one before it. */
const chain = (...keys: string[]): LaneEdge[] => keys.slice(1).map((to, i) => ({ from: keys[i]!, to }));

const overlap = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  a.x < b.x + nodeWidth && b.x < a.x + nodeWidth && a.y < b.y + nodeHeight && b.y < a.y + nodeHeight;

describe("swimlane layout", () => {
  it("puts each area in its own row band, the areas others wait on first, dependencies left of dependents", () => {
    const nodes = [node("STO-01", "Storage"), node("FND-01", "Foundations"), node("FND-02", "Foundations"), node("STO-02", "Storage")];
    const { lanes, positions, columns } = layoutLanes(nodes, chain("FND-01", "FND-02", "STO-01", "STO-02"));
    expect(lanes.map((l) => [l.area, l.count])).toEqual([
      ["Foundations", 2],
      ["Storage", 2],
    ]);
    expect([...columns.entries()].sort()).toEqual([
      ["FND-01", 0],
      ["FND-02", 1],
      ["STO-01", 2],
      ["STO-02", 3],
    ]);
    expect(positions.get("FND-01")!.y).toBe(positions.get("FND-02")!.y);
    expect(positions.get("STO-01")!.y).toBeGreaterThanOrEqual(lanes[1]!.y + laneHeader);
  });

  it("is empty for an empty program", () => {
    expect(layoutLanes([], [])).toEqual({ lanes: [], positions: new Map(), columns: new Map(), width: 0, height: 0 });
  });

  it("stops at a cycle instead of hanging", () => {
    const { positions } = layoutLanes([node("A", "X"), node("B", "X")], chain("A", "B", "A"));
    expect(positions.size).toBe(2);
  });

  it("for any program: every edge points right, no two items overlap, every item sits in its area's band", () => {
    fc.assert(
      fc.property(programArb, ({ nodes, edges }) => {
        const { lanes, positions, width, height } = layoutLanes(nodes, edges);
        for (const e of edges) expect(positions.get(e.from)!.x).toBeLessThan(positions.get(e.to)!.x);
        const all = nodes.map((n) => positions.get(n.key)!);
        all.forEach((a, i) => all.slice(i + 1).forEach((b) => expect(overlap(a, b)).toBe(false)));
        for (const n of nodes) {
          const lane = lanes.find((l) => l.area === n.area)!;
          const p = positions.get(n.key)!;
          expect(p.y).toBeGreaterThanOrEqual(lane.y + laneHeader);
          expect(p.y + nodeHeight).toBeLessThanOrEqual(lane.y + lane.height);
          expect(p.x + nodeWidth).toBeLessThanOrEqual(width);
        }
        let y = 0;
        for (const lane of lanes) {
          expect(lane.y).toBe(y);
          y += lane.height;
        }
        expect(height).toBe(y);
        expect(lanes.reduce((s, l) => s + l.count, 0)).toBe(nodes.length);
      }),
    );
  });

  it("lays out 10,000 items in 8 areas quickly", () => {
    const nodes = Array.from({ length: 10_000 }, (_, i) => ({ key: `K${String(i).padStart(5, "0")}`, area: `Area ${i % 8}` }));
    const edges = nodes.flatMap((n, i) => (i < 50 ? [] : [{ from: nodes[i - 50]!.key, to: n.key }, { from: nodes[(i * 7) % i]!.key, to: n.key }]));
    const started = performance.now();
    const { positions } = layoutLanes(nodes, edges);
    expect(positions.size).toBe(10_000);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("does not depend on the order it is given the items and edges in", () => {
    fc.assert(
      fc.property(programArb, ({ nodes, edges }) => {
        const a = layoutLanes(nodes, edges);
        const b = layoutLanes([...nodes].reverse(), [...edges].reverse());
        expect(b.lanes).toEqual(a.lanes);
        expect(new Map([...b.positions].sort())).toEqual(new Map([...a.positions].sort()));
      }),
    );
  });
});

describe("viewportFor", () => {
  const pane = { width: 1000, height: 600 };

  it("centres what fits, at the zoom it is given", () => {
    expect(viewportFor({ x: 0, y: 0, width: 400, height: 200 }, pane, 1)).toEqual({ x: 300, y: 200, zoom: 1 });
  });

  it("aligns what does not fit to its top-left corner, keeping the zoom", () => {
    expect(viewportFor({ x: 500, y: 100, width: 3000, height: 2000 }, pane, 1, 16)).toEqual({ x: -484, y: -84, zoom: 1 });
    expect(viewportFor({ x: 0, y: 0, width: 3000, height: 200 }, pane, 1, 0)).toEqual({ x: 0, y: 200, zoom: 1 });
  });

  it("shifts as little as it must to keep one item in sight", () => {
    const item = { x: 2000, y: 1500, width: 200, height: 60 };
    // The item's right edge lands `margin` inside the pane's right edge; its bottom likewise.
    expect(viewportFor({ x: 0, y: 0, width: 3000, height: 2000 }, pane, 1, 16, item)).toEqual({ x: 1000 - 16 - 2200, y: 600 - 16 - 1560, zoom: 1 });
    // Already in sight: no shift.
    expect(viewportFor({ x: 0, y: 0, width: 3000, height: 2000 }, pane, 1, 16, { x: 100, y: 100, width: 200, height: 60 })).toEqual({ x: 16, y: 16, zoom: 1 });
  });
});
