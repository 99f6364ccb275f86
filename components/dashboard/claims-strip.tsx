import Link from "next/link";
import type { Verdict } from "@/lib/claims/claim-verdict";
import { VerdictChip } from "../claims/verdict-chip";
import { IllustrativeMark } from "../ui/illustrative-mark";

export interface StripClaim {
  id: string;
  date: string;
  speaker: string;
  verdictAtClaimDate: Verdict;
  /** Made after the program's evidence horizon: its verdict is illustrative. */
  illustrativeAtClaimDate?: boolean;
  factsUntil?: string | null;
}

/** Claims shown at most: the latest made by asOf; the Claims page lists every one. */
export const STRIP_MAX = 12;

/**
 * The public claims made by asOf, oldest first, each with its verdict on its own date: every one,
 * or the latest twelve and a link to all of them.
 */
export function ClaimsStrip({ asOf, claims, claimHref, allHref }: { asOf: string; claims: readonly StripClaim[]; claimHref: (id: string) => string; allHref: string }) {
  const made = claims.filter((c) => c.date <= asOf).sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const shown = made.slice(-STRIP_MAX);
  return (
    <section aria-labelledby="claims-strip-title" className="space-y-1">
      <h2 id="claims-strip-title" className="text-xs font-medium uppercase tracking-wide text-slate-600">
        Public claims made by {asOf}, rated on their date ({made.length})
      </h2>
      {made.length === 0 ? (
        <p className="text-sm text-slate-600">No public claim was made by this date.</p>
      ) : (
        <ul className="flex flex-wrap gap-2" data-testid="claims-strip">
          {made.length > shown.length && (
            <li className="self-center text-sm">
              <Link href={allHref} className="text-indigo-700 hover:underline print:hidden">
                {made.length - shown.length} earlier claims: all {made.length}
              </Link>
              {/* Paper cannot follow a link: it says what is left out and where it is. */}
              <span className="hidden print:inline">
                {shown.length} of {made.length} shown. All {made.length} are listed at {allHref}.
              </span>
            </li>
          )}
          {shown.map((c) => (
            <li key={c.id}>
              <Link
                href={claimHref(c.id)}
                className="inline-flex max-w-full flex-wrap items-center gap-1.5 rounded border border-slate-200 bg-white px-2 py-1 text-sm hover:border-indigo-400"
              >
                <span className="tabular-nums text-slate-600">{c.date}</span>
                <span className="font-medium">{c.speaker}</span>
                <VerdictChip verdict={c.verdictAtClaimDate} />
                {c.illustrativeAtClaimDate && c.factsUntil && <IllustrativeMark factsUntil={c.factsUntil} />}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
