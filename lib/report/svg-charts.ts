import { groupClaimMarks, type ClaimMark } from "../charts/claim-marks";
import type { StatusPoint } from "../charts/status-over-time";
import { markInk, VERDICT_LETTERS } from "../charts/verdict-marks";
import { VERDICTS } from "../claims/claim-verdict";
import { statusLabel, verdictLabel } from "../labels";
import { STATUSES } from "../status";
import { STATUS_COLORS, VERDICT_COLORS } from "../status-colors";

export { VERDICT_LETTERS };

const W = 680;
const H = 210;
const M = { top: 30, right: 12, bottom: 26, left: 34 };
const DAY = 86_400_000;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const t = (date: string) => Date.parse(`${date}T00:00:00Z`);
const n = (v: number) => (Math.round(v * 10) / 10).toString();

interface Frame {
  /** The time axis, first and last instant. */
  x0: number;
  x1: number;
  x: (ms: number) => number;
  y: (v: number) => number;
  axes: string;
}

/** Scales, grid and axis labels (ticks on the first of a month, about six of them); the axis starts at `from` when earlier than the series. */
function frame(series: readonly StatusPoint[], max: number, from = Infinity): Frame {
  const x0 = Math.min(t(series[0]!.date), from);
  const x1 = Math.max(t(series[series.length - 1]!.date), x0 + DAY);
  const top = Math.max(1, max);
  const x = (ms: number) => M.left + ((ms - x0) / (x1 - x0)) * (W - M.left - M.right);
  const y = (v: number) => H - M.bottom - (v / top) * (H - M.top - M.bottom);
  const parts: string[] = [];
  const step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000].find((s) => s >= top / 5) ?? Math.ceil(top / 5);
  for (let v = 0; v <= top; v += step)
    parts.push(
      `<line x1="${M.left}" x2="${W - M.right}" y1="${n(y(v))}" y2="${n(y(v))}" stroke="#e2e8f0"/>`,
      `<text x="${M.left - 4}" y="${n(y(v) + 3)}" text-anchor="end" class="tick">${v}</text>`,
    );
  const months: number[] = [];
  const start = new Date(x0);
  for (let m = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1); m <= x1; ) {
    months.push(m);
    const d = new Date(m);
    m = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  }
  const every = Math.max(1, Math.ceil(months.length / 6));
  months
    .filter((_, i) => i % every === 0)
    .forEach((m) =>
      parts.push(
        `<line x1="${n(x(m))}" x2="${n(x(m))}" y1="${M.top}" y2="${H - M.bottom}" stroke="#f1f5f9"/>`,
        `<text x="${n(x(m))}" y="${H - M.bottom + 13}" text-anchor="middle" class="tick">${new Date(m).toISOString().slice(0, 7)}</text>`,
      ),
    );
  parts.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${H - M.bottom}" y2="${H - M.bottom}" stroke="#64748b"/>`);
  return { x0, x1, x, y, axes: parts.join("") };
}

/** A step line (the value holds until the next point), as the dashboard draws it. */
function stepPath(points: readonly [number, number][]): string {
  return points.map(([px, py], i) => (i === 0 ? `M${n(px)},${n(py)}` : `H${n(px)}V${n(py)}`)).join("");
}

interface LegendEntry {
  label: string;
  color: string;
  dash?: boolean;
  /** A claim marker with this letter instead of a line. */
  letter?: string;
}

const LEGEND_ROW = 14;

/** Where each legend entry goes, left to right from `x0`, on a new row when the next would pass the right edge. */
function legendLayout(entries: readonly LegendEntry[], top: number, x0: number): { x: number; y: number }[] {
  let [x, y] = [x0, top];
  return entries.map((e) => {
    const width = 28 + e.label.length * 5.6;
    if (x > x0 && x + width - 8 > W - M.right) [x, y] = [M.left, y + LEGEND_ROW];
    const at = { x, y };
    x += width;
    return at;
  });
}

function legend(entries: readonly LegendEntry[], top = 12, x0: number = M.left): string {
  const at = legendLayout(entries, top, x0);
  return entries
    .map((e, i) => {
      const { x, y } = at[i]!;
      const key =
        e.letter === undefined
          ? `<line x1="${x}" x2="${x + 16}" y1="${y}" y2="${y}" stroke="${e.color}" stroke-width="3"${e.dash ? ' stroke-dasharray="4 3"' : ""}/>`
          : claimMarker(x + 8, y, e.color, e.letter);
      return key + `<text x="${x + 20}" y="${y + 3}" class="legend">${escapeXml(e.label)}</text>`;
    })
    .join("");
}

/** A diamond in the verdict's colour centred on (cx, cy), its letter dark or white, whichever contrasts more (in greyscale too). */
function claimMarker(cx: number, cy: number, color: string, letter: string): string {
  const ink = markInk(color);
  return (
    `<path d="M${n(cx)},${n(cy - 6.5)}l6.5,6.5l-6.5,6.5l-6.5,-6.5z" fill="${color}" stroke="#fff" stroke-width="0.8"/>` +
    `<text x="${n(cx)}" y="${n(cy + 3)}" text-anchor="middle" class="mark" fill="${ink}">${escapeXml(letter)}</text>`
  );
}

