import { statusLabel } from "../labels";
import { levelOf } from "../status";
import type { ReportClaim } from "./report-model";

type ClaimLink = ReportClaim["links"][number];

/** Whether an item's true status had reached the status a claim needs (the verdicts' own rule). */
const reached = (status: ClaimLink["trueStatusAtCutoff"], requires: ClaimLink["requires"]) => levelOf(status) >= levelOf(requires);

/**
 * One linked item of a claim in words, after its key: the status the claim needs, the item's true
 * status on the claim's date and at the cutoff, each met or not — "needs Build — on the claim's
 * date: Design, not met; at the cutoff: Done, met". The web preview and the print say the same.
 */
export function claimLinkWords(link: ClaimLink): string {
  const met = (status: ClaimLink["trueStatusAtCutoff"]) => `${statusLabel(status)}, ${reached(status, link.requires) ? "met" : "not met"}`;
  return `needs ${statusLabel(link.requires)} — on the claim's date: ${met(link.trueStatusAtClaimDate)}; at the cutoff: ${met(link.trueStatusAtCutoff)}`;
}
