import type { ReportClaim } from "./report-model";

/**
 * The headline's claims figure, in the words the web preview and the print share: how many public
 * claims the week lists, and how many of them the history contradicted on their own date.
 */
export function claimsFigure(claims: readonly Pick<ReportClaim, "verdictAtClaimDate">[]): { label: string; value: string; sub: string } {
  const contradicted = claims.filter((c) => c.verdictAtClaimDate === "contradicted").length;
  return { label: "Claims", value: String(claims.length), sub: `${contradicted} contradicted on their date` };
}
