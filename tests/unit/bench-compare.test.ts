import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareRuns, describeComparison, medianRun, type RunRecord } from "@/bench/compare-runs";

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

describe("medianRun", () => {
  it("is the run itself when there is one", () => {
    const one = run("a", { readiness: { "64": { value: 2.5, first: 30 }, "10000": null } });
    expect(medianRun([one]).measurements).toEqual(one.measurements);
  });

  it("takes each figure's median over the runs that have it, whatever their order (property)", () => {
    const figure = fc.option(fc.record({ value: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: null }), first: fc.integer({ min: 1, max: 5000 }) }), { nil: null });
    fc.assert(
      fc.property(
        fc.array(figure, { minLength: 1, maxLength: 5 }).chain((figures) => fc.tuple(fc.constant(figures), fc.shuffledSubarray(figures, { minLength: figures.length, maxLength: figures.length }))),
        ([figures, shuffledFigures]) => {
          const shuffled = shuffledFigures.map((f, n) => run(`c${n}`, { readiness: { "1000": f } }));
          const median = (xs: number[]) => {
            const s = [...xs].sort((a, b) => a - b);
            return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
          };
          const present = figures.filter((f) => f !== null);
          const values = present.map((f) => f.value).filter((v): v is number => v !== null);
          const expected = present.length === 0 ? null : { value: values.length ? median(values) : null, first: median(present.map((f) => f.first)) };
          expect(medianRun(shuffled).measurements[0]!.sizes["1000"]).toEqual(expected);
        },
      ),
    );
  });

  it("lets a figure that moved in one run of three pass, and one that moved in two fail", () => {
    const base = run("a", { readiness: { "10000": { value: 100 } } });
    const at = (v: number) => run("b", { readiness: { "10000": { value: v } } });
    expect(compareRuns(base, medianRun([at(100), at(150), at(104)]), 0.1, UNITS).worse).toEqual([]);
    expect(compareRuns(base, medianRun([at(100), at(150), at(130)]), 0.1, UNITS).worse.map((w) => w.after)).toEqual([130]);
  });

  it("shows the median of two runs rounded as a person reads it", () => {
    const c = compareRuns(run("a", { readiness: { "64": { value: 5.1 } } }), medianRun([run("b", { readiness: { "64": { value: 7.55 } } }), run("b", { readiness: { "64": { value: 7.550000000000001 + 0.1 } } })]), 0.1, UNITS);
    expect(c.worse[0]?.after).toBeCloseTo(7.6, 10);
    expect(describeComparison(c, "x.json").at(-1)).toBe("  ×1.49  the readiness at 64 items: 5.1 → 7.6");
  });
});

describe("npm run bench:compare", () => {
  const cli = (...args: string[]) => execFileSync(process.execPath, ["--import", "tsx", path.join("bench", "compare.ts"), ...args], { encoding: "utf8", stdio: "pipe" });

  it("compares the medians of the runs on each side", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-compare-"));
    const write = (name: string, r: RunRecord) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, JSON.stringify({ ...r, measurements: r.measurements.map((m) => ({ ...m, unit: "ms" })) }));
      return file;
    };
    const before = write("before.json", run("aaaaaaa", { readiness: { "10000": { value: 100 } } }));
    const later = [120, 150, 104].map((v, n) => write(`after-${n}.json`, run("bbbbbbb", { readiness: { "10000": { value: v } } })));
    const out = cli(before, later.join(","));
    expect(out).toContain("1 figure(s) more than 10 % worse");
    expect(out).toContain("the readiness at 10,000 items: 100 → 120");
    expect(cli(before, later[2]!)).toContain("no figure more than 10 % worse");
  });

  it("says in one line which file it could not read, and exits non-zero", () => {
    let failure: { status: number; stderr: string } | null = null;
    try {
      cli("/nonexistent/before.json", "/nonexistent/after.json");
    } catch (error) {
      failure = error as { status: number; stderr: string };
    }
    expect(failure?.status).toBe(1);
    expect(failure?.stderr.trim().split("\n")).toHaveLength(1);
    expect(failure?.stderr).toMatch(/^bench:compare: \/nonexistent\/before\.json: ENOENT/);
  });
});
