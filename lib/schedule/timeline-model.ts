import { UTCDate } from "@date-fns/utc";
import { addMonths, addWeeks, addYears, format, setYear, startOfISOWeek, startOfMonth, startOfQuarter, startOfYear } from "date-fns";
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

/** A unit of the time axis: where its first tick lies, the next tick `n` units on, and its label. */
interface TickUnit {
  /** The shortest a unit can be, in days: bounds how many ticks a range can hold. */
  minDays: number;
  first: (d: Date, every: number) => Date;
  next: (d: Date, n: number) => Date;
  label: (d: Date) => string;
}

const TICK_UNITS: readonly TickUnit[] = [
  { minDays: 7, first: (d) => startOfISOWeek(d), next: addWeeks, label: (d) => format(d, "d MMM yy") },
  { minDays: 28, first: (d) => startOfMonth(d), next: addMonths, label: (d) => format(d, "MMM yyyy") },
  { minDays: 90, first: (d) => startOfQuarter(d), next: (d, n) => addMonths(d, 3 * n), label: (d) => `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${d.getUTCFullYear()}` },
  // Years on multiples of `every`, so a long axis reads 2100, 2120, … rather than from an odd year.
  { minDays: 365, first: (d, every) => setYear(startOfYear(d), Math.floor(d.getUTCFullYear() / every) * every), next: addYears, label: (d) => String(d.getUTCFullYear()) },
];
const FIRST_UNIT: Record<Zoom, number> = { week: 0, month: 1, quarter: 2 };

/** Past this many ticks an axis is unreadable, and an asOf in year 9999 would build ~400k of them. */
export const MAX_TICKS = 500;

/**
 * The ticks of the zoom's unit from start to end; when there would be more than MAX_TICKS, those of
 * the first coarser unit with few enough (week → month → quarter → year), then every n-th year.
 */
function ticksFor(zoom: Zoom, start: number, end: number): { at: number; label: string }[] {
  const days = (end - start) / DAY_MS;
  // Ticks `every` units apart in [start, end] number at most days / (every × minDays) + 1 ≤ MAX_TICKS.
  const everyOf = (unit: TickUnit) => Math.max(1, Math.ceil(days / (unit.minDays * (MAX_TICKS - 1))));
  const unit = TICK_UNITS.slice(FIRST_UNIT[zoom]).find((u) => everyOf(u) === 1) ?? TICK_UNITS.at(-1)!;
  const every = everyOf(unit);
  const ticks: { at: number; label: string }[] = [];
  for (let d = unit.first(new UTCDate(start), every); d.getTime() <= end; d = unit.next(d, every))
    if (d.getTime() >= start) ticks.push({ at: (d.getTime() - start) / DAY_MS, label: unit.label(d) });
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
