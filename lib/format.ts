/**
 * A ratio as a percentage that never rounds up (the tracker's reports never round up):
 * 0.9999 → "99.9 %", 0.125 → "12.5 %".
 */
export function formatPercentFloor(ratio: number, digits = 1): string {
  return `${percentFloor(ratio, digits).toFixed(digits)} %`;
}

/** A ratio as a percentage floored to `digits` decimals: never rounded up (12.49… → 12.4). */
export function percentFloor(ratio: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.floor(ratio * 100 * factor + 1e-9) / factor;
}

/** "at risk" → "At risk": a label that opens a sentence. */
export const upperFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Weeks with at most one decimal, without trailing zeros. */
export function formatWeeks(weeks: number): string {
  return `${Number(weeks.toFixed(1))} wk`;
}
