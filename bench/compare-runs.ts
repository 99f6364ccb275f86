/**
 * A run against an earlier one (by default the committed bench/results.json): which figures got
 * worse by more than a tolerance, and how fast the machine was compared with that run's, so that a
 * slower day is told apart from a slower app.
 */

interface Figure {
  value: number | null;
  first?: number;
}
export interface RunRecord {
  source?: { commit?: string };
  finishedAt?: string;
  measurements: { id: string; label: string; sizes: Record<string, Figure | null> }[];
}

export interface Change {
  id: string;
  label: string;
  size: number;
  /** "value" (the median or the single figure) or "first" (a route's very first request). */
  field: "value" | "first";
  before: number;
  after: number;
  /** after / before, or before / after where more is better: above 1 is worse either way. */
  worseBy: number;
}

export interface Comparison {
  commit: string | null;
  finishedAt: string | null;
  /**
   * How long generating the largest bundle took, against the earlier run: pure JavaScript in the
   * bench's own process, so a figure of the machine, not of the app (2 = half as fast).
   */
  machineSlowdown: number | null;
  /** Figures worse than `tolerance` allows, the worst first. */
  worse: Change[];
  tolerance: number;
}

/** Figures where more is better. */
const MORE_IS_BETTER = new Set(["loadReadsPerSecond", "loadWritesAccepted"]);
/**
 * Not judged: the machine probe and the bundle (inputs, not the app's answers), the load average,
 * and counts whose budget is absolute (no write may fail or go missing; any is a finding already).
 */
const NOT_JUDGED = new Set(["generate", "bundleMiB", "loadAverage", "loadWritesFailed", "loadWritesMissing"]);
// Below these a ratio is noise: a 2 ms read that became 2.4 ms is not a regression anyone feels.
const FLOOR: Record<string, number> = { ms: 5, MiB: 16 };

export function compareRuns(before: RunRecord, after: RunRecord, tolerance = 0.1, units: Record<string, string> = {}): Comparison {
  const worse: Change[] = [];
  for (const m of after.measurements) {
    if (NOT_JUDGED.has(m.id)) continue;
    const old = before.measurements.find((b) => b.id === m.id);
    if (!old) continue;
    for (const [size, figure] of Object.entries(m.sizes)) {
      const was = old.sizes[size];
      if (!figure || !was) continue;
      for (const field of ["value", "first"] as const) {
        const a = figure[field];
        const b = was[field];
        if (typeof a !== "number" || typeof b !== "number" || a <= 0 || b <= 0) continue;
        const floor = FLOOR[units[m.id] ?? ""] ?? 0;
        if (Math.max(a, b) < floor) continue;
        const worseBy = MORE_IS_BETTER.has(m.id) ? b / a : a / b;
        if (worseBy > 1 + tolerance) worse.push({ id: m.id, label: m.label.trim(), size: Number(size), field, before: b, after: a, worseBy: Math.round(worseBy * 100) / 100 });
      }
    }
  }
  worse.sort((x, y) => y.worseBy - x.worseBy);
  return {
    commit: before.source?.commit ?? null,
    finishedAt: before.finishedAt ?? null,
    machineSlowdown: machineSlowdown(before, after),
    worse,
    tolerance,
  };
}

function machineSlowdown(before: RunRecord, after: RunRecord): number | null {
  const probe = (r: RunRecord) => r.measurements.find((m) => m.id === "generate")?.sizes;
  const a = probe(after);
  const b = probe(before);
  if (!a || !b) return null;
  const size = Object.keys(a)
    .filter((s) => typeof a[s]?.value === "number" && typeof b[s]?.value === "number")
    .sort((x, y) => Number(y) - Number(x))[0];
  return size ? Math.round((a[size]!.value! / b[size]!.value!) * 100) / 100 : null;
}

/** The middle value (the mean of the two middle ones for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Several runs as one: each figure the median of the runs that have it (a single run of this
 * machine moves a dozen figures by more than 10 %, so the rule is judged on runs taken together).
 * Commit and date are the last run's.
 */
export function medianRun(runs: readonly RunRecord[]): RunRecord {
  if (runs.length === 0) throw new Error("no run to take the median of");
  const ids = [...new Set(runs.flatMap((r) => r.measurements.map((m) => m.id)))];
  const measurements = ids.map((id) => {
    const those = runs.flatMap((r) => r.measurements.filter((m) => m.id === id));
    const sizes: Record<string, Figure | null> = {};
    for (const size of new Set(those.flatMap((m) => Object.keys(m.sizes)))) {
      const figures = those.map((m) => m.sizes[size]).filter((f): f is Figure => !!f);
      const values = figures.map((f) => f.value).filter((v): v is number => typeof v === "number");
      const firsts = figures.map((f) => f.first).filter((v): v is number => typeof v === "number");
      sizes[size] = figures.length === 0 ? null : { value: values.length ? median(values) : null, ...(firsts.length ? { first: median(firsts) } : {}) };
    }
    return { id, label: those[0]!.label, sizes };
  });
  const last = runs[runs.length - 1]!;
  return { source: last.source, finishedAt: last.finishedAt, measurements };
}

/** A figure as a person reads it: the median of an even number of runs is a mean, with float noise. */
const shown = (x: number) => Math.round(x * 100) / 100;

/** The comparison as lines for the terminal. */
export function describeComparison(c: Comparison, file: string): string[] {
  const head = `against ${file} (app at ${c.commit?.slice(0, 7) ?? "?"}, ${c.finishedAt?.slice(0, 10) ?? "?"})`;
  const machine =
    c.machineSlowdown === null
      ? "the machine's speed could not be compared (no bundle generated at a common size)"
      : `the machine: generating the largest bundle took ${c.machineSlowdown}× as long as then (above 1: a slower machine or day, and every figure with it)`;
  const pct = Math.round(c.tolerance * 100);
  if (c.worse.length === 0) return [`${head}: no figure more than ${pct} % worse`, `  ${machine}`];
  return [
    `${head}: ${c.worse.length} figure(s) more than ${pct} % worse`,
    `  ${machine}`,
    ...c.worse.map((w) => `  ×${w.worseBy}  ${w.label}${w.field === "first" ? " (1st)" : ""} at ${w.size.toLocaleString("en")} items: ${shown(w.before)} → ${shown(w.after)}`),
  ];
}
