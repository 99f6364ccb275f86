import type { ClaimRecord } from "@/lib/claims/evaluate-claims";
import type { claims } from "../schema";

/** A stored claim row with its links, as the rules and the bundle see it. */
export function toClaimRecord(row: typeof claims.$inferSelect, links: ClaimRecord["links"]): ClaimRecord {
  return {
    id: row.claimKey,
    date: row.date,
    datePrecision: row.datePrecision,
    dateNote: row.dateNote,
    speaker: row.speaker,
    venue: row.venue,
    quote: row.quote,
    quoteIsParaphrase: row.quoteIsParaphrase,
    url: row.url,
    kind: row.kind,
    implies: row.implies,
    links,
  };
}
