"use client";

import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { useLayoutEffect, useRef, useState } from "react";
import { shortSpeaker } from "@/lib/charts/claim-marks";
import { placeClaimLabels, type ClaimLabelSlot } from "@/lib/charts/place-claim-labels";
import { markInk, VERDICT_LETTERS } from "@/lib/charts/verdict-marks";
import { SCHEDULE_STATE_LABELS, statusLabel, verdictLabel } from "@/lib/labels";
import type { TimelineModel, TimelineRow } from "@/lib/schedule/timeline-model";
import { STATUS_COLORS, VERDICT_COLORS } from "@/lib/status-colors";
import { ClaimVerdictLegend } from "./claim-verdict-legend";

const ROW = 28;
const HEADER = 64;
const LABEL_WIDTH = 320;
// Past this many rows only those near the screen are drawn.
const VIRTUAL_FROM = 200;
/** Pixels per day when zoomed in; the whole-program view fits the width. */
const PX_PER_DAY = { quarter: null, month: 2.2, week: 14 } as const;
const STATE_COLOR = { impossible: "#b91c1c", at_risk: "#b45309", on_track: "#475569", no_target: "#475569", done: "#047857" } as const;

type Line = { kind: "lane"; area: string; count: number } | { kind: "item"; row: TimelineRow };

const pct = (at: number, days: number) => `${(100 * at) / days}%`;

/** About how many days a short label (a key, a quarter) spans: one that would run past the right edge is never drawn cut. */
const labelDays = (days: number, px: number | null) => (px === null ? days * 0.045 : 48 / px);
/** The whole-program chart's width before it is measured: claim labels laid out for it only spread out on a wider chart. */
const FIRST_WIDTH_PX = 600;
/** The baseline of each row of claim markers in the header. */
const claimRowY = (row: number) => 13 + row * 13;

/**
 * The timeline as bars on a time axis: one row per item in area lanes, a bar from earliest start to
 * earliest finish coloured by true status, the item's target as a diamond (red when impossible),
 * arrows from each dependency, the critical path outlined, the asOf line, the program's finish and
 * target, and the public claims on the axis, each lettered by its verdict with a legend below.
 * Every mark says in words what it is (titles, labels).
 */
