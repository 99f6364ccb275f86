import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cycleClosedBy, findPath } from "@/lib/graph";
import { ancestorsOf, dependencyChoices, descendantsOf } from "@/lib/graph-lineage";

const edges = (pairs: Record<string, string[]>) => new Map(Object.entries(pairs));

/** A random DAG: item i depends only on items before it; keys shuffled so key order means nothing. */
const dagArb = fc
  .integer({ min: 1, max: 12 })
  .chain((n) =>
    fc.tuple(
      fc.array(fc.array(fc.nat(), { maxLength: 3 }), { minLength: n, maxLength: n }),
      fc.shuffledSubarray(
        Array.from({ length: n }, (_, i) => `K${i}`),
        { minLength: n, maxLength: n },
      ),
    ),
  )
  .map(([deps, keys]) => new Map(keys.map((k, i) => [k, i === 0 ? [] : [...new Set(deps[i]!.map((d) => keys[d % i]!))]])));

describe("ancestors and descendants", () => {
  // B and C depend on A; D depends on B and C; E stands alone.
  const diamond = edges({ A: [], B: ["A"], C: ["A"], D: ["B", "C"], E: [] });

  it("follows dependencies all the way down, and dependents all the way up", () => {
    expect(ancestorsOf(diamond, "D")).toEqual(["A", "B", "C"]);
    expect(ancestorsOf(diamond, "B")).toEqual(["A"]);
    expect(descendantsOf(diamond, "A")).toEqual(["B", "C", "D"]);
    expect(descendantsOf(diamond, "C")).toEqual(["D"]);
  });

  it("is empty for an item with no dependency, no dependent, or an unknown key", () => {
    expect(ancestorsOf(diamond, "A")).toEqual([]);
    expect(descendantsOf(diamond, "D")).toEqual([]);
    expect(ancestorsOf(diamond, "E")).toEqual([]);
    expect(descendantsOf(diamond, "E")).toEqual([]);
    expect(ancestorsOf(diamond, "Z")).toEqual([]);
  });

  it("ends on a cycle (never stored, but a walk must not hang) and leaves the item itself out", () => {
    const loop = edges({ A: ["C"], B: ["A"], C: ["B"] });
    expect(ancestorsOf(loop, "A")).toEqual(["B", "C"]);
    expect(descendantsOf(loop, "A")).toEqual(["B", "C"]);
  });

  it("walks a 10,000-deep chain without overflowing the stack", () => {
    const chain = new Map(Array.from({ length: 10_000 }, (_, i) => [`K${i}`, i === 0 ? [] : [`K${i - 1}`]]));
    expect(ancestorsOf(chain, "K9999")).toHaveLength(9_999);
    expect(descendantsOf(chain, "K0")).toHaveLength(9_999);
  });

  it("ancestors are exactly the items a dependency path leads to", () => {
    fc.assert(
      fc.property(dagArb, (dag) => {
        for (const k of dag.keys()) {
          const expected = [...dag.keys()].filter((j) => j !== k && findPath(dag, k, j) !== null).sort();
          expect(ancestorsOf(dag, k)).toEqual(expected);
        }
      }),
    );
  });

  it("a is an ancestor of b exactly when b is a descendant of a; an item is never its own", () => {
    fc.assert(
      fc.property(dagArb, (dag) => {
        for (const a of dag.keys()) {
          expect(ancestorsOf(dag, a)).not.toContain(a);
          expect(descendantsOf(dag, a)).not.toContain(a);
          for (const b of dag.keys()) expect(ancestorsOf(dag, b).includes(a)).toBe(descendantsOf(dag, a).includes(b));
        }
      }),
    );
  });

  it("the ancestors of an item hold the dependencies of each of them (closed downward)", () => {
    fc.assert(
      fc.property(dagArb, (dag) => {
        for (const k of dag.keys()) {
          const set = new Set(ancestorsOf(dag, k));
          for (const x of set) for (const d of dag.get(x)!) expect(set.has(d)).toBe(true);
        }
      }),
    );
  });
});

describe("dependency choices", () => {
  it("offers exactly the keys whose edge the rule accepts: not the item, not a dependency it has, none that closes a cycle", () => {
    fc.assert(
      fc.property(dagArb, fc.nat(), (dag, pick) => {
        const keys = [...dag.keys()];
        const key = keys[pick % keys.length]!;
        const offered = new Set(dependencyChoices(keys, dag, key));
        for (const k of keys) {
          const accepted = k !== key && !dag.get(key)!.includes(k) && cycleClosedBy(dag, key, k) === null;
          expect(offered.has(k)).toBe(accepted);
        }
      }),
    );
  });

  it("keeps the order it was given", () => {
    expect(dependencyChoices(["E", "A", "C"], edges({ A: [], B: ["A"], C: [], E: [] }), "B")).toEqual(["E", "C"]);
  });
});
