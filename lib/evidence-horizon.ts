import { endOfToday, formatDate } from "./time";

/**
 * DESIGN §13 "Evidence horizon": a figure computed for a moment after the end of the program's
 * `factsUntil` day is illustrative (invented continuation, not fact). No horizon: never.
 * `factsUntil` is the horizon day in ms (any instant of that day); `at` is the moment computed for.
 */
export function isIllustrative(factsUntil: number | null, at: number): boolean {
  return factsUntil !== null && at > endOfToday(factsUntil);
}

/** The horizon as the API and exports name it: `{ factsUntil, illustrative }` for a moment. */
export function horizonMark(factsUntil: number | null, at: number): { factsUntil: string | null; illustrative: boolean } {
  return { factsUntil: factsUntil === null ? null : formatDate(factsUntil), illustrative: isIllustrative(factsUntil, at) };
}
