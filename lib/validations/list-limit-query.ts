import { z } from "zod";
import { parseInput } from "./parse-input";

export const listLimitSchema = z
  .string()
  .regex(/^\d{1,6}$/, "expected a whole number of entries, 0 to 100000")
  .transform(Number)
  .pipe(z.number().int().min(0).max(100_000))
  .optional()
  .describe("cut each list of the answer to its first N entries (the counts stay whole); default: no cut");

/** `?limit=N` of the readiness answer, or null for whole lists; anything else is a 400. */
export function parseListLimit(params: URLSearchParams): number | null {
  return parseInput(z.object({ limit: listLimitSchema }), { limit: params.get("limit") ?? undefined }, "query").limit ?? null;
}
