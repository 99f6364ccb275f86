import { AppError } from "../errors";
import { isoWeekAfter, isoWeekOf, parseIsoWeek, type IsoWeek } from "../iso-week";
import { formatInstant } from "../time";

export const REPORT_FORMATS = ["md", "csv", "json", "pdf", "xlsx"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const WEEK_HINT = "must be an ISO week YYYY-Www such as 2024-W52";

/**
 * The week of a report from its label (DESIGN §8): cutoff = Sunday 23:59:59.999 UTC = `week.end`.
 * A malformed label, or a week that has not ended by `now`, is refused (400) with a sentence that
 * says why.
 */
export function resolveReportWeek(label: string, now: number): IsoWeek {
  const week = parseIsoWeek(label);
  if (!week) throw new AppError("invalid", `"${label}" is not an ISO week`, [{ path: "week", message: WEEK_HINT }]);
  if (week.end > now)
    throw new AppError("invalid", `${label} is in the future: its cutoff ${formatInstant(week.end)} has not passed yet`, [
      { path: "week", message: `a week can be reported once it has ended (the last complete week is ${lastCompleteWeek(now).label})` },
    ]);
  return week;
}

/** `2024-W52.md` → week label and format; anything else is a 400. */
export function parseReportFileName(name: string): { week: string; format: ReportFormat } {
  const m = /^(.+)\.([a-z]+)$/.exec(name);
  if (!m) throw new AppError("invalid", `"${name}" names no report: use {YYYY-Www}.{${REPORT_FORMATS.join(",")}}`, [{ path: "week", message: WEEK_HINT }]);
  const format = m[2] as ReportFormat;
  if (!REPORT_FORMATS.includes(format))
    throw new AppError("invalid", `unknown report format ".${m[2]}"`, [{ path: "format", message: `must be one of ${REPORT_FORMATS.join(", ")}` }]);
  return { week: m[1]!, format };
}

/** The most recent ISO week whose cutoff has passed at `now`. */
export function lastCompleteWeek(now: number): IsoWeek {
  const current = isoWeekOf(now);
  return current.end <= now ? current : isoWeekAfter(now, -1);
}

/** The week before. */
export function previousWeek(week: IsoWeek): IsoWeek {
  return isoWeekAfter(week.start, -1);
}

/** Weeks from the one containing `from` to `to` (both included), newest first. */
export function weeksBetween(from: number, to: IsoWeek): IsoWeek[] {
  const first = isoWeekOf(from);
  const weeks: IsoWeek[] = [];
  for (let w = to; w.start >= first.start; w = previousWeek(w)) weeks.push(w);
  return weeks;
}

