import type { ItemWithTransitions } from "../item-with-transitions";
import { formatDate, toInstant } from "../time";
import { assessClaim, type ClaimLink, type Verdict } from "./claim-verdict";

export interface VerdictStep {
  /** From this date (inclusive) the verdict held, until the next step. */
  from: string;
  verdict: Verdict;
  met: number;
}

/**
 * How a claim's verdict moved from its date to `asOf`, as known at `knownAt`: one step per change.
 * The true status of an item can only change at one of its transitions' effective dates, so the
 * claim is judged at its date and at the end of each such day.
 */
export function verdictHistory(
  claimDate: number,
  links: readonly ClaimLink[],
  items: ReadonlyMap<string, ItemWithTransitions>,
  asOf: number,
  knownAt: number,
): { steps: VerdictStep[]; firstSupported: string | null } {
  const start = formatDate(claimDate);
  const days = new Set<string>([start]);
  for (const link of links) {
    const item = items.get(link.item);
    if (!item) continue;
    if (item.identifiedAt > claimDate && item.identifiedAt <= asOf) days.add(formatDate(item.identifiedAt));
    for (const t of item.transitions) if (t.effectiveAt > claimDate && t.effectiveAt <= asOf) days.add(formatDate(t.effectiveAt));
  }
  const steps: VerdictStep[] = [];
  for (const day of [...days].sort()) {
    const end = Math.min(toInstant(day, "end"), asOf);
    const { verdict, met } = assessClaim(links, items, end, knownAt);
    const last = steps[steps.length - 1];
    if (!last || last.verdict !== verdict || last.met !== met) steps.push({ from: day, verdict, met });
  }
  return { steps, firstSupported: steps.find((s) => s.verdict === "supported")?.from ?? null };
}
