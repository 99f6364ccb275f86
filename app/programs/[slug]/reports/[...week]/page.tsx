import { notFound, redirect } from "next/navigation";
import { requireSignedIn } from "@/app/_lib/auth";
import { orNotFound } from "@/app/_lib/or-not-found";
import { getDb } from "@/db/get-db";
import { listReportWeeks } from "@/db/queries/list-report-weeks";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; week: string[] }> };

/**
 * `/programs/{slug}/reports/{YYYY-Www}`: a week the program can be reported for opens the reports
 * list on that week; an unknown, future or malformed week (or any deeper path) is a 404 inside the
 * program's navigation, like an unknown item or claim.
 */
export default async function ReportWeekPage({ params }: Props) {
  await requireSignedIn();
  const { slug, week } = await params;
  const label = week.length === 1 ? decodeURIComponent(week[0]!) : null;
  const found = label === null ? null : orNotFound(() => listReportWeeks(getDb(), slug, { week: label })).found;
  if (found) redirect(`/programs/${slug}/reports?week=${encodeURIComponent(found)}`);
  notFound();
}