const STYLE = `<style>.tick{font:9px sans-serif;fill:#475569}.legend{font:10px sans-serif;fill:#1e293b}.mark{font:bold 8.5px sans-serif}</style>`;

function svg(label: string, body: string, height = H): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${height}" width="100%" role="img" aria-label="${escapeXml(label)}">${STYLE}${body}</svg>`;
}

/**
 * Burn-up: verified done against reported done and scope, and the public claims on the time axis
 * as the dashboard marks them: a diamond per claim, or per claims too close together to tell
 * apart, in the colour and with the letter of its worst verdict on its date. Each diamond's title
 * names its claims; a second legend, below the chart, names the verdicts it shows.
 */
export function burnUpSvg(series: readonly StatusPoint[], claims: readonly ClaimMark[] = []): string {
  const label = "Burn-up: verified done, reported done and scope over time";
  if (series.length === 0) return svg(label, `<text x="${W / 2}" y="${H / 2}" text-anchor="middle" class="legend">No item in the program yet.</text>`);
  const max = Math.max(...series.map((p) => p.scope));
  const last = t(series[series.length - 1]!.date);
  // As on the dashboard, the axis reaches back to a claim made before the first item.
  const shown = claims.filter((c) => t(c.date) <= last);
  const f = frame(series, max, Math.min(...shown.map((c) => t(c.date))));
  const line = (pick: (p: StatusPoint) => number) => stepPath(series.map((p) => [f.x(t(p.date)), f.y(pick(p))]));
  // Groups at least a fortieth of the axis apart, as on the dashboard: diamonds never overlap.
  const groups = groupClaimMarks(shown, f.x0, f.x1, (f.x1 - f.x0) / 40);
  const rules = groups
    .map((g) => `<line x1="${n(f.x(g.t))}" x2="${n(f.x(g.t))}" y1="${M.top}" y2="${H - M.bottom}" stroke="${VERDICT_COLORS[g.verdict]}" stroke-dasharray="2 2"/>`)
    .join("");
  const marks = groups
    .map((g) => `<g class="claim"><title>${escapeXml(g.label)}</title>${claimMarker(f.x(g.t), M.top - 6, VERDICT_COLORS[g.verdict], VERDICT_LETTERS[g.verdict])}</g>`)
    .join("");
  const present = VERDICTS.filter((v) => groups.some((g) => g.verdict === v));
  const heading = "Claims by verdict on their date:";
  const headingWidth = heading.length * 5.6 + 8;
  const verdicts = present.map((v) => ({ label: verdictLabel(v), color: VERDICT_COLORS[v], letter: VERDICT_LETTERS[v] }));
  const legendTop = H + 6;
  const height = verdicts.length === 0 ? H : (legendLayout(verdicts, legendTop, M.left + headingWidth).at(-1)?.y ?? legendTop) + LEGEND_ROW - 4;
  return svg(
    label,
    f.axes +
      rules +
      `<path d="${line((p) => p.scope)}" fill="none" stroke="#64748b" stroke-width="1.5" stroke-dasharray="4 3"/>` +
      `<path d="${line((p) => p.reportedDone)}" fill="none" stroke="#f97316" stroke-width="1.5"/>` +
      `<path d="${line((p) => p.verifiedDone)}" fill="none" stroke="#059669" stroke-width="2.5"/>` +
      marks +
      legend([
        { label: "scope (items)", color: "#64748b", dash: true },
        { label: "reported done", color: "#f97316" },
        { label: "verified done", color: "#059669" },
      ]) +
      (verdicts.length === 0
        ? ""
        : `<text x="${M.left}" y="${legendTop + 3}" class="legend">${escapeXml(heading)}</text>` + legend(verdicts, legendTop, M.left + headingWidth)),
    height,
  );
}

/** Cumulative flow of true status: done at the bottom, not_started on top. */
export function cumulativeFlowSvg(series: readonly StatusPoint[]): string {
  const label = "Cumulative flow of true status over time";
  if (series.length === 0) return svg(label, `<text x="${W / 2}" y="${H / 2}" text-anchor="middle" class="legend">No item in the program yet.</text>`);
  const max = Math.max(...series.map((p) => p.scope));
  const f = frame(series, max);
  const order = [...STATUSES].reverse();
  const xs = series.map((p) => f.x(t(p.date)));
  const lastX = xs[xs.length - 1]!;
  const bands: string[] = [];
  const below = series.map(() => 0);
  for (const s of order) {
    const above = series.map((p, i) => below[i]! + p.byTrueStatus[s]);
    if (above.some((v, i) => v !== below[i])) {
      const upper = stepPath(xs.map((x, i) => [x, f.y(above[i]!)]));
      // Back along the lower edge, right to left, keeping the steps.
      let lower = `H${n(lastX)}V${n(f.y(below[below.length - 1]!))}`;
      for (let i = xs.length - 1; i > 0; i--) lower += `H${n(xs[i]!)}V${n(f.y(below[i - 1]!))}`;
      lower += `H${n(xs[0]!)}Z`;
      bands.push(`<path d="${upper}${lower}" fill="${STATUS_COLORS[s]}" fill-opacity="0.8" stroke="none"/>`);
    }
    above.forEach((v, i) => (below[i] = v));
  }
  return svg(
    label,
    f.axes + bands.join("") + legend(order.map((s) => ({ label: statusLabel(s), color: STATUS_COLORS[s] }))),
  );
}
