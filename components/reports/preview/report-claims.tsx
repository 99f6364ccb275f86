import Link from "next/link";
import { VERDICT_LABELS, type Verdict } from "@/lib/claims/claim-verdict";
import { verdictLabel } from "@/lib/labels";
import { claimLinkWords } from "@/lib/report/claim-link-words";
import type { WeeklyReport } from "@/lib/report/report-model";
import { ItemKeyLink } from "@/components/dashboard/readiness-tables";
import { ExternalLink } from "./external-link";
import { ReportSection } from "./report-section";
import { When } from "./report-when";

const BAD: readonly Verdict[] = ["unsupported", "contradicted"];
const VerdictWord = ({ v }: { v: Verdict }) => <strong className={BAD.includes(v) ? "text-red-800" : ""}>{verdictLabel(v)}</strong>;

/** The public claims dated by the cutoff, each with its three verdicts and its links. */
export function ReportClaims({ report, slug }: { report: WeeklyReport; slug: string }) {
  return (
    <ReportSection id="claims" title={`Public claims (${report.claims.length})`}>
      {report.claims.length === 0 ? (
        <p className="text-slate-600">No public claim dated on or before the cutoff.</p>
      ) : (
        <>
          <p className="text-sm text-slate-700">
            Each claim is judged on its own date with everything known today, on its date as the records of that day showed, and at this week&apos;s cutoff ({report.asOf}).
          </p>
          <ul className="space-y-3">
            {report.claims.map((c) => (
              <li key={c.id} className="border-l-2 border-slate-300 pl-3">
                <p className="font-medium">
                  <Link href={`/programs/${slug}/claims/${encodeURIComponent(c.id)}`} className="text-indigo-800 underline">
                    <When value={c.date} />
                    {c.datePrecision === "day" ? "" : " (day approximate)"}
                  </Link>{" "}
                  — {c.speaker}
                  {c.venue ? `, ${c.venue}` : ""} · <ExternalLink url={c.url}>source</ExternalLink>
                </p>
                <blockquote className="italic text-slate-800">{c.quoteIsParaphrase ? `Paraphrase: ${c.quote}` : `“${c.quote}”`}</blockquote>
                <p className="text-sm">
                  On its date: <VerdictWord v={c.verdictAtClaimDate} /> ({c.metAtClaimDate} of {c.linked} linked items met) · as recorded that day:{" "}
                  <VerdictWord v={c.verdictKnownThen} /> · at the cutoff: <VerdictWord v={c.verdictAtCutoff} />
                </p>
                <p className="text-sm text-slate-700">{VERDICT_LABELS[c.verdictAtClaimDate]}</p>
                {c.links.length > 0 && (
                  <ul className="space-y-0.5 text-sm text-slate-700" aria-label={`Items linked to the claim of ${c.date} by ${c.speaker}`}>
                    {c.links.map((l, i) => (
                      <li key={`${l.item}:${i}`}>
                        <ItemKeyLink itemKey={l.item} href={`/programs/${slug}/items/${encodeURIComponent(l.item)}`} /> {claimLinkWords(l)}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </ReportSection>
  );
}
