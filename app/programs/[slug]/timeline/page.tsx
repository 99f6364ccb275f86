import type { Metadata } from "next";
import { programTitle } from "@/app/_lib/program-title";
import { requireSignedIn } from "@/app/_lib/auth";
import { orNotFound } from "@/app/_lib/or-not-found";
import { pageView, type SearchParams } from "@/app/_lib/page-view";
import { AsOfError } from "@/components/program/as-of-error";
import { AsOfForm } from "@/components/program/as-of-form";
import { TimelineChart } from "@/components/timeline/timeline-chart";
import { TimelineFilters } from "@/components/timeline/timeline-filters";
import { TimelineList } from "@/components/timeline/timeline-list";
import { TimelineSummary } from "@/components/timeline/timeline-summary";
import { IllustrativeMark } from "@/components/ui/illustrative-mark";
import { getDb } from "@/db/get-db";
import { getClaims } from "@/db/queries/get-claims";
import { getSchedule } from "@/db/queries/get-schedule";
import { claimHref, programHref } from "@/lib/program-links";
import { parseZoom, timelineModel } from "@/lib/schedule/timeline-model";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: SearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: await programTitle((await params).slug, "Timeline") };
}

export default async function TimelinePage({ params, searchParams }: Props) {
  await requireSignedIn();
  const { slug } = await params;
  const { search, view, asOf, knownAt, error } = await pageView(searchParams);
  const db = await getDb();
  const schedule = await orNotFound(async () => await getSchedule(db, slug, asOf, knownAt));
  const claims = (await getClaims(db, slug, asOf, knownAt))
    .claims.filter((c) => c.date <= schedule.asOf)
    .map((c) => ({ id: c.id, date: c.date, speaker: c.speaker, verdict: c.verdictAtClaimDate }));
  const param = (k: string) => (typeof search[k] === "string" && search[k] ? (search[k] as string) : null);
  const zoom = parseZoom(param("zoom"));
  const filters = { area: param("area"), owner: param("owner"), risky: param("risky") === "1" };
  const model = timelineModel(schedule, claims, filters, zoom);
  const itemHref = (key: string) => programHref(slug, "items", view).replace(/\/items(?=\?|$)/, `/items/${encodeURIComponent(key)}`);
  // Every bar and date is computed as of asOf: past the evidence horizon, all of them are invented.
  const illustrativeAfter = schedule.illustrative ? schedule.factsUntil : null;
  const here = { ...view, area: filters.area ?? undefined, owner: filters.owner ?? undefined, risky: filters.risky ? "1" : undefined };

  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-xl font-semibold">Timeline</h1>
          <p className="text-slate-600">When each item can really start and finish, by its dependencies and estimates, against the dates promised.</p>
        </div>
        <AsOfForm action={programHref(slug, "timeline")} asOf={view.asOf} inForce={schedule.asOf} knownAt={view.knownAt} hidden={{ zoom: zoom === "quarter" ? undefined : zoom, area: here.area, owner: here.owner, risky: here.risky }} />
      </div>
      <AsOfError error={error} />
      {schedule.items.length === 0 ? (
        <p className="rounded border border-slate-200 bg-white p-4 text-slate-700">
          {view.asOf ? "No work item was in this program on that date, so there is nothing to schedule." : "This program has no work items yet, so there is nothing to schedule. An admin adds them on the Items page (“Add an item”) or through the API."}
        </p>
      ) : (
        <>
          <TimelineSummary
            schedule={schedule}
            counts={model.counts}
            knownAt={view.knownAt ? schedule.knownAt : null}
            itemHref={itemHref}
            illustrativeAfter={illustrativeAfter}
          />
          <TimelineFilters
            action={programHref(slug, "timeline")}
            filters={filters}
            zoom={zoom}
            areas={model.areas}
            owners={model.owners}
            keep={{ ...view, zoom: zoom === "quarter" ? undefined : zoom }}
            zoomHref={(z) => programHref(slug, "timeline", view, { area: here.area, owner: here.owner, risky: here.risky, zoom: z === "quarter" ? undefined : z })}
          />
          {model.counts.shown === 0 ? (
            <p className="rounded border border-slate-200 bg-white p-4 text-slate-700">No item matches these filters.</p>
          ) : (
            <>
              <div className="hidden md:block">
                <TimelineChart
                  model={model}
                  itemHref={Object.fromEntries(model.lanes.flatMap((l) => l.rows.map((r) => [r.key, itemHref(r.key)])))}
                  claimHref={Object.fromEntries(claims.map((c) => [c.id, claimHref(slug, c.id, view)]))}
                />
                <TimelineLegend illustrativeAfter={illustrativeAfter} />
              </div>
              <div className="md:hidden">
                <TimelineList model={model} itemHref={itemHref} />
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
}

function TimelineLegend({ illustrativeAfter }: { illustrativeAfter: string | null }) {
  return (
    <p className="mt-2 text-xs text-slate-600" data-testid="timeline-legend">
      Bars run from the earliest start to the earliest finish, coloured by true status; a dark outline marks the critical path; ◆ is the
      item&apos;s promised date (red: impossible, amber: at risk); arrows lead from each dependency; the solid indigo line is the as-of date, the
      dotted line the program&apos;s earliest finish, the dashed line its committed target; ▼ marks a public claim with its speaker, coloured and lettered by its
      verdict on its date (the key below the chart names each letter). An item not done weighs its whole estimate: no partial credit.
      {illustrativeAfter && (
        <>
          {" "}
          <IllustrativeMark factsUntil={illustrativeAfter} testId="timeline-legend-illustrative" />: every bar here is computed as of a date after the evidence
          horizon ({illustrativeAfter}).
        </>
      )}
    </p>
  );
}
