import { describe, expect, it } from "vitest";
import { compareRuns, describeComparison, type RunRecord } from "@/bench/compare-runs";

type Sizes = Record<string, { value: number | null; first?: number } | null>;
const run = (commit: string, figures: Record<string, Sizes>): RunRecord => ({
  source: { commit },
  finishedAt: "2026-12-01T05:06:11.166Z",
  measurements: Object.entries(figures).map(([id, sizes]) => ({ id, label: `the ${id}`, sizes })),
});
const UNITS = { readiness: "ms", import: "ms", reportPdf: "ms", memoryPeak: "MiB", loadWritesAccepted: "", loadReadsPerSecond: "req/s" };

describe("compareRuns", () => {
  it("lists a figure more than 10 % worse, and leaves one within 10 % alone", () => {
    const before = run("aaaaaaaaa", { readiness: { "10000": { value: 100 } }, import: { "10000": { value: 20_000 } } });
    const after = run("bbbbbbbbb", { readiness: { "10000": { value: 120 } }, import: { "10000": { value: 21_000 } } });
    const c = compareRuns(before, after, 0.1, UNITS);
    expect(c.worse).toEqual([{ id: "readiness", label: "the readiness", size: 10_000, field: "value", before: 100, after: 120, worseBy: 1.2 }]);
    expect(c.commit).toBe("aaaaaaaaa");
  });

  it("judges a route's very first request as well as its median", () => {
    const before = run("a", { reportPdf: { "10000": { value: 15.8, first: 1913 } } });
    const after = run("b", { reportPdf: { "10000": { value: 16, first: 3617 } } });
    expect(compareRuns(before, after, 0.1, UNITS).worse.map((w) => [w.field, w.worseBy])).toEqual([["first", 1.89]]);
  });

  it("counts fewer writes or reads a second as worse, more as better", () => {
    const before = run("a", { loadWritesAccepted: { "10000": { value: 600 } }, loadReadsPerSecond: { "10000": { value: 400 } } });
    const fewer = run("b", { loadWritesAccepted: { "10000": { value: 300 } }, loadReadsPerSecond: { "10000": { value: 500 } } });
    expect(compareRuns(before, fewer, 0.1, UNITS).worse.map((w) => [w.id, w.worseBy])).toEqual([["loadWritesAccepted", 2]]);
  });

  it("leaves out tiny timings, the machine probe and absolute counts", () => {
    const before = run("a", { readiness: { "64": { value: 2 } }, generate: { "10000": { value: 1463 } }, loadWritesMissing: { "10000": { value: 1 } } });
    const after = run("b", { readiness: { "64": { value: 3 } }, generate: { "10000": { value: 2926 } }, loadWritesMissing: { "10000": { value: 4 } } });
    expect(compareRuns(before, after, 0.1, UNITS).worse).toEqual([]);
  });

  it("measures the machine by the largest bundle generated in both runs", () => {
    const before = run("a", { generate: { "64": { value: 10 }, "10000": { value: 1463 } } });
    const after = run("b", { generate: { "64": { value: 40 }, "1000": { value: 200 }, "10000": { value: 2633.4 } } });
    expect(compareRuns(before, after).machineSlowdown).toBe(1.8);
    expect(compareRuns(before, run("c", {})).machineSlowdown).toBeNull();
  });

  it("puts the worst first, and says it in lines a person reads", () => {
    const before = run("2646b47822", { readiness: { "10000": { value: 10 } }, import: { "10000": { value: 20_000 } }, generate: { "10000": { value: 1000 } } });
    const after = run("ffff", { readiness: { "10000": { value: 30 } }, import: { "10000": { value: 40_000 } }, generate: { "10000": { value: 1900 } } });
    const c = compareRuns(before, after, 0.1, UNITS);
    expect(c.worse.map((w) => w.id)).toEqual(["readiness", "import"]);
    expect(describeComparison(c, "bench/results.json")).toEqual([
      "against bench/results.json (app at 2646b47, 2026-12-01): 2 figure(s) more than 10 % worse",
      "  the machine: generating the largest bundle took 1.9× as long as then (above 1: a slower machine or day, and every figure with it)",
      "  ×3  the readiness at 10,000 items: 10 → 30",
      "  ×2  the import at 10,000 items: 20000 → 40000",
    ]);
    expect(describeComparison(compareRuns(before, before, 0.1, UNITS), "x.json")[0]).toBe("against x.json (app at 2646b47, 2026-12-01): no figure more than 10 % worse");
  });
});
