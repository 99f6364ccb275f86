import Link from "next/link";
import { ClaimChips } from "./claim-chips";
import { ClaimHeadline } from "./claim-headline";
import { LinkedItemsTable } from "./linked-items-table";
import { ClaimVerdicts } from "./claim-verdicts";
import type { EvaluatedClaim } from "@/lib/claims/evaluate-claims";
import { sourceHost } from "@/lib/claims/source-host";

/**
 * One claim on the list: the chips (date, speaker, verdict), its words leading to the fact-check,
 * where it was said with its source, the other two verdicts and the linked items one click away.
 */
export function ClaimCard({
  slug,
  claim: c,
  href,
  titles,
  asOfLabel,
}: {
  slug: string;
  claim: EvaluatedClaim;
  /** The claim's page, keeping the as-of view. */
  href: string;
  titles: ReadonlyMap<string, string>;
  asOfLabel: string;
}) {
  return (
    <li className="min-w-0 space-y-2 rounded border border-slate-200 bg-white p-3" data-testid={`claim-${c.id}`}>
      <ClaimChips claim={c} />
      <ClaimHeadline level={2} quote={c.quote} paraphrase={c.quoteIsParaphrase} href={href} implies={c.implies} />
      <p className="text-xs text-slate-700 [overflow-wrap:anywhere]">
        {c.venue && <span>{c.venue} · </span>}
        Source:{" "}
        <a href={c.url} className="text-indigo-700 underline" rel="noreferrer noopener" target="_blank">
          {sourceHost(c.url)}
        </a>{" "}
        ·{" "}
        <Link href={`${href}#verdict-history`} className="text-indigo-700 underline">
          verdict history
        </Link>
      </p>
      <ClaimVerdicts claim={c} asOfLabel={asOfLabel} className="gap-x-5">
        <div className="flex items-center gap-1.5">
          <dt className="text-slate-600">Links met on its date</dt>
          <dd data-testid="met-at-claim-date">
            {c.metAtClaimDate} of {c.linked}
          </dd>
        </div>
      </ClaimVerdicts>
      {c.linked > 0 && (
        <details>
          <summary className="cursor-pointer text-indigo-700">Linked items ({c.linked})</summary>
          <div className="mt-1 overflow-x-auto">
            <LinkedItemsTable slug={slug} claim={c} titles={titles} asOfLabel={asOfLabel} />
          </div>
        </details>
      )}
    </li>
  );
}
