import type { Metadata } from "next";
import { programTitle } from "@/app/_lib/program-title";
import Link from "next/link";
import { requireSignedIn } from "@/app/_lib/auth";
import { orNotFound } from "@/app/_lib/or-not-found";
import { pageView, type SearchParams } from "@/app/_lib/page-view";
import { AreaTable } from "@/components/dashboard/area-table";
import { ClaimsStrip } from "@/components/dashboard/claims-strip";
import { RecentVerificationsTable } from "@/components/dashboard/recent-verifications";
import { Headline, HeadlineSentence } from "@/components/dashboard/headline";
import { CriticalPathPanel, ForecastPanel, QualityPanel } from "@/components/dashboard/readiness-panels";
import { InflatedTable } from "@/components/dashboard/readiness-tables";
import { Panel } from "@/components/ui/panel";
import { BurnUpChart, CumulativeFlowChart } from "@/components/dashboard/status-charts";
import { AsOfForm } from "@/components/program/as-of-form";
import { AsOfPresets } from "@/components/program/as-of-presets";
import { StatusCountsTable } from "@/components/program/status-counts-table";
import { IllustrativeMark } from "@/components/ui/illustrative-mark";
import { AsOfError } from "@/components/program/as-of-error";
import { getDb } from "@/db/get-db";
import { getDashboard } from "@/db/queries/get-dashboard";
import { asOfPresets } from "@/lib/dashboard/as-of-presets";
import { isIllustrative } from "@/lib/evidence-horizon";
import { claimHref, programHref, readinessApiHref } from "@/lib/program-links";
import { formatDate } from "@/lib/time";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: SearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: await programTitle((await params).slug, "Dashboard") };
}

export default async function DashboardPage({ params, searchParams }: Props) {
  await requireSignedIn();
  const { slug } = await params;
  const { search, view, asOf, knownAt, now, error } = await pageView(searchParams);
  const d = await orNotFound(async () => await getDashboard(await getDb(), slug, asOf, knownAt));
  const r = d.readiness;
  const itemsHref = (extra: Record<string, string | undefined>) => programHref(slug, "items", view, extra);
  const itemHref = (key: string) => `/programs/${slug}/items/${encodeURIComponent(key)}`;
  const factsUntil = d.program.factsUntil === null ? null : formatDate(d.program.factsUntil);
  const illustrative = isIllustrative(d.program.factsUntil, asOf) ? <IllustrativeMark factsUntil={formatDate(d.program.factsUntil!)} /> : null;
  const presets = asOfPresets({ now, since: d.since, claims: d.claims, target: d.program.targetDate });

  return (
    <section className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-xl font-semibold">Dashboard</h1>
          <p className="text-slate-600">
            As of <strong data-testid="as-of">{r.asOf}</strong>
            {illustrative && <> {illustrative}</>}
            {view.knownAt ? ` as known at ${r.knownAt}` : ", with everything known today"}
            {d.program.targetDate ? ` · committed target ${formatDate(d.program.targetDate)}` : ""}
            {" · "}
            <span data-testid="total-items">{r.total}</span> {r.total === 1 ? "item" : "items"}
            {r.notYetIdentified > 0 && ` (${r.notYetIdentified} identified later)`}
          </p>
        </div>
        <AsOfForm action={`/programs/${slug}`} asOf={view.asOf} inForce={r.asOf} knownAt={view.knownAt} />
      </div>
      <AsOfPresets presets={presets} current={view.asOf ? r.asOf : null} href={(date) => programHref(slug, "", { knownAt: view.knownAt, asOf: date ?? undefined })} />
      <AsOfError error={error} />

      {r.total === 0 ? (
        <div className="rounded border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700">
          <p className="font-medium">This program has no work items yet.</p>
          <p className="mt-1">
            An admin adds them on the{" "}
            <Link href={programHref(slug, "items")} className="text-indigo-700 underline">
              Items page
            </Link>{" "}
            (“Add an item”) or through the API (<code>POST /api/programs/{slug}/items</code>).
          </p>
        </div>
      ) : (
        <>
          <HeadlineSentence asOf={r.asOf} clauses={d.headline} mark={illustrative} />
          <ClaimsStrip asOf={r.asOf} claims={d.claims} claimHref={(id) => claimHref(slug, id, view)} allHref={programHref(slug, "claims", view)} />
          <Headline r={r} itemsHref={itemsHref} />
          <div className="grid gap-4 lg:grid-cols-2">
            <Panel title="Burn-up: verified against reported" id="burnup">
              <BurnUpChart series={d.series} claims={d.claims.map((c) => ({ id: c.id, date: c.date, speaker: c.speaker, verdict: c.verdictAtClaimDate }))} factsUntil={factsUntil} />
            </Panel>
            <Panel title="Cumulative flow of true status" id="flow">
              <CumulativeFlowChart series={d.series} factsUntil={factsUntil} />
            </Panel>
          </div>
          <div className="grid gap-4 lg:grid-cols-3">
            <Panel title="Items per status" id="per-status">
              <StatusCountsTable counts={r.byStatus} href={(f) => itemsHref(f)} />
            </Panel>
            <Panel title="Status by area" id="by-area">
              <AreaTable areas={d.areas} href={itemsHref} />
            </Panel>
            <Panel title={`Inflated items (${r.inflated.length})`} id="inflated">
              <InflatedTable r={r} titles={d.titles} itemHref={itemHref} allHref={itemsHref({ inflated: "1" })} sortParam={search.inflatedSort} />
            </Panel>
          </div>
          <div className="grid gap-4 lg:grid-cols-2">
            <Panel title="Critical path" id="critical-path">
              <CriticalPathPanel r={r} itemHref={itemHref} timelineHref={programHref(slug, "timeline", view)} />
            </Panel>
            <Panel title="Forecast" id="forecast">
              <ForecastPanel r={r} />
            </Panel>
          </div>
          <div className="grid gap-4 lg:grid-cols-2">
            <Panel title="Quality" id="quality">
              <QualityPanel
                r={r}
                itemHref={itemHref}
                unownedHref={itemsHref({ unowned: "1" })}
                breachesSort={search.breachesSort}
                titles={d.titles}
                wholeLists={{ reports: programHref(slug, "reports", view), readiness: readinessApiHref(slug, view) }}
              />
            </Panel>
            <Panel title="Last verified changes" id="recent">
              <RecentVerificationsTable rows={d.recent} itemHref={itemHref} sortParam={search.verifiedSort} />
            </Panel>
          </div>
        </>
      )}
    </section>
  );
}
