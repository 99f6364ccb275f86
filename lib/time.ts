import { z } from "zod";

export const DAY_MS = 86_400_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * DESIGN §4: a bare date as `asOf`/`knownAt` means the end of that day, as
 * `effectiveAt`/`recordedAt`/`verifiedAt`/`identifiedAt` its start. All UTC.
 */
export type DateEdge = "start" | "end";

/** Milliseconds since the epoch for a `YYYY-MM-DD` or ISO-8601 datetime already checked by zod. */
export function toInstant(value: string, edge: DateEdge = "start"): number {
  if (DATE_ONLY.test(value)) {
    const start = Date.parse(`${value}T00:00:00.000Z`);
    return edge === "start" ? start : start + DAY_MS - 1;
  }
  return Date.parse(value);
}

/** Accepts `YYYY-MM-DD` or an ISO datetime with `Z` or an offset; rejects anything else. */
export const instantStringSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: () => "must be a date YYYY-MM-DD or an ISO 8601 datetime such as 2024-02-01T09:00:00Z",
});

export const dateStringSchema = z.iso.date({ error: () => "must be a date YYYY-MM-DD" });

export function formatDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function formatInstant(ms: number): string {
  return new Date(ms).toISOString();
}

/** "2026-12-03 14:05 UTC": a moment as people read it on a page. */
export function formatUtcMinute(ms: number): string {
  return `${new Date(ms).toISOString().replace("T", " ").slice(0, 16)} UTC`;
}

/** Start-of-day instants print as a bare date, others as a full ISO datetime. */
export function formatDateOrInstant(ms: number): string {
  return ms % DAY_MS === 0 ? formatDate(ms) : formatInstant(ms);
}

/**
 * The default `asOf`/`knownAt`: the end of the current UTC day. Nothing can be effective,
 * recorded or measured in the future, so this equals "now" for every figure — and it lets an
 * answer be reused all day while the history does not change.
 */
export function endOfToday(now: number = Date.now()): number {
  return Math.floor(now / DAY_MS) * DAY_MS + DAY_MS - 1;
}

/** The start (00:00 UTC) of the day of an instant. */
export function startOfDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/**
 * DESIGN §5: the day `weeks` of work after the day of `asOf` — asOf's date plus ceil(7 × weeks)
 * days, rounded only here and never down: the earliest a piece of work can end.
 */
export function dateAfterWeeks(asOf: number, weeks: number): string {
  return formatDate(startOfDay(asOf) + daysOfWeeks(weeks, "up") * DAY_MS);
}

/** Days closer than this to a whole day are that day: far above float noise, far below an hour. */
const DAY_NOISE = 1e-6;

/**
 * Weeks as whole days, rounded up (the earliest work can end) or down (the latest it may end).
 * Sums of weeks are rounded to 1e-9 against float noise, so a whole number of days can come back a
 * hair over or under it (1/7 week is 1.000000001 days): rounding that hair moved a date by a day.
 */
export function daysOfWeeks(weeks: number, round: "up" | "down"): number {
  // `+ 0`: no work rounds up to -0 days, which is 0.
  return (round === "up" ? Math.ceil(7 * weeks - DAY_NOISE) : Math.floor(7 * weeks + DAY_NOISE)) + 0;
}
