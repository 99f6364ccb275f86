import type { Metadata } from "next";
import Link from "next/link";
import { createClaimAction } from "@/app/_actions/claims";
import { pageView, type SearchParams } from "@/app/_lib/page-view";
import { AsOfForm } from "@/components/program/as-of-form";
import { requireSignedIn } from "@/app/_lib/auth";
import { orNotFound } from "@/app/_lib/or-not-found";
import { ClaimForm } from "@/components/claims/claim-form";
import { ClaimVerdicts } from "@/components/claims/claim-verdicts";
import { LinkedItemsTable } from "@/components/claims/linked-items-table";
import { BurnUpChart } from "@/components/dashboard/status-charts";
import { getDb } from "@/db/get-db";
import { getClaims } from "@/db/queries/get-claims";
import { loadEvents } from "@/db/queries/load-events";
import { can } from "@/lib/auth/roles";
import { statusOverTime } from "@/lib/charts/status-over-time";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: SearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Claims · ${(await params).slug}` };
}

export default async function ClaimsPage({ params, searchParams }: Props) {
  const person = await requireSignedIn();
  const { slug } = await params;
  const { view, asOf, knownAt } = await pageView(searchParams);
  const db = getDb();
  const data = orNotFound(() => getClaims(db, slug, asOf, knownAt));
  const { claims, snapshot: history } = data;
  const events = loadEvents(db, data.program.id);
  const query = new URLSearchParams(Object.entries(view).filter(([, v]) => v) as [string, string][]).toString();
  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-xl font-semibold">What was said in public, and was it true that day?</h1>
        <AsOfForm action={`/programs/${slug}/claims`} asOf={view.asOf} knownAt={view.knownAt} />
      </div>
      <p className="max-w-4xl text-slate-700" data-testid="method">
        Each claim is linked to the work items it implies and the status each must have reached. A link is met when the
        item&apos;s <em>true</em> status — evidence attached and verified by a second person — had reached it. The verdict
        follows the share of links met: <em>unsupported</em> means under a quarter were met though work had started (not
        that the claim was false); <em>contradicted</em> means none of the linked items had even started (a finding, not
        a lack of data).{" "}
        See the <Link href="/rules#claims" className="text-indigo-700 underline">verdict rules</Link>.
      </p>
      <div className="rounded border border-slate-200 bg-white p-3">
        <h2 className="font-semibold">Words against work</h2>
        <BurnUpChart
          series={statusOverTime(history.items, asOf, knownAt)}
          claims={claims.map((c) => ({ id: c.id, date: c.date, verdict: c.verdictAtClaimDate }))}
        />
        {events.length > 0 && (
          <p className="mt-1 text-xs text-slate-600">
            Context: {events.map((e) => `${e.date} ${e.title}`).join(" · ")}
          </p>
        )}
      </div>
      <p className="flex flex-wrap gap-4">
        <a href={`/api/programs/${slug}/claims.csv${query ? `?${query}` : ""}`} className="text-indigo-700 underline" download>
          Comparison as CSV
        </a>
        <a href={`/api/programs/${slug}/claims.md${query ? `?${query}` : ""}`} className="text-indigo-700 underline" download>
          Comparison as Markdown
        </a>
      </p>
      {can(person.role, "admin") && (
        <details className="rounded border border-slate-200 bg-white p-3">
          <summary className="cursor-pointer font-medium text-indigo-800">Add a claim</summary>
          <div className="mt-3">
            <ClaimForm slug={slug} itemKeys={history.items.map((i) => i.key)} serverAction={createClaimAction} />
          </div>
        </details>
      )}
      {claims.length === 0 ? (
        <p className="text-slate-600">No public claim recorded for this program.</p>
      ) : (
        <ol className="space-y-3" aria-label="Claims">
          {claims.map((c) => (
            <li key={c.id} className="rounded border border-slate-200 bg-white p-3" data-testid={`claim-${c.id}`}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p className="font-medium">
                  {c.date}
                  {c.datePrecision !== "day" && <span className="text-xs text-slate-600"> (day approximate)</span>} · {c.speaker}
                  {c.venue && <span className="font-normal text-slate-700"> — {c.venue}</span>}
                </p>
                <span className="flex gap-3 text-xs">
                  <Link href={`/programs/${slug}/claims/${encodeURIComponent(c.id)}${query ? `?${query}` : ""}`} className="text-indigo-700 underline">
                    verdict history
                  </Link>
                  <a href={c.url} className="text-indigo-700 underline" rel="noreferrer noopener" target="_blank">
                    source
                  </a>
                </span>
              </div>
              <blockquote className="mt-1 border-l-4 border-slate-200 pl-3 text-slate-800">
                {c.quoteIsParaphrase ? <span className="text-xs text-slate-600">paraphrase: </span> : null}
                {c.quoteIsParaphrase ? c.quote : `“${c.quote}”`}
              </blockquote>
              <ClaimVerdicts claim={c} />
              <details className="mt-2">
                <summary className="cursor-pointer text-indigo-700">Linked items ({c.linked})</summary>
                <LinkedItemsTable slug={slug} claim={c} />
              </details>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
