import type { ReactNode } from "react";
import { IllustrativeMark } from "@/components/ui/illustrative-mark";
import type { Verdict } from "@/lib/claims/claim-verdict";
import { VerdictChip } from "./verdict-chip";

interface VerdictsOfClaim {
  verdictKnownThen: Verdict;
  verdictAsOf: Verdict;
  illustrativeAtClaimDate: boolean;
  illustrativeAsOf: boolean;
  factsUntil: string | null;
}

/** One verdict with its label, and the illustrative mark when it was computed past the evidence horizon. */
function VerdictRow({ label, title, verdict, testId, illustrative, factsUntil }: {
  label: string;
  title?: string;
  verdict: Verdict;
  testId: string;
  illustrative: boolean;
  factsUntil: string | null;
}) {
  return (
    <div className="flex items-center gap-1.5">
      <dt className="text-slate-600" title={title}>
        {label}
      </dt>
      <dd data-testid={testId}>
        <VerdictChip verdict={verdict} />
      </dd>
      {illustrative && factsUntil && (
        <dd>
          <IllustrativeMark factsUntil={factsUntil} testId={`${testId}-illustrative`} />
        </dd>
      )}
    </div>
  );
}

/**
 * A claim's verdict as recorded on its date and as of the view's date, side by side, with any
 * further rows the caller adds (the list shows how many links were met).
 */
export function ClaimVerdicts({ claim, asOfLabel, className, children }: {
  claim: VerdictsOfClaim;
  asOfLabel: string;
  className: string;
  children?: ReactNode;
}) {
  return (
    <dl className={`flex flex-wrap gap-y-1 text-xs ${className}`}>
      <VerdictRow
        label="As recorded that day"
        title="On the claim's date, as the tracker's records of that day showed"
        verdict={claim.verdictKnownThen}
        testId="verdict-known-then"
        illustrative={claim.illustrativeAtClaimDate}
        factsUntil={claim.factsUntil}
      />
      <VerdictRow
        label={asOfLabel}
        verdict={claim.verdictAsOf}
        testId="verdict-as-of"
        illustrative={claim.illustrativeAsOf}
        factsUntil={claim.factsUntil}
      />
      {children}
    </dl>
  );
}
