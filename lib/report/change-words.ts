const NUMBER = /^(-?\d+(?:\.\d+)?)( %)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY = 86_400_000;

/**
 * How a headline figure moved between two weeks, in words a manager checks at a glance: "+13",
 * "−2.5 points", "30 weeks later", "4 days earlier"; "same" when it did not move, and "changed"
 * when the two cannot be measured against each other (a date against "none").
 */
export function changeWords(was: string, now: string): string {
  if (was === now) return "same";
  const a = NUMBER.exec(was);
  const b = NUMBER.exec(now);
  if (a && b && Boolean(a[2]) === Boolean(b[2])) {
    const delta = Math.round((Number(b[1]) - Number(a[1])) * 10) / 10;
    const sign = delta > 0 ? "+" : "−";
    return `${sign}${Math.abs(delta)}${a[2] ? ` ${Math.abs(delta) === 1 ? "point" : "points"}` : ""}`;
  }
  if (DATE.test(was) && DATE.test(now)) {
    const days = Math.round((Date.parse(`${now}T00:00:00Z`) - Date.parse(`${was}T00:00:00Z`)) / DAY);
    const span = Math.abs(days);
    const length = span % 7 === 0 ? `${span / 7} ${span === 7 ? "week" : "weeks"}` : `${span} ${span === 1 ? "day" : "days"}`;
    return `${length} ${days > 0 ? "later" : "earlier"}`;
  }
  return "changed";
}
