import { foldItemStatus } from "../fold-item-status";
import type { ItemWithTransitions } from "../item-with-transitions";
import { levelOf, type Status } from "../status";

export const VERDICTS = ["supported", "mostly_supported", "partly_supported", "unsupported", "contradicted", "unrated"] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface ClaimLink {
  item: string;
  requires: Status;
}

export interface LinkAssessment {
  item: string;
  requires: Status;
  trueStatus: Status;
  reportedStatus: Status;
  met: boolean;
  started: boolean;
}

export interface ClaimAssessment {
  verdict: Verdict;
  met: number;
  linked: number;
  links: LinkAssessment[];
}

/** DESIGN §7: the verdict for `met` of `linked` links, `started` of them begun. */
export function verdictFor(met: number, linked: number, started: number): Verdict {
  if (linked === 0) return "unrated";
  const r = met / linked;
  if (r === 1) return "supported";
  if (r >= 0.75) return "mostly_supported";
  if (r >= 0.25) return "partly_supported";
  return started > 0 ? "unsupported" : "contradicted";
}

/**
 * A claim's links against the items' true status at (asOf, knownAt). Items identified after asOf
 * or unknown count as not_started (DESIGN §4).
 */
export function assessClaim(
  links: readonly ClaimLink[],
  items: ReadonlyMap<string, ItemWithTransitions>,
  asOf: number,
  knownAt: number,
): ClaimAssessment {
  const assessed = links.map((link): LinkAssessment => {
    const item = items.get(link.item);
    const status =
      item && item.identifiedAt <= asOf
        ? foldItemStatus(item.transitions, asOf, knownAt)
        : { trueStatus: "not_started" as const, reportedStatus: "not_started" as const, trueLevel: 0 };
    return {
      item: link.item,
      requires: link.requires,
      trueStatus: status.trueStatus,
      reportedStatus: status.reportedStatus,
      met: status.trueLevel >= levelOf(link.requires),
      started: status.trueLevel >= 1,
    };
  });
  const met = assessed.filter((l) => l.met).length;
  const started = assessed.filter((l) => l.started).length;
  return { verdict: verdictFor(met, links.length, started), met, linked: links.length, links: assessed };
}

/** Words a reader understands without a legend. */
export const VERDICT_LABELS: Record<Verdict, string> = {
  supported: "Supported: every linked item had verifiably reached the status the claim implies",
  mostly_supported: "Mostly supported: at least 75 % of linked items had reached it",
  partly_supported: "Partly supported: 25–75 % of linked items had reached it",
  unsupported: "Unsupported: under 25 % had reached it, though work had started",
  contradicted: "Contradicted: no linked item had even started",
  unrated: "Unrated: the claim is linked to no item",
};
