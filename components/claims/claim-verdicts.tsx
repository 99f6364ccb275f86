import type { ReactNode } from "react";
import type { EvaluatedClaim } from "@/lib/claims/evaluate-claims";
import { VerdictChip } from "./verdict-chip";

function Figure({ term, title, testId, className, children }: { term: ReactNode; title?: string; testId: string; className?: string; children: ReactNode }) {
  return (
    <div className="flex items-center gap-2">
      <dt className="text-xs text-slate-600" title={title}>
        {term}
      </dt>
      <dd className={className} data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/** A claim's three verdicts (DESIGN §7) and how many of its links were met on its date. */
export function ClaimVerdicts({ claim: c }: { claim: EvaluatedClaim }) {
  return (
    <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1">
      <Figure term="on its date" title="At the claim's date, with everything the tracker knows today" testId="verdict-at-claim-date">
        <VerdictChip verdict={c.verdictAtClaimDate} />
      </Figure>
      <Figure term="as recorded that day" title="At the claim's date, as the tracker's records of that day showed" testId="verdict-known-then">
        <VerdictChip verdict={c.verdictKnownThen} />
      </Figure>
      <Figure term={`as of ${c.asOf}`} testId="verdict-as-of">
        <VerdictChip verdict={c.verdictAsOf} />
      </Figure>
      <Figure term="links met on its date" testId="met-at-claim-date" className="text-xs">
        {c.metAtClaimDate} of {c.linked}
      </Figure>
    </dl>
  );
}
