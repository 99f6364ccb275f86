import { describe, expect, it } from "vitest";
import { describeMissingEvidence, missingEvidence } from "@/lib/gates";
import { cycleClosedBy, findCycle, formatCycle } from "@/lib/graph";

describe("evidence gates", () => {
  it("needs nothing to enter design and a design_doc to enter build", () => {
    expect(missingEvidence("design", [])).toEqual([]);
    expect(missingEvidence("build", []).map((g) => g.status)).toEqual(["build"]);
    expect(missingEvidence("build", [{ kind: "design_doc" }])).toEqual([]);
  });

  it("is cumulative and names every missing piece", () => {
    const missing = missingEvidence("done", [{ kind: "code_change" }, { kind: "deployment", fleetPercent: 99 }]);
    expect(missing.map((g) => g.status)).toEqual(["build", "rollout", "done"]);
    expect(describeMissingEvidence("done", missing)).toContain("a deployment with fleetPercent = 100");
    expect(describeMissingEvidence("done", missing)).toContain("a design_doc");
  });

  it("accepts a full set of evidence for done", () => {
    const pool = [
      { kind: "design_doc" as const },
      { kind: "code_change" as const },
      { kind: "test_report" as const },
      { kind: "deployment" as const, fleetPercent: 100 },
    ];
    expect(missingEvidence("done", pool)).toEqual([]);
  });
});

describe("dependency graph", () => {
  const edges = new Map([
    ["A", ["B"]],
    ["B", ["C"]],
    ["C", []],
  ]);

  it("names the cycle an edge would close", () => {
    expect(formatCycle(cycleClosedBy(edges, "C", "A")!)).toBe("C -> A -> B -> C");
    expect(cycleClosedBy(edges, "A", "C")).toBeNull();
    expect(formatCycle(cycleClosedBy(edges, "A", "A")!)).toBe("A -> A");
  });

  it("finds a cycle in a graph, or none in a DAG", () => {
    expect(findCycle(edges)).toBeNull();
    const cyclic = new Map([...edges, ["C", ["A"]]]);
    expect(formatCycle(findCycle(cyclic)!)).toBe("A -> B -> C -> A");
  });

  it("survives a deep chain without overflowing the stack", () => {
    const n = 50_000;
    const chain = new Map(Array.from({ length: n }, (_, i) => [`K${i}`, i + 1 < n ? [`K${i + 1}`] : []]));
    expect(findCycle(chain)).toBeNull();
  });
});
