export interface TimeTick {
  t: number;
  label: string;
}

const STEPS = [1, 3, 6, 12, 24, 60] as const;

/** Months since year 0 of an instant (UTC): month arithmetic on one integer, no date objects. */
const monthIndex = (t: number) => {
  const d = new Date(t);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};
const monthStart = (m: number) => Date.UTC(Math.floor(m / 12), m % 12, 1);
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * Ticks on month starts for a time axis from `min` to `max`: the smallest step of 1, 3, 6 or 12
 * months (or more) that keeps them to `most`, labelled YYYY-MM, or YYYY when a step is a year or
 * more — so no two ticks read the same. An axis within one month gets its two ends, by day.
 * Drawn on every dashboard, twice: plain month numbers keep it well under a millisecond.
 */
export function timeTicks(min: number, max: number, most = 6): TimeTick[] {
  if (!(max > min)) return [{ t: min, label: isoDay(min).slice(0, 7) }];
  const firstMonth = monthIndex(min) + (monthStart(monthIndex(min)) < min ? 1 : 0);
  for (const step of STEPS) {
    const ticks: TimeTick[] = [];
    // Align yearly and longer steps on January, quarterly ones on quarter starts.
    let m = firstMonth;
    while (m % Math.min(step, 12) !== 0) m++;
    for (; monthStart(m) <= max; m += step) {
      const t = monthStart(m);
      ticks.push({ t, label: isoDay(t).slice(0, step >= 12 ? 4 : 7) });
    }
    // An axis shorter than a month starts no month: its two ends, by day, say where it lies.
    if (ticks.length === 0) return [min, max].map((t) => ({ t, label: isoDay(t) }));
    if (ticks.length <= most) return ticks;
  }
  return [];
}
