import { z } from "zod";
import { QUALITY_LIST_DEFAULT, type ReadinessListLimit } from "../readiness/limit-lists";
import { parseInput } from "./parse-input";

export const listLimitSchema = z
  .union([z.literal("all"), z.string().regex(/^\d{1,6}$/, "expected a whole number of entries, 0 to 100000, or all").transform(Number).pipe(z.number().int().min(0).max(100_000))])
  .optional()
  .describe(
    `cut each list of the answer to its first N entries (the counts stay whole); all: every list whole; ` +
      `default: inflated and blocked whole, the quality lists cut at ${QUALITY_LIST_DEFAULT.toLocaleString("en-US")}`,
  );

// Built once: zod compiles an object schema on its first parse, which per request cost more than the rest of parsing.
const querySchema = z.object({ limit: listLimitSchema });

/** `?limit=N|all` of the readiness answer, or null when not given; anything else is a 400. */
export function parseListLimit(params: URLSearchParams): ReadinessListLimit {
  return parseInput(querySchema, { limit: params.get("limit") ?? undefined }, "query").limit ?? null;
}
