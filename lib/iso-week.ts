import { UTCDate } from "@date-fns/utc";
import { addWeeks, endOfISOWeek, getISOWeek, getISOWeekYear, setISOWeek, setISOWeekYear, startOfISOWeek } from "date-fns";

/** One ISO week in UTC: Monday 00:00 to Sunday 23:59:59.999. */
export interface IsoWeek {
  label: string;
  start: number;
  end: number;
}

function toWeek(date: UTCDate): IsoWeek {
  const start = startOfISOWeek(date);
  return {
    label: `${getISOWeekYear(date)}-W${String(getISOWeek(date)).padStart(2, "0")}`,
    start: start.getTime(),
    end: endOfISOWeek(date).getTime(),
  };
}

/** The ISO week containing an instant (UTC, whatever the machine's time zone). */
export function isoWeekOf(ms: number): IsoWeek {
  return toWeek(new UTCDate(ms));
}

/** The week `n` ISO weeks after the one containing `ms` (n may be negative). */
export function isoWeekAfter(ms: number, n: number): IsoWeek {
  return toWeek(addWeeks(new UTCDate(ms), n));
}

const LABEL = /^(\d{4})-W(\d{2})$/;

/** Parses `YYYY-Www`; null when malformed or when that year has no such week. */
export function parseIsoWeek(label: string): IsoWeek | null {
  const m = LABEL.exec(label);
  if (!m) return null;
  const [year, week] = [Number(m[1]), Number(m[2])];
  if (week < 1 || week > 53) return null;
  const date = setISOWeek(setISOWeekYear(new UTCDate(Date.UTC(year, 0, 4)), year), week);
  const parsed = toWeek(new UTCDate(date.getTime()));
  return parsed.label === label ? parsed : null;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The week a person asks for: an ISO week (`2024-W52`, any case) or any day in it (`2024-12-27`).
 * Null when it is neither, or names no real week or day.
 */
export function weekOfQuery(query: string): IsoWeek | null {
  const text = query.trim().toUpperCase();
  const day = DAY.exec(text);
  if (!day) return parseIsoWeek(text);
  const ms = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
  return new Date(ms).toISOString().slice(0, 10) === text ? isoWeekOf(ms) : null;
}
