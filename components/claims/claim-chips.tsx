import { VerdictChip } from "./verdict-chip";
import type { Verdict } from "@/lib/claims/claim-verdict";

const CHIP = "inline-block rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800 ring-1 ring-inset ring-slate-200";

/**
 * The facts of a claim at a glance, the same on the list and on the claim's page: its date (and
 * whether the day is approximate), who said it, the kind of statement, and the verdict in words.
 */
export function ClaimChips({
  claim,
}: {
  claim: { date: string; datePrecision: string; speaker: string; kind: string; verdictAtClaimDate: Verdict };
}) {
  return (
    <ul className="flex flex-wrap items-center gap-1.5" aria-label="Date, speaker and verdict">
      <li className={CHIP} data-testid="chip-date">
        <span className="sr-only">Said on </span>
        <time dateTime={claim.date}>{claim.date}</time>
        {claim.datePrecision !== "day" && <span className="text-slate-600"> (day approximate)</span>}
      </li>
      <li className={CHIP} data-testid="chip-speaker">
        <span className="sr-only">Speaker: </span>
        {claim.speaker}
      </li>
      {claim.kind && (
        <li className={CHIP}>
          <span className="sr-only">Kind: </span>
          {claim.kind}
        </li>
      )}
      <li className="inline-flex items-center gap-1">
        <span className="sr-only">Verdict on its date: </span>
        <span data-testid="verdict-at-claim-date">
          <VerdictChip verdict={claim.verdictAtClaimDate} />
        </span>
      </li>
    </ul>
  );
}
