import { z } from "zod";
import { endOfToday, instantStringSchema, toInstant } from "../time";
import { parseInput } from "./parse-input";

const querySchema = z.object({
  asOf: instantStringSchema.optional(),
  knownAt: instantStringSchema.optional(),
});

/**
 * `asOf` and `knownAt` from a query string (DESIGN §4): a bare date means the end of that day;
 * both default to now, taken as the end of today (see endOfToday). Anything else is a 400 saying
 * which format is expected.
 */
export function parseAsOfQuery(params: URLSearchParams, now = Date.now()): { asOf: number; knownAt: number } {
  const q = parseInput(
    querySchema,
    { asOf: params.get("asOf") ?? undefined, knownAt: params.get("knownAt") ?? undefined },
    "query",
  );
  return resolveAsOf(q, now);
}

/** DESIGN §4: a given asOf/knownAt is the end of that day (if a bare date); a missing one the end of today. */
export function resolveAsOf(q: { asOf?: string; knownAt?: string }, now = Date.now()): { asOf: number; knownAt: number } {
  return {
    asOf: q.asOf ? toInstant(q.asOf, "end") : endOfToday(now),
    knownAt: q.knownAt ? toInstant(q.knownAt, "end") : endOfToday(now),
  };
}
