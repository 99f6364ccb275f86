import type { Metadata } from "next";
import { programTitle } from "@/app/_lib/program-title";
import Link from "next/link";
import { createClaimAction } from "@/app/_actions/claims";
import { requireSignedIn } from "@/app/_lib/auth";
import { orNotFound } from "@/app/_lib/or-not-found";
import { pageView, type SearchParams } from "@/app/_lib/page-view";
import { asOfLabel } from "@/components/claims/as-of-label";
import { ClaimCard } from "@/components/claims/claim-card";
import { ClaimForm } from "@/components/claims/claim-form";
import { ClaimsFilterForm } from "@/components/claims/claims-filter-form";
import { BurnUpChart } from "@/components/dashboard/status-charts";
import { AsOfForm } from "@/components/program/as-of-form";
import { getDb } from "@/db/get-db";
import { getClaims } from "@/db/queries/get-claims";
import { getStatusSeries } from "@/db/queries/get-status-series";
import { loadEvents } from "@/db/queries/load-events";
import { ContextEvents } from "@/components/claims/context-events";
import { can } from "@/lib/auth/roles";
import { claimSpeakers, filterClaims, parseClaimListQuery } from "@/lib/claims/claim-list-query";
import { formatDate } from "@/lib/time";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: SearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: await programTitle((await params).slug, "Claims") };
}

/** A query string from parameters, leaving out the empty ones. */
function queryOf(params: Record<string, string | undefined>): string {
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1]))).toString();
  return query ? `?${query}` : "";
}

export default async function ClaimsPage({ params, searchParams }: Props) {
  const person = await requireSignedIn();
  const { slug } = await params;
  const { search, view, asOf, knownAt, error: viewError } = await pageView(searchParams);
  const { query: q, error: queryError } = parseClaimListQuery(search);
  const db = await getDb();
  const data = await orNotFound(async () => await getClaims(db, slug, asOf, knownAt));
  const { claims, snapshot: history } = data;
  const shown = filterClaims(claims, q);
  const events = await loadEvents(db, data.program.id);
  const base = `/programs/${slug}/claims`;
  const viewQuery = queryOf({ ...view });
  const current: Record<string, string | undefined> = { ...view, verdict: q.verdict, speaker: q.speaker, dir: q.dir };
  // The default order (newest first) stays out of the URL.
  const href = (changes: Record<string, string | undefined>) => {
    const p = { ...current, ...changes };
    return `${base}${queryOf({ ...p, dir: p.dir === "asc" ? "asc" : undefined })}`;
  };
  const titles = new Map(history.items.map((i) => [i.key, i.title]));
  const nowLabel = asOfLabel(view.asOf, claims[0]?.asOf ?? "");
  const error = [viewError, queryError].filter(Boolean).join("; ");
  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-xl font-semibold">What was said in public, and was it true that day?</h1>
        <AsOfForm action={base} asOf={view.asOf} knownAt={view.knownAt} hidden={{ verdict: q.verdict, speaker: q.speaker, dir: q.dir === "asc" ? "asc" : undefined }} />
      </div>
      {error && (
        <p role="alert" className="rounded bg-red-50 p-2 text-red-800">
          {error}
        </p>
      )}
      <p className="max-w-4xl text-slate-700" data-testid="method">
        Each claim is linked to the work items it implies and the status each must have reached. A link is met when the
        item&apos;s <em>true</em> status — evidence attached and verified by a second person — had reached it. The verdict
        follows the share of links met: <em>unsupported</em> means under a quarter were met though work had started (not
        that the claim was false); <em>contradicted</em> means none of the linked items had even started (a finding, not
        a lack of data).{" "}
        See the <Link href="/rules#claims" className="text-indigo-700 underline">verdict rules</Link>.
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
        <div className="rounded border border-dashed border-slate-300 bg-white p-4 text-slate-700" data-testid="no-claims">
          <p className="font-medium text-slate-900">No public claim has been recorded for this program yet.</p>
          <p className="mt-1">
            Once one is, it appears here with its date, speaker and source, and with its verdict: whether the work items it
            implies had verifiably reached that status on the day it was made.{" "}
            {can(person.role, "admin") ? "Use “Add a claim” above to record one." : "An administrator records claims."}
          </p>
        </div>
      ) : (
        <>
          <div className="min-w-0 rounded border border-slate-200 bg-white p-3">
            <h2 className="font-semibold">Words against work</h2>
            <BurnUpChart
              series={await getStatusSeries(db, slug, asOf, knownAt)}
              claims={claims.map((c) => ({ id: c.id, date: c.date, speaker: c.speaker, verdict: c.verdictAtClaimDate }))}
              factsUntil={data.program.factsUntil === null ? null : formatDate(data.program.factsUntil)}
            />
            <ContextEvents events={events} />
          </div>
          <ClaimsFilterForm action={base} q={q} speakers={claimSpeakers(claims)} view={view} href={href} />
          <p className="flex flex-wrap items-baseline justify-between gap-2 text-slate-600">
            <span data-testid="claims-count">
              {shown.length === claims.length ? `${claims.length} ${claims.length === 1 ? "claim" : "claims"}` : `${shown.length} of ${claims.length} claims`},{" "}
              {q.dir === "desc" ? "newest first" : "oldest first"}
            </span>
            <span className="flex flex-wrap gap-4">
              <a href={`/api/programs/${slug}/claims.csv${viewQuery}`} className="text-indigo-700 underline" download>
                Comparison as CSV
              </a>
              <a href={`/api/programs/${slug}/claims.md${viewQuery}`} className="text-indigo-700 underline" download>
                Comparison as Markdown
              </a>
            </span>
          </p>
          {shown.length === 0 ? (
            <p className="text-slate-600">
              No claim matches these filters.{" "}
              <Link href={href({ verdict: undefined, speaker: undefined })} className="text-indigo-700 underline">
                Show every claim
              </Link>
            </p>
          ) : (
            <ol className="space-y-3" aria-label="Claims">
              {shown.map((c) => (
                <ClaimCard
                  key={c.id}
                  slug={slug}
                  claim={c}
                  href={`${base}/${encodeURIComponent(c.id)}${viewQuery}`}
                  titles={titles}
                  asOfLabel={nowLabel}
                />
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
