import { UTCDate } from "@date-fns/utc";
import { addMonths, addWeeks, format, startOfISOWeek, startOfMonth, startOfQuarter } from "date-fns";
import type { Verdict } from "../claims/claim-verdict";
import type { Status } from "../status";
import { DAY_MS, formatDate, toInstant } from "../time";
import type { ScheduleState } from "./schedule";
import type { ProgramScheduleRows, ScheduleRow } from "./schedule-of-snapshot";

/** How much time one screen shows: the whole program (quarters), or months or weeks to scroll through. */
export const ZOOMS = ["quarter", "month", "week"] as const;
export type Zoom = (typeof ZOOMS)[number];

export interface TimelineFilters {
  area: string | null;
  owner: string | null;
  /** Only items whose promised date is impossible or at risk. */
  risky: boolean;
}

export interface TimelineClaim {
  id: string;
  date: string;
  speaker: string;
  verdict: Verdict;
}

/** One item's row: its dates as day offsets from the start of the axis, and in words. */
export interface TimelineRow {
  key: string;
  title: string;
  ownerName: string | null;
  trueStatus: Status;
  state: ScheduleState;
  critical: boolean;
  /** A bar from earliest start to earliest finish (items not done). */
  bar: { from: number; to: number } | null;
  /** Where a done item became done. */
  doneMark: number | null;
  targetMark: number | null;
  earliestStart: string | null;
  earliestFinish: string | null;
  latestFinish: string | null;
  slackWeeks: number | null;
  target: string | null;
  doneAt: string | null;
  limitedBy: ScheduleRow["limitedBy"];
  dependsOn: string[];
}

export interface TimelineModel {
  start: string;
  days: number;
  zoom: Zoom;
  ticks: { at: number; label: string }[];
  today: { at: number; date: string };
  finish: { at: number; date: string };
  target: { at: number; date: string; state: ProgramScheduleRows["targetState"] } | null;
  claims: (TimelineClaim & { at: number })[];
  lanes: { area: string; rows: TimelineRow[] }[];
  /** Areas and owners to filter by (of every item, whatever is shown). */
  areas: string[];
  owners: { email: string; name: string }[];
  counts: { shown: number; total: number; impossible: number; atRisk: number };
}

const dayOf = (date: string) => toInstant(date);

function ticksFor(zoom: Zoom, start: number, end: number): { at: number; label: string }[] {
  const first = zoom === "quarter" ? startOfQuarter(new UTCDate(start)) : zoom === "month" ? startOfMonth(new UTCDate(start)) : startOfISOWeek(new UTCDate(start));
  const step = (d: Date) => (zoom === "quarter" ? addMonths(d, 3) : zoom === "month" ? addMonths(d, 1) : addWeeks(d, 1));
  const label = (d: Date) => (zoom === "quarter" ? `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${d.getUTCFullYear()}` : zoom === "month" ? format(d, "MMM yyyy") : format(d, "d MMM yy"));
  const ticks: { at: number; label: string }[] = [];
  for (let d: Date = first; d.getTime() <= end; d = step(d)) if (d.getTime() >= start) ticks.push({ at: (d.getTime() - start) / DAY_MS, label: label(d) });
  return ticks;
}

/**
 * The timeline of a schedule: items grouped in area lanes (areas by name, items by earliest start,
 * then key; done items after, by done date), the axis from the earliest date anything happened
 * (a done date, a claim, asOf) to the last date anything is due or can end, a week either side.
 */
export function timelineModel(schedule: ProgramScheduleRows, claims: readonly TimelineClaim[], filters: TimelineFilters, zoom: Zoom): TimelineModel {
  const all = schedule.items;
  const dates = [
    schedule.asOf,
    schedule.finish,
    ...(schedule.target ? [schedule.target] : []),
    ...claims.map((c) => c.date),
    ...all.flatMap((i) => [i.doneAt, i.target, i.earliestFinish].filter((d): d is string => d !== null)),
  ].map(dayOf);
  const start = Math.min(...dates) - 7 * DAY_MS;
  const end = Math.max(...dates) + 7 * DAY_MS;
  const at = (date: string | null) => (date === null ? null : (dayOf(date) - start) / DAY_MS);

  const shown = all.filter(
    (i) =>
      (filters.area === null || i.area === filters.area) &&
      (filters.owner === null || i.owner === filters.owner) &&
      (!filters.risky || i.state === "impossible" || i.state === "at_risk"),
  );
  const order = (a: ScheduleRow, b: ScheduleRow) =>
    (a.doneAt === null ? 0 : 1) - (b.doneAt === null ? 0 : 1) ||
    (a.earliestStart ?? a.doneAt ?? "").localeCompare(b.earliestStart ?? b.doneAt ?? "") ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  const areas = [...new Set(all.map((i) => i.area))].sort();
  const lanes = areas
    .map((area) => ({
      area,
      rows: shown
        .filter((i) => i.area === area)
        .sort(order)
        .map(
          (i): TimelineRow => ({
            key: i.key,
            title: i.title,
            ownerName: i.ownerName,
            trueStatus: i.trueStatus,
            state: i.state,
            critical: i.critical,
            bar: i.earliestStart === null || i.earliestFinish === null ? null : { from: at(i.earliestStart)!, to: at(i.earliestFinish)! },
            doneMark: at(i.doneAt),
            targetMark: at(i.target),
            earliestStart: i.earliestStart,
            earliestFinish: i.earliestFinish,
            latestFinish: i.latestFinish,
            slackWeeks: i.slackWeeks,
            target: i.target,
            doneAt: i.doneAt,
            limitedBy: i.limitedBy,
            dependsOn: i.dependsOn,
          }),
        ),
    }))
    .filter((l) => l.rows.length > 0);
  const owners = new Map<string, string>();
  for (const i of all) if (i.owner) owners.set(i.owner, i.ownerName ?? i.owner);

  return {
    start: formatDate(start),
    days: (end - start) / DAY_MS,
    zoom,
    ticks: ticksFor(zoom, start, end),
    today: { at: at(schedule.asOf)!, date: schedule.asOf },
    finish: { at: at(schedule.finish)!, date: schedule.finish },
    target: schedule.target === null ? null : { at: at(schedule.target)!, date: schedule.target, state: schedule.targetState },
    claims: claims.map((c) => ({ ...c, at: at(c.date)! })),
    lanes,
    areas,
    owners: [...owners].map(([email, name]) => ({ email, name })).sort((a, b) => a.name.localeCompare(b.name)),
    counts: {
      shown: shown.length,
      total: all.length,
      impossible: all.filter((i) => i.state === "impossible").length,
      atRisk: all.filter((i) => i.state === "at_risk").length,
    },
  };
}

/** A zoom from the URL; anything else is the whole program. */
export function parseZoom(raw: unknown): Zoom {
  return ZOOMS.includes(raw as Zoom) ? (raw as Zoom) : "quarter";
}
