import type { StatusPoint } from "../charts/status-over-time";
import { statusLabel } from "../labels";
import { STATUSES } from "../status";
import { STATUS_COLORS } from "../status-colors";

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
  x: (ms: number) => number;
  y: (v: number) => number;
  axes: string;
}

/** Scales, grid and axis labels (ticks on the first of a month, about six of them). */
function frame(series: readonly StatusPoint[], max: number): Frame {
  const x0 = t(series[0]!.date);
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
  return { x, y, axes: parts.join("") };
}

/** A step line (the value holds until the next point), as the dashboard draws it. */
function stepPath(points: readonly [number, number][]): string {
  return points.map(([px, py], i) => (i === 0 ? `M${n(px)},${n(py)}` : `H${n(px)}V${n(py)}`)).join("");
}

function legend(entries: readonly { label: string; color: string; dash?: boolean }[]): string {
  let x = M.left;
  return entries
    .map((e) => {
      const item =
        `<line x1="${x}" x2="${x + 16}" y1="12" y2="12" stroke="${e.color}" stroke-width="3"${e.dash ? ' stroke-dasharray="4 3"' : ""}/>` +
        `<text x="${x + 20}" y="15" class="legend">${escapeXml(e.label)}</text>`;
      x += 28 + e.label.length * 5.6;
      return item;
    })
    .join("");
}

const STYLE = `<style>.tick{font:9px sans-serif;fill:#475569}.legend{font:10px sans-serif;fill:#1e293b}</style>`;

function svg(label: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${escapeXml(label)}">${STYLE}${body}</svg>`;
}

/** Burn-up: verified done against reported done and scope, public claims marked in red. */
export function burnUpSvg(series: readonly StatusPoint[], claims: readonly { date: string }[] = []): string {
  const label = "Burn-up: verified done, reported done and scope over time";
  if (series.length === 0) return svg(label, `<text x="${W / 2}" y="${H / 2}" text-anchor="middle" class="legend">No item in the program yet.</text>`);
  const max = Math.max(...series.map((p) => p.scope));
  const f = frame(series, max);
  const line = (pick: (p: StatusPoint) => number) => stepPath(series.map((p) => [f.x(t(p.date)), f.y(pick(p))]));
  const [first, last] = [t(series[0]!.date), t(series[series.length - 1]!.date)];
  const marks = claims
    .map((c) => t(c.date))
    .filter((ms) => ms >= first && ms <= last)
    .map(
      (ms) =>
        `<line x1="${n(f.x(ms))}" x2="${n(f.x(ms))}" y1="${M.top}" y2="${H - M.bottom}" stroke="#be123c" stroke-dasharray="2 2"/>` +
        `<path d="M${n(f.x(ms))},${M.top - 7}l4,4l-4,4l-4,-4z" fill="#be123c"/>`,
    )
    .join("");
  return svg(
    label,
    f.axes +
      marks +
      `<path d="${line((p) => p.scope)}" fill="none" stroke="#64748b" stroke-width="1.5" stroke-dasharray="4 3"/>` +
      `<path d="${line((p) => p.reportedDone)}" fill="none" stroke="#f97316" stroke-width="1.5"/>` +
      `<path d="${line((p) => p.verifiedDone)}" fill="none" stroke="#059669" stroke-width="2.5"/>` +
      legend([
        { label: "scope (items)", color: "#64748b", dash: true },
        { label: "reported done", color: "#f97316" },
        { label: "verified done", color: "#059669" },
        ...(marks ? [{ label: "public claim", color: "#be123c" }] : []),
      ]),
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