export function TimelineChart({ model, itemHref, claimHref }: { model: TimelineModel; itemHref: Record<string, string>; claimHref: Record<string, string> }) {
  const lines: Line[] = model.lanes.flatMap((l): Line[] => [{ kind: "lane", area: l.area, count: l.rows.length }, ...l.rows.map((row): Line => ({ kind: "item", row }))]);
  const indexOf = new Map<string, number>();
  lines.forEach((l, i) => l.kind === "item" && indexOf.set(l.row.key, i));
  const rowsRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => setMargin(rowsRef.current ? rowsRef.current.getBoundingClientRect().top + window.scrollY : 0), []);
  const virtual = lines.length > VIRTUAL_FROM;
  const virtualizer = useWindowVirtualizer({ count: lines.length, estimateSize: () => ROW, overscan: 12, scrollMargin: margin, enabled: virtual });
  const visible = virtual ? virtualizer.getVirtualItems().map((v) => v.index) : lines.map((_, i) => i);
  const height = lines.length * ROW;
  const px = PX_PER_DAY[model.zoom];
  const width = px === null ? "100%" : `${Math.ceil(model.days * px)}px`;
  const x = (at: number) => pct(at, model.days);
  const nearEnd = (at: number) => at + labelDays(model.days, px) > model.days;
  const yMid = (i: number) => i * ROW + ROW / 2;
  // The whole-program chart fits its box: claim labels are laid out for the box's width in pixels.
  const [boxWidth, setBoxWidth] = useState(FIRST_WIDTH_PX);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const measure = () => setBoxWidth(el.clientWidth || FIRST_WIDTH_PX);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const claimLabels = model.claims.map((c) => shortSpeaker(c.speaker));
  const claimSlots = placeClaimLabels(
    model.claims.map((c, n) => ({ at: c.at, label: claimLabels[n]! })),
    model.days,
    px ?? boxWidth / model.days,
  );

  // Zoomed in, open on the asOf line rather than the program's first day.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el && px !== null) el.scrollLeft = Math.max(0, model.today.at * px - el.clientWidth / 3);
  }, [px, model.today.at]);

  return (
    <>
      <div className="flex rounded border border-slate-200 bg-white">
        <div className="shrink-0 border-r border-slate-200" style={{ width: LABEL_WIDTH }}>
          <div className="flex items-end border-b border-slate-200 px-2 pb-1 text-xs text-slate-600" style={{ height: HEADER }}>
            Item · true status · promised date
          </div>
          <div ref={rowsRef} className="relative" style={{ height }}>
            {visible.map((i) => {
              const line = lines[i]!;
              return (
                <div key={i} className="absolute inset-x-0 flex items-center gap-1 overflow-hidden px-2 text-xs" style={{ top: i * ROW, height: ROW }}>
                  {line.kind === "lane" ? (
                    <span className="truncate font-semibold text-slate-800" data-testid="timeline-lane">
                      {line.area} <span className="font-normal text-slate-600">({line.count})</span>
                    </span>
                  ) : (
                    <RowLabel row={line.row} href={itemHref[line.row.key]!} />
                  )}
                </div>
              );
            })}
          </div>
        </div>
        <div ref={scrollRef} className="min-w-0 flex-1 overflow-x-auto">
          {/* Groups, not images: the claims and bars inside are links, and an image hides its insides from screen readers. */}
          <svg width={width} height={HEADER} className="block border-b border-slate-200" role="group" aria-label="Time axis with public claims">
            {model.ticks.map((t) => (
              <g key={t.at}>
                <line x1={x(t.at)} x2={x(t.at)} y1={HEADER - 14} y2={HEADER} stroke="#cbd5e1" />
                {/* A tick too close to the edge for its label keeps its line: drawn leftwards, the label would sit on the one before. */}
                {!nearEnd(t.at) && (
                  <text x={x(t.at)} y={HEADER - 3} dx={3} fontSize={10} fill="#475569">
                    {t.label}
                  </text>
                )}
              </g>
            ))}
            {model.claims.map((c, n) => (
              <ClaimPin
                key={c.id}
                claim={c}
                href={claimHref[c.id]!}
                x={x(c.at)}
                y={claimRowY(claimSlots[n]!.row)}
                label={claimSlots[n]!.labelled ? claimLabels[n]! : null}
                side={claimSlots[n]!.side}
              />
            ))}
          </svg>
          <svg width={width} height={height} className="block" role="group" aria-label="Bars from earliest start to earliest finish, one per item">
            <defs>
              <marker id="timeline-arrow" viewBox="0 0 6 6" refX={6} refY={3} markerWidth={6} markerHeight={6} orient="auto">
                <path d="M0,0 L6,3 L0,6 z" fill="#94a3b8" />
              </marker>
            </defs>
            {model.ticks.map((t) => (
              <line key={t.at} x1={x(t.at)} x2={x(t.at)} y1={0} y2={height} stroke="#f1f5f9" />
            ))}
            {visible.map((i) => {
              const line = lines[i]!;
              if (line.kind === "lane") return <rect key={`lane-${i}`} x={0} width="100%" y={i * ROW} height={ROW} fill="#f8fafc" />;
              return <Bar key={line.row.key} row={line.row} y={i * ROW} x={x} minDays={model.days / 300} href={itemHref[line.row.key]!} nearEnd={nearEnd} />;
            })}
            {visible.flatMap((i) => {
              const line = lines[i]!;
              if (line.kind === "lane" || line.row.bar === null) return [];
              const to = line.row.bar.from;
              return line.row.dependsOn.flatMap((d) => {
                const j = indexOf.get(d);
                const dep = j === undefined ? null : (lines[j] as Extract<Line, { kind: "item" }>).row;
                const from = dep?.bar?.to ?? dep?.doneMark ?? null;
                if (j === undefined || from === null) return [];
                return [
                  <g key={`${d}->${line.row.key}`} data-testid="timeline-arrow">
                    <line x1={x(from)} x2={x(from)} y1={yMid(j)} y2={yMid(i)} stroke="#cbd5e1" />
                    <line x1={x(from)} x2={x(to)} y1={yMid(i)} y2={yMid(i)} stroke="#94a3b8" markerEnd="url(#timeline-arrow)" />
                  </g>,
                ];
              });
            })}
            <VerticalLine at={model.today.at} x={x} height={height} color="#4338ca" label={`as of ${model.today.date}`} testId="timeline-today" dash="" />
            <VerticalLine at={model.finish.at} x={x} height={height} color="#334155" label={`earliest finish ${model.finish.date}`} testId="timeline-finish" dash="2 3" />
            {model.target && (
              <VerticalLine
                at={model.target.at}
                x={x}
                height={height}
                color={model.target.state === "impossible" ? "#b91c1c" : "#047857"}
                label={`committed target ${model.target.date}${model.target.state ? ` (${SCHEDULE_STATE_LABELS[model.target.state]})` : ""}`}
                testId="timeline-target"
                dash="6 3"
              />
            )}
          </svg>
        </div>
      </div>
      <ClaimVerdictLegend verdicts={model.claims.map((c) => c.verdict)} shape="pin" testId="timeline-verdict-legend" />
    </>
  );
}

/**
 * A public claim on the time axis: a pin pointing down at its date, in its verdict's colour with
 * the verdict's letter, and beside it the speaker's name (when there is room) in dark text; date,
 * speaker and verdict in words in its title and accessible name. Drawn in its own coordinates at
 * the date, so the pin sits on the date whatever the chart's width.
 */
