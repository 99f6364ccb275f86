"use client";

import { Area, AreaChart, CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { groupClaimMarks, type ClaimMark, type ClaimMarkGroup } from "@/lib/charts/claim-marks";
import type { StatusPoint } from "@/lib/charts/status-over-time";
import { timeTicks } from "@/lib/charts/time-ticks";
import { markInk, VERDICT_LETTERS } from "@/lib/charts/verdict-marks";
import { statusLabel, verdictLabel } from "@/lib/labels";
import { STATUSES } from "@/lib/status";
import { STATUS_COLORS, VERDICT_COLORS } from "@/lib/status-colors";
import { ClaimVerdictLegend } from "../timeline/claim-verdict-legend";
import { IllustrativeMark } from "../ui/illustrative-mark";

export type { ClaimMark };

const toTime = (date: string) => Date.parse(`${date}T00:00:00Z`);
const tipDate = (t: unknown) => new Date(Number(t)).toISOString().slice(0, 10);

/** The time axis both charts share: month or year ticks that never repeat a label. */
function timeAxis(min: number, max: number) {
  const ticks = timeTicks(min, max);
  const labelOf = new Map(ticks.map((k) => [k.t, k.label]));
  return {
    dataKey: "t",
    type: "number" as const,
    scale: "time" as const,
    domain: [min, max],
    ticks: ticks.map((k) => k.t),
    tickFormatter: (t: number) => labelOf.get(t) ?? "",
    fontSize: 11,
  };
}

/** An item-count axis that ends at the number of items. */
const countAxis = (items: number) => ({ allowDecimals: false, domain: [0, items], fontSize: 11, width: 32 });

const DAY_MS = 86_400_000;

/** Where the chart passes the evidence horizon: from the day after it to the chart's end, or null. */
function pastHorizon(factsUntil: string | null | undefined, max: number): number | null {
  if (!factsUntil) return null;
  const from = toTime(factsUntil) + DAY_MS;
  return from <= max ? from : null;
}

/** The segment after the evidence horizon, shaded and labelled on the chart (DESIGN §13). */
/** A time chart's grid, axes, tooltip and, past the evidence horizon, the illustrative band. */
function timeGrid(min: number, max: number, items: number, illustrativeFrom: number | null) {
  return [
    <CartesianGrid key="grid" stroke="#e2e8f0" />,
    <XAxis key="x" {...timeAxis(min, max)} />,
    <YAxis key="y" {...countAxis(items)} />,
    <Tooltip key="tip" labelFormatter={tipDate} />,
    horizonArea(illustrativeFrom, max),
  ];
}

function horizonArea(from: number | null, max: number) {
  return from === null ? null : (
    <ReferenceArea
      key="horizon"
      x1={from}
      x2={max}
      fill="#fef3c7"
      fillOpacity={0.5}
      stroke="#b45309"
      strokeDasharray="4 2"
      ifOverflow="hidden"
      label={{ value: "illustrative", position: "insideTopRight", fontSize: 11, fill: "#78350f" }}
    />
  );
}

/** The caption's words for the shaded segment: colour never alone. */
function HorizonCaption({ factsUntil, from }: { factsUntil: string | null | undefined; from: number | null }) {
  return from === null || !factsUntil ? null : (
    <>
      {" "}
      Shaded after {factsUntil}: <IllustrativeMark factsUntil={factsUntil} testId="chart-illustrative-mark" /> (past the evidence horizon).
    </>
  );
}

/** A legend in HTML, in the order given: readable, wrapping on a phone, and the same order as the work flows. */
function ChartLegend({ entries }: { entries: { name: string; color: string; dashed?: boolean }[] }) {
  return (
    <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-700">
      {entries.map((e) => (
        <li key={e.name} className="flex items-center gap-1">
          <svg width="18" height="8" aria-hidden="true">
            <line x1="0" y1="4" x2="18" y2="4" stroke={e.color} strokeWidth={e.dashed ? 1.5 : 3} strokeDasharray={e.dashed ? "3 2" : undefined} />
          </svg>
          {e.name}
        </li>
      ))}
    </ul>
  );
}

/**
 * A claim marker: a diamond in the verdict's colour with its letter (the legend says it in words),
 * the number of claims beside a group, its claims named on hover (title) and on focus (a label).
 */
function ClaimMarker({ group, viewBox }: { group: ClaimMarkGroup; viewBox?: { x?: number; y?: number } }) {
  const x = viewBox?.x ?? 0;
  const y = (viewBox?.y ?? 0) + 3;
  const count = group.claims.length;
  const fill = VERDICT_COLORS[group.verdict];
  return (
    <g tabIndex={0} role="img" aria-label={`Public claim${count > 1 ? "s" : ""}: ${group.label}`} className="claim-marker outline-none">
      <title>{group.label}</title>
      <path d={`M ${x} ${y - 7} L ${x + 7} ${y} L ${x} ${y + 7} L ${x - 7} ${y} Z`} fill={fill} stroke="#fff" strokeWidth={1} />
      <text className="claim-marker-letter" x={x} y={y + 3} fontSize={9} fontWeight={700} textAnchor="middle" fill={markInk(fill)}>
        {VERDICT_LETTERS[group.verdict]}
      </text>
      {count > 1 && (
        <text className="claim-marker-count" x={x + 9} y={y + 4} fontSize={11} fill="#334155">
          {count}
        </text>
      )}
      <text className="claim-marker-label" x={x} y={y + 20} fontSize={11} textAnchor="middle" fill="#0f172a">
        {group.claims.map((c) => `${c.date} ${verdictLabel(c.verdict)}`).join(", ")}
      </text>
    </g>
  );
}

/**
 * Burn-up: verified against reported, for done and for started work, with scope, and the public
 * claims on the time axis marked by their verdict on their date, in colour and by letter, with a
 * legend of the verdicts shown.
 */
export function BurnUpChart({ series, claims, factsUntil }: { series: StatusPoint[]; claims: ClaimMark[]; factsUntil?: string | null }) {
  const data = series.map((p) => ({
    t: toTime(p.date),
    scope: p.scope,
    verified: p.verifiedDone,
    reported: p.reportedDone,
    verifiedStarted: p.verifiedStarted,
    reportedStarted: p.reportedStarted,
  }));
  const asOf = data.at(-1)?.t ?? 0;
  // The axis spans every claim shown (those made by asOf), even one before the first item.
  const claimTimes = claims.map((c) => toTime(c.date)).filter((t) => t <= asOf);
  const min = Math.min(data[0]?.t ?? asOf, ...claimTimes);
  const max = asOf;
  const items = Math.max(1, ...data.map((d) => d.scope));
  const groups = groupClaimMarks(claims, min, max, (max - min) / 40);
  const illustrativeFrom = pastHorizon(factsUntil, max);
  const lines = [
    { key: "scope", name: "scope (items)", color: "#64748b", dashed: true },
    { key: "reportedStarted", name: "reported started", color: "#fdba74", dashed: true },
    { key: "verifiedStarted", name: "verified started", color: "#6366f1", dashed: true },
    { key: "reported", name: "reported done", color: "#f97316" },
    { key: "verified", name: "verified done", color: "#059669" },
  ];
  return (
    <figure aria-label="Burn-up: verified against reported, for done and started work, and scope over time, with public claims marked by verdict">
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={data} margin={{ top: 16, right: 16, bottom: 16, left: 0 }}>
          {timeGrid(min, max, items, illustrativeFrom)}
          {lines.map((l) => (
            <Line
              key={l.key}
              type="stepAfter"
              dataKey={l.key}
              name={l.name}
              stroke={l.color}
              dot={false}
              strokeDasharray={l.dashed ? "4 3" : undefined}
              strokeWidth={l.key === "verified" ? 2.5 : 1.5}
              isAnimationActive={false}
            />
          ))}
          {groups.map((g) => (
            <ReferenceLine key={g.t} x={g.t} stroke={VERDICT_COLORS[g.verdict]} strokeDasharray="2 2" label={<ClaimMarker group={g} />} />
          ))}
        </LineChart>
      </ResponsiveContainer>
      <ChartLegend entries={lines} />
      <ClaimVerdictLegend verdicts={groups.map((g) => g.verdict)} shape="diamond" testId="burn-up-verdict-legend" />
      <figcaption className="mt-1 text-xs text-slate-600">
        Diamonds: public claims made by this date ({claimTimes.length}), lettered and coloured by their verdict on their date; a number
        beside one counts claims too close together to draw apart, marked by the worst of them — hover or focus a diamond to read each.
        Verified counts only transitions a second person confirmed.
        <HorizonCaption factsUntil={factsUntil} from={illustrativeFrom} />
      </figcaption>
    </figure>
  );
}

/** Cumulative flow of true status: how many items sat at each level, week by week. */
export function CumulativeFlowChart({ series, factsUntil }: { series: StatusPoint[]; factsUntil?: string | null }) {
  const data = series.map((p) => ({ t: toTime(p.date), ...p.byTrueStatus }));
  const [min, max] = [data[0]?.t ?? 0, data.at(-1)?.t ?? 0];
  const items = Math.max(1, ...series.map((p) => p.scope));
  const illustrativeFrom = pastHorizon(factsUntil, max);
  return (
    <figure aria-label="Cumulative flow of true status over time">
      <ResponsiveContainer width="100%" height={260}>
        <AreaChart data={data} margin={{ top: 16, right: 16, bottom: 0, left: 0 }}>
          {timeGrid(min, max, items, illustrativeFrom)}
          {/* Stacked done at the bottom, so the bands rise in the order work flows. */}
          {[...STATUSES].reverse().map((s) => (
            <Area
              key={s}
              type="stepAfter"
              dataKey={s}
              name={statusLabel(s)}
              stackId="1"
              stroke={STATUS_COLORS[s]}
              fill={STATUS_COLORS[s]}
              fillOpacity={0.7}
              isAnimationActive={false}
            />
          ))}
        </AreaChart>
      </ResponsiveContainer>
      <ChartLegend entries={STATUSES.map((s) => ({ name: statusLabel(s), color: STATUS_COLORS[s] }))} />
      <figcaption className="mt-1 text-xs text-slate-600">
        True status only: unverified progress does not count.
        <HorizonCaption factsUntil={factsUntil} from={illustrativeFrom} />
      </figcaption>
    </figure>
  );
}
