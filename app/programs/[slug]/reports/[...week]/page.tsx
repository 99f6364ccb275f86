import type { Metadata } from "next";
import { programTitle } from "@/app/_lib/program-title";
import { notFound, redirect } from "next/navigation";
import { publishWeekAction } from "@/app/_actions/reports";
import { requireSignedIn } from "@/app/_lib/auth";
import { orNotFound } from "@/app/_lib/or-not-found";
import type { SearchParams } from "@/app/_lib/page-view";
import { DeliveryLog } from "@/components/reports/delivery-log";
import { ReportActions } from "@/components/reports/preview/report-actions";
import { ReportAreas } from "@/components/reports/preview/report-areas";
import { ReportBlocked } from "@/components/reports/preview/report-blocked";
import { ReportChanges } from "@/components/reports/preview/report-changes";
import { ReportClaims } from "@/components/reports/preview/report-claims";
import { ReportForecast } from "@/components/reports/preview/report-forecast";
import { ReportHeadline } from "@/components/reports/preview/report-headline";
import { ReportHistory } from "@/components/reports/preview/report-history";
import { ReportInflated } from "@/components/reports/preview/report-inflated";
import { ReportItems } from "@/components/reports/preview/report-items";
import { ReportQuality } from "@/components/reports/preview/report-quality";
import { ReportRestatement } from "@/components/reports/preview/report-restatement";
import { ReportStampBanner } from "@/components/reports/preview/report-stamp-banner";
import { ReportWeekNav } from "@/components/reports/preview/report-week-nav";
import { IllustrativeMark } from "@/components/ui/illustrative-mark";
import { getDb } from "@/db/get-db";
import { getReportPreview } from "@/db/queries/get-report-preview";
import { listDeliveries } from "@/db/queries/list-deliveries";
import { can } from "@/lib/auth/roles";
import { decodePathSegment } from "@/lib/http/path-encoding";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; week: string[] }>; searchParams: SearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, week } = await params;
  const asked = week.length === 1 ? decodePathSegment(week[0]!) : null;
  // A title holds no stray text of any length: what no week can be is simply "not found".
  return { title: await programTitle(slug, `Report ${asked !== null && asked.length <= 40 ? asked : "not found"}`) };
}

/**
 * `/programs/{slug}/reports/{YYYY-Www}`: the week's report as a page, from the same model and with
 * the same stamp as its files. A day of the week (or a lower-case label) redirects to the week; an
 * unknown, future or malformed week, or any deeper path, is a 404 inside the program's navigation.
 * The page is a list of sections; admins also read the week's delivery log under its actions.
 */
export default async function ReportWeekPage({ params, searchParams }: Props) {
  const person = await requireSignedIn();
  const { slug, week } = await params;
  if (week.length !== 1) notFound();
  const asked = decodePathSegment(week[0]!) ?? notFound();
  const preview = await orNotFound(async () => await getReportPreview(await getDb(), slug, asked));
  if (preview.week !== asked) redirect(`/programs/${slug}/reports/${preview.week}`);
  const { report, stamp, publication } = preview;
  const search = await searchParams;
  const isAdmin = can(person.role, "admin");
  // Who receives reports is for admins only (subscriptions are never shown to other readers).
  const deliveries = isAdmin && publication ? await listDeliveries(await getDb(), slug, { week: preview.week }) : null;

  return (
    <article className="space-y-4" aria-labelledby="report-title">
      <ReportWeekNav slug={slug} week={preview.week} previous={preview.previous} next={preview.next} asOf={report.asOf} />
      <header className="space-y-1">
        <h1 id="report-title" className="text-xl font-semibold">
          Weekly report — {report.week}
        </h1>
        <p className="max-w-4xl text-slate-700">
          Monday {report.weekStart} to Sunday {report.weekEnd}. Every figure is as of the cutoff, {report.cutoff.replace("T", " ").replace("Z", " UTC")}, with everything
          the tracker records about that date. A status counts only when the evidence its level needs is attached and a second person verified it; figures are never
          rounded up.
          {stamp.illustrative && (
            <>
              {" "}
              <IllustrativeMark factsUntil={stamp.illustrative.factsUntil} /> The cutoff lies after the program&apos;s evidence horizon, {stamp.illustrative.factsUntil}:
              every figure of this week is an invented continuation.
            </>
          )}
        </p>
      </header>
      <ReportStampBanner stamp={stamp} />
      <ReportActions slug={slug} week={preview.week} publication={publication} canPublish={isAdmin} publishAction={publishWeekAction} />
      {deliveries && (
        <section aria-labelledby="deliveries" className="space-y-2">
          <h2 id="deliveries" className="font-semibold">
            Sent to subscribers
          </h2>
          <DeliveryLog deliveries={deliveries} caption={`Delivery log of ${preview.week}`} />
        </section>
      )}
      {publication?.restated && <ReportRestatement publication={publication} rows={preview.restatement} />}
      <ReportHeadline report={report} />
      <ReportChanges report={report} slug={slug} />
      <ReportAreas report={report} />
      <ReportInflated report={report} slug={slug} />
      <ReportBlocked report={report} slug={slug} />
      <ReportForecast report={report} />
      <ReportClaims report={report} slug={slug} />
      <ReportQuality report={report} slug={slug} />
      <ReportItems report={report} slug={slug} sortParam={search.itemsSort} />
      <ReportHistory report={report} />
      <ReportStampBanner stamp={stamp} end />
    </article>
  );
}