function ClaimPin({
  claim,
  href,
  x,
  y,
  label,
  side,
}: {
  claim: TimelineModel["claims"][number];
  href: string;
  x: string;
  y: number;
  label: string | null;
  side: ClaimLabelSlot["side"];
}) {
  const verdict = verdictLabel(claim.verdict);
  const fill = VERDICT_COLORS[claim.verdict];
  return (
    <a href={href} aria-label={`Claim of ${claim.date} by ${claim.speaker}: ${verdict} on its date`} data-testid="timeline-claim">
      <title>{`${claim.date} · ${claim.speaker} · ${verdict} on its date`}</title>
      <svg x={x} y={y} overflow="visible">
        <path d="M -6 -9 H 6 V -1 L 0 4 L -6 -1 Z" fill={fill} stroke="#fff" strokeWidth={0.8} />
        <text y={-2} fontSize={8.5} fontWeight={700} textAnchor="middle" fill={markInk(fill)} data-testid="timeline-claim-letter">
          {VERDICT_LETTERS[claim.verdict]}
        </text>
        {label !== null && (
          <text x={side === "right" ? 9 : -9} y={-1} fontSize={10} textAnchor={side === "right" ? "start" : "end"} fill="#334155" data-testid="timeline-claim-label">
            {label}
          </text>
        )}
      </svg>
    </a>
  );
}

function RowLabel({ row, href }: { row: TimelineRow; href: string }) {
  const promise = row.target ? `${row.target} ${SCHEDULE_STATE_LABELS[row.state]}` : row.state === "done" ? `done ${row.doneAt ?? ""}` : "";
  return (
    <>
      <a href={href} className="shrink-0 font-mono text-indigo-800 hover:underline" title={row.title}>
        {row.key}
      </a>
      <span className="truncate text-slate-700" title={row.title}>
        {statusLabel(row.trueStatus)}
        {row.critical && <strong className="text-slate-900"> · critical</strong>}
      </span>
      {promise && (
        <span className="ml-auto shrink-0 font-medium" style={{ color: STATE_COLOR[row.state] }} data-testid={`timeline-state-${row.key}`}>
          {promise}
        </span>
      )}
    </>
  );
}

function Bar({ row, y, x, minDays, href, nearEnd }: { row: TimelineRow; y: number; x: (at: number) => string; minDays: number; href: string; nearEnd: (at: number) => boolean }) {
  const words =
    row.bar === null
      ? `${row.key} ${row.title}: done ${row.doneAt ?? ""}`
      : `${row.key} ${row.title}: ${statusLabel(row.trueStatus)}, can start ${row.earliestStart}, finish ${row.earliestFinish}${row.target ? `, target ${row.target} (${SCHEDULE_STATE_LABELS[row.state]})` : ""}${row.critical ? ", on the critical path" : ""}`;
  return (
    <a href={href} aria-label={words} data-testid={`timeline-bar-${row.key}`}>
      <title>{words}</title>
      {row.bar !== null && (
        <rect
          x={x(row.bar.from)}
          // A zero-week item still shows as a sliver.
          width={x(Math.max(row.bar.to - row.bar.from, minDays))}
          y={y + 6}
          height={ROW - 12}
          rx={3}
          fill={STATUS_COLORS[row.trueStatus]}
          stroke={row.critical ? "#0f172a" : "none"}
          strokeWidth={row.critical ? 2 : 0}
        />
      )}
      {row.bar === null && row.doneMark !== null && (
        <text x={x(row.doneMark)} y={y + ROW / 2 + 4} fontSize={11} textAnchor="middle" fill={STATUS_COLORS.done}>
          ●
        </text>
      )}
      {/* The key after the bar's end, or before its start when the end is at the chart's edge. */}
      {row.bar !== null && (
        <text
          x={x(nearEnd(row.bar.to) ? row.bar.from : row.bar.to)}
          dx={nearEnd(row.bar.to) ? -4 : 4}
          textAnchor={nearEnd(row.bar.to) ? "end" : "start"}
          y={y + ROW / 2 + 4}
          fontSize={10}
          fill="#334155"
        >
          {row.key}
        </text>
      )}
      {row.targetMark !== null && (
        <text x={x(row.targetMark)} y={y + ROW / 2 + 5} fontSize={14} textAnchor="middle" fill={STATE_COLOR[row.state]} data-testid={`timeline-target-${row.key}`}>
          ◆
        </text>
      )}
    </a>
  );
}

function VerticalLine({ at, x, height, color, label, testId, dash }: { at: number; x: (at: number) => string; height: number; color: string; label: string; testId: string; dash: string }) {
  return (
    <g data-testid={testId} aria-label={label}>
      <title>{label}</title>
      <line x1={x(at)} x2={x(at)} y1={0} y2={height} stroke={color} strokeWidth={1.5} strokeDasharray={dash || undefined} />
    </g>
  );
}
