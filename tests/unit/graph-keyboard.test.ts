import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nextGraphKey, type GraphArrow, type PlacedNode } from "@/lib/graph-keyboard";
import { layoutLanes } from "@/lib/graph-lanes";

// Two lanes. Lane 0: A (col 0), B and C (col 1, B above C), D (col 3). Lane 1: E (col 0), F (col 2).
const W = 100;
const H = 10;
const at = (key: string, lane: number, col: number, row: number): PlacedNode => ({ key, lane, x: col * W, y: row * H });
const nodes = [at("A", 0, 0, 0), at("B", 0, 1, 0), at("C", 0, 1, 1), at("D", 0, 3, 1), at("E", 1, 0, 3), at("F", 1, 2, 3)];
const go = (from: string, arrow: GraphArrow) => nextGraphKey(nodes, from, arrow);
/** Where `arrow` leads from each of `from`, in order (null: nowhere). */
const moves = (arrow: GraphArrow, from: string[]) => from.map((key) => go(key, arrow));

describe("nextGraphKey", () => {
  it("moves right and left within the item's area, to the nearest column, closest in height", () => {
    // Never into another area: E's right is F, F has nothing further right.
    expect(moves("ArrowRight", ["A", "C", "E", "F"])).toEqual(["B", "D", "F", null]);
    expect(moves("ArrowLeft", ["D", "B", "A"])).toEqual(["C", "A", null]);
  });

  it("moves up and down to the next row, across areas, closest in column", () => {
    expect(moves("ArrowDown", ["A", "C", "D", "F"])).toEqual(["C", "E", "F", null]);
    expect(moves("ArrowUp", ["E", "C", "A"])).toEqual(["C", "B", null]);
  });

  it("knows no unknown key", () => {
    expect(go("Z", "ArrowRight")).toBeNull();
  });

  it("on any laid-out program, every item is reached from the first by the arrow keys", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ area: fc.constantFrom("F", "S", "N"), deps: fc.array(fc.nat(), { maxLength: 2 }) }), { minLength: 1, maxLength: 14 }),
        (raw) => {
          const keys = raw.map((_, i) => `K${i}`);
          const laid = layoutLanes(
            raw.map((r, i) => ({ key: keys[i]!, area: r.area })),
            raw.flatMap((r, i) => (i === 0 ? [] : r.deps.map((d) => ({ from: keys[d % i]!, to: keys[i]! })))),
          );
          const lane = new Map(laid.lanes.map((l, i) => [l.area, i]));
          const placed = raw.map((r, i) => ({ key: keys[i]!, lane: lane.get(r.area)!, ...laid.positions.get(keys[i]!)! }));
          const seen = new Set([keys[0]!]);
          const todo = [keys[0]!];
          while (todo.length) {
            const k = todo.pop()!;
            for (const arrow of ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"] as const) {
              const next = nextGraphKey(placed, k, arrow);
              if (next && !seen.has(next)) {
                seen.add(next);
                todo.push(next);
              }
            }
          }
          expect(seen.size).toBe(keys.length);
        },
      ),
    );
  });
});
