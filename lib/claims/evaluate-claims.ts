import type { NormalizedBundle } from "../bundle/normalized-bundle";
import { changedPositions } from "../changed-positions";
import { isIllustrative } from "../evidence-horizon";
import type { ItemWithTransitions } from "../item-with-transitions";
import type { Status } from "../status";
import { formatDate, toInstant } from "../time";
import { assessClaim, type ClaimAssessment, type Verdict } from "./claim-verdict";

/** A claim as stored: the bundle's claim with its date in ms. */
export type ClaimRecord = NormalizedBundle["claims"][number];

/** A claim with its date as text and its three verdicts (DESIGN §7). */
export type EvaluatedClaim = Omit<ClaimRecord, "date" | "links"> & {
  date: string;
  linked: number;
  metAtClaimDate: number;
  /** At the claim's date, with everything the tracker knows now. */
  verdictAtClaimDate: Verdict;
  /** At the claim's date, as the records of that day showed (knownAt = claim date). */
  verdictKnownThen: Verdict;
  /** At the query's asOf (default: now). */
  verdictAsOf: Verdict;
  asOf: string;
  /** The program's evidence horizon (DESIGN §13), or null. */
  factsUntil: string | null;
  /** The claim's date is past the horizon: both verdicts on that date are illustrative. */
  illustrativeAtClaimDate: boolean;
  /** asOf is past the horizon: `verdictAsOf` is illustrative. */
  illustrativeAsOf: boolean;
  links: (ClaimAssessment["links"][number] & { trueStatusAsOf: Status; metAsOf: boolean })[];
};

/** DESIGN §7 for every claim: three verdicts each, from one map of item histories. */
export function evaluateClaims(
  claims: readonly ClaimRecord[],
  items: readonly ItemWithTransitions[],
  asOf: number,
  knownAt: number,
  factsUntil: number | null = null,
): EvaluatedClaim[] {
  const byKey = new Map(items.map((i) => [i.key, i]));
  return claims.map((c) => {
    const claimDay = formatDate(c.date);
    const claimEnd = toInstant(claimDay, "end");
    const atDate = assessClaim(c.links, byKey, claimEnd, knownAt);
    const knownThen = assessClaim(c.links, byKey, claimEnd, Math.min(claimEnd, knownAt));
    const now = assessClaim(c.links, byKey, asOf, knownAt);
    const { id, date: _date, links: _links, ...text } = c;
    return {
      id,
      date: claimDay,
      ...text,
      linked: c.links.length,
      metAtClaimDate: atDate.met,
      verdictAtClaimDate: atDate.verdict,
      verdictKnownThen: knownThen.verdict,
      verdictAsOf: now.verdict,
      asOf: formatDate(asOf),
      factsUntil: factsUntil === null ? null : formatDate(factsUntil),
      illustrativeAtClaimDate: isIllustrative(factsUntil, claimEnd),
      illustrativeAsOf: isIllustrative(factsUntil, asOf),
      links: atDate.links.map((l, i) => ({ ...l, trueStatusAsOf: now.links[i]!.trueStatus, metAsOf: now.links[i]!.met })),
    };
  });
}

/**
 * Whether the claims' verdicts can differ between two versions of the same items (same order):
 * true when the lists differ in length or an item one of the claims links to is another object.
 * A write to an item no claim names leaves every verdict as it was.
 */
export function claimsTouchedBy(claims: readonly ClaimRecord[], before: readonly ItemWithTransitions[], after: readonly ItemWithTransitions[]): boolean {
  const changedAt = changedPositions(before, after);
  if (!changedAt) return true;
  if (changedAt.length === 0) return false;
  const linked = new Set(claims.flatMap((c) => c.links.map((l) => l.item)));
  return changedAt.some((n) => before[n]!.key !== after[n]!.key || linked.has(after[n]!.key));
}
