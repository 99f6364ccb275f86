import { formatPercentFloor } from "../format";
import { byCodePoint, type WeeklyReport } from "./report-model";

/** One figure or status that differs between two reports, as words a reader follows. */
export interface ReportDifference {
  kind: "figure" | "item" | "claim";
  what: string;
  was: string;
  now: string;
}

/** The headline figures, in reading order, as text (percentages floored as printed). */
export function headlineFigures(r: WeeklyReport): [string, string][] {
  const h = r.headline;
  return [
    ["items in the program", String(h.total)],
    ["done (verified)", String(h.done)],
    ["readiness", formatPercentFloor(h.readiness)],
    ["effort readiness", formatPercentFloor(h.effortReadiness)],
    ["done (reported)", String(h.reportedDone)],
    ["started (verified)", String(h.startedTrue)],
    ["started (reported)", String(h.startedReported)],
    ["inflated", String(h.inflated)],
    ["blocked", String(h.blocked)],
    ["critical path (weeks)", String(h.remainingWeeks)],
    ["earliest by dependencies", h.earliestByDependencies],
    ["forecast", h.forecastDate ?? "none"],
  ];
}

export interface DiffOptions {
  /** Compare reported status and claim verdicts too (a restatement); a week-to-week diff needs only true status. */
  full?: boolean;
}

/**
 * What differs between two reports: headline figures, then each item's true status (and, for a
 * restatement, reported status, the log head and claim verdicts). An item absent from one side is
 * "not in the program".
 */
export function diffReports(a: WeeklyReport, b: WeeklyReport, options: DiffOptions = {}): ReportDifference[] {
  const out: ReportDifference[] = [];
  const fa = new Map(headlineFigures(a));
  for (const [what, now] of headlineFigures(b)) {
    const was = fa.get(what)!;
    if (was !== now) out.push({ kind: "figure", what, was, now });
  }
  if (options.full) {
    if (a.forecast.reason !== b.forecast.reason)
      out.push({ kind: "figure", what: "forecast reason", was: a.forecast.reason ?? "—", now: b.forecast.reason ?? "—" });
    if (a.logHeadAtCutoff !== b.logHeadAtCutoff) out.push({ kind: "figure", what: "log head at the cutoff", was: a.logHeadAtCutoff, now: b.logHeadAtCutoff });
  }
  const ia = new Map(a.items.map((i) => [i.key, i]));
  const ib = new Map(b.items.map((i) => [i.key, i]));
  const absent = "not in the program";
  for (const key of [...new Set([...ia.keys(), ...ib.keys()])].sort(byCodePoint)) {
    const x = ia.get(key);
    const y = ib.get(key);
    if ((x?.trueStatus ?? absent) !== (y?.trueStatus ?? absent))
      out.push({ kind: "item", what: `${key} trueStatus`, was: x?.trueStatus ?? absent, now: y?.trueStatus ?? absent });
    if (options.full && x && y && x.reportedStatus !== y.reportedStatus)
      out.push({ kind: "item", what: `${key} reportedStatus`, was: x.reportedStatus, now: y.reportedStatus });
  }
  if (options.full) {
    const ca = new Map(a.claims.map((c) => [c.id, c]));
    for (const c of b.claims) {
      const p = ca.get(c.id);
      if (!p) continue;
      for (const field of ["verdictAtClaimDate", "verdictKnownThen", "verdictAtCutoff"] as const)
        if (p[field] !== c[field]) out.push({ kind: "claim", what: `claim ${c.id} ${field}`, was: p[field], now: c[field] });
    }
  }
  return out;
}

/** One line present in only one of two texts, numbered in its own text. */
export interface LineChange {
  op: "-" | "+";
  line: number;
  text: string;
}

/**
 * A line diff (longest common subsequence): "-" lines are only in `a`, "+" only in `b`. The
 * common head and tail are skipped first, so a few changed lines in a long report stay cheap.
 */
export function diffLines(a: string, b: string): LineChange[] {
  const x = a.split("\n");
  const y = b.split("\n");
  let head = 0;
  while (head < x.length && head < y.length && x[head] === y[head]) head++;
  let tail = 0;
  while (tail < x.length - head && tail < y.length - head && x[x.length - 1 - tail] === y[y.length - 1 - tail]) tail++;
  const xs = x.slice(head, x.length - tail);
  const ys = y.slice(head, y.length - tail);
  const n = xs.length;
  const m = ys.length;
  // lcs[i][j] = LCS length of xs[i..] and ys[j..], in one flat array.
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i * (m + 1) + j] = xs[i] === ys[j] ? lcs[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(lcs[(i + 1) * (m + 1) + j]!, lcs[i * (m + 1) + j + 1]!);
  const out: LineChange[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && xs[i] === ys[j]) {
      i++;
      j++;
    } else if (j >= m || (i < n && lcs[(i + 1) * (m + 1) + j]! >= lcs[i * (m + 1) + j + 1]!)) {
      out.push({ op: "-", line: head + i + 1, text: xs[i]! });
      i++;
    } else {
      out.push({ op: "+", line: head + j + 1, text: ys[j]! });
      j++;
    }
  }
  return out;
}
