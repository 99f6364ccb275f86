import { UTCDate } from "@date-fns/utc";
import { addMonths, startOfMonth } from "date-fns";

export interface TimeTick {
  t: number;
  label: string;
}

const STEPS = [1, 3, 6, 12, 24, 60] as const;

/**
 * Ticks on month starts for a time axis from `min` to `max`: the smallest step of 1, 3, 6 or 12
 * months (or more) that keeps them to `most`, labelled YYYY-MM, or YYYY when a step is a year or
 * more — so no two ticks read the same. An axis within one month gets its two ends, by day.
 */
export function timeTicks(min: number, max: number, most = 6): TimeTick[] {
  if (!(max > min)) return [{ t: min, label: new UTCDate(min).toISOString().slice(0, 7) }];
  const first = startOfMonth(new UTCDate(min));
  for (const step of STEPS) {
    const ticks: TimeTick[] = [];
    // Align yearly and longer steps on January, quarterly ones on quarter starts.
    let d = first.getTime() < min ? addMonths(first, 1) : first;
    while (d.getUTCMonth() % Math.min(step, 12) !== 0) d = addMonths(d, 1);
    for (; d.getTime() <= max; d = addMonths(d, step)) {
      ticks.push({ t: d.getTime(), label: d.toISOString().slice(0, step >= 12 ? 4 : 7) });
    }
    // An axis shorter than a month starts no month: its two ends, by day, say where it lies.
    if (ticks.length === 0) return [min, max].map((t) => ({ t, label: new UTCDate(t).toISOString().slice(0, 10) }));
    if (ticks.length <= most) return ticks;
  }
  return [];
}
