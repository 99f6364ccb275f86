import Link from "next/link";
import type { ReactNode } from "react";
import type { Verdict } from "@/lib/claims/claim-verdict";
import { VerdictChip } from "../claims/verdict-chip";
import { IllustrativeMark } from "../ui/illustrative-mark";

export interface PortfolioRow {
  slug: string;
  name: string;
  /** The evidence horizon, and whether the row's figures (as of today) lie past it. */
  factsUntil: string | null;
  illustrative: boolean;
  total: number;
  done: number;
  reportedDone: number;
  inflated: number;
  latestClaim: { id: string; date: string; speaker: string; verdictAtClaimDate: Verdict; illustrativeAtClaimDate: boolean } | null;
  target: { text: string; bad: boolean } | null;
}

/** A figure that opens the items it counts. */
function Count({ href, testId, children }: { href: string; testId: string; children: ReactNode }) {
  return (
    <Link href={href} className="tabular-nums underline decoration-slate-300 underline-offset-2 hover:decoration-current" data-testid={testId}>
      {children}
    </Link>
  );
}

/** Every program in one row each; on a phone each row stacks into a card. Each figure links to what it counts. */
export function PortfolioTable({ rows }: { rows: readonly PortfolioRow[] }) {
  return (
    <ul className="mt-4 divide-y divide-slate-200 rounded border border-slate-200 bg-white" aria-label="Programs">
      {rows.map((p) => (
        <li key={p.slug} className="grid gap-x-6 gap-y-1 p-3 md:grid-cols-[minmax(12rem,1fr)_auto_auto_auto_minmax(14rem,1.5fr)]" data-testid={`program-${p.slug}`}>
          <div>
            <Link href={`/programs/${p.slug}`} className="font-medium text-indigo-700 hover:underline">
              {p.name}
            </Link>
            <p className="text-xs text-slate-500">{p.slug}</p>
            {p.illustrative && p.factsUntil && (
              <p className="text-xs text-slate-600">
                <IllustrativeMark factsUntil={p.factsUntil} testId="portfolio-illustrative" /> past the evidence horizon, {p.factsUntil}
              </p>
            )}
          </div>
          <p>
            <span className="text-xs text-slate-600">Verified done </span>
            <strong>
              <Count href={`/programs/${p.slug}/items?status=done`} testId="portfolio-done">
                {p.done} / {p.total}
              </Count>
            </strong>
          </p>
          <p className={p.reportedDone > p.done ? "font-medium text-red-700" : undefined}>
            <span className="text-xs text-slate-600">Reported done </span>
            <Count href={`/programs/${p.slug}/items?reportedStatus=done`} testId="portfolio-reported-done">
              {p.reportedDone}
            </Count>
          </p>
          <p className={p.inflated > 0 ? "font-medium text-red-700" : undefined}>
            <span className="text-xs text-slate-600">Inflated </span>
            <Count href={`/programs/${p.slug}/items?inflated=1`} testId="portfolio-inflated">
              {p.inflated}
            </Count>
          </p>
          <div className="text-sm">
            {p.latestClaim ? (
              <p className="flex flex-wrap items-center gap-1.5">
                <span className="text-xs text-slate-600">Latest claim</span>{" "}
                <Link href={`/programs/${p.slug}/claims/${encodeURIComponent(p.latestClaim.id)}`} className="text-indigo-700 hover:underline">
                  {p.latestClaim.date} {p.latestClaim.speaker}
                </Link>{" "}
                <VerdictChip verdict={p.latestClaim.verdictAtClaimDate} />
                {p.latestClaim.illustrativeAtClaimDate && p.factsUntil && <IllustrativeMark factsUntil={p.factsUntil} testId="portfolio-claim-illustrative" />}
              </p>
            ) : (
              <p className="text-slate-600">No public claim yet.</p>
            )}
            {p.target && <p className={p.target.bad ? "font-medium text-red-700" : "text-slate-700"}>{p.target.text}</p>}
          </div>
        </li>
      ))}
    </ul>
  );
}
