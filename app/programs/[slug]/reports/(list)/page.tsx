import type { Metadata } from "next";
import { programTitle } from "@/app/_lib/program-title";
import Link from "next/link";
import { publishWeekAction } from "@/app/_actions/reports";
import { requireSignedIn } from "@/app/_lib/auth";
import { orNotFound } from "@/app/_lib/or-not-found";
import type { SearchParams } from "@/app/_lib/page-view";
import { ReportWeeksTable } from "@/components/reports/report-weeks-table";
import { WeekDiff, WeekDiffForm, type WeekDiffData } from "@/components/reports/week-diff";
import { getDb } from "@/db/get-db";
import { diffReportWeeks, listReportWeeks, WEEKS_PER_PAGE } from "@/db/queries/list-report-weeks";
import { can } from "@/lib/auth/roles";
import { asAppError } from "@/lib/errors";
import { weekOfQuery } from "@/lib/iso-week";
import { countOf } from "@/lib/artefacts/count-words";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: SearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: await programTitle((await params).slug, "Weekly reports") };
}

const one = (v: string | string[] | undefined) => (typeof v === "string" && v ? v : undefined);

export default async function ReportsPage({ params, searchParams }: Props) {
  const person = await requireSignedIn();
  const { slug } = await params;
  const search = await searchParams;
  const db = await getDb();
  const start = Number(one(search.start));
  const asked = one(search.week);
  const askedWeek = asked ? weekOfQuery(asked) : null;
  const list = await orNotFound(async () => await listReportWeeks(db, slug, { start: Number.isInteger(start) ? start : undefined, week: asked }));
  const [latest, before] = list.allWeeks;
  const a = one(search.a);
  const b = one(search.b);
  let diff: WeekDiffData | null = null;
  let diffError: string | null = null;
  if (a && b) {
    try {
      diff = await diffReportWeeks(db, slug, a, b);
    } catch (e) {
      // Through the database: a value PostgreSQL refuses is a refusal too, not a server error.
      const refused = asAppError(e);
      if (!refused) throw e;
      diffError = refused.message;
    }
  }
  const startHref = (n: number) => `/programs/${slug}/reports?start=${n}${a && b ? `&a=${a}&b=${b}` : ""}`;
  const shownTo = list.start + list.weeks.length;

  return (
    <section className="space-y-5">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold">Weekly reports</h1>
        {/* For the person who reads and forwards the report; how a file proves itself is at the end of the page. */}
        <div className="max-w-4xl space-y-1 text-slate-700">
          <p>
            A weekly report says where the program truly stood at the week&apos;s cutoff, the end of Sunday (23:59:59.999 UTC),
            from everything the tracker records about that date: each item at its true status, so only verified work counts, and
            no figure is rounded up.
          </p>
          <p>
            Once a week is published, that version is sealed: it is stored for good and never changes. When the history later
            says otherwise (a backfill, a correction), the week is marked <strong>restated</strong>, with what changed.
          </p>
          <p>
            Download a week&apos;s files from its row (Markdown, CSV, JSON, PDF or a spreadsheet), or open the week to read it in
            the browser. Every file says at its top and bottom whether it is the published version or a draft.
          </p>
        </div>
        <p className="text-sm text-slate-600" data-testid="weeks-summary">
          {countOf(list.total, "week")} from the first item to the last complete week · {list.published} published
        </p>
        {list.latest && (
          <p data-testid="latest-week">
            Latest complete week:{" "}
            <Link href={`/programs/${slug}/reports/${list.latest}`} className="font-mono font-medium text-indigo-800 underline">
              {list.latest}
            </Link>{" "}
            <span className="text-slate-600">— open it to read the report in the browser</span>
          </p>
        )}
      </div>

      {list.allWeeks.length > 0 && (
        <form action={`/programs/${slug}/reports`} method="get" className="flex flex-wrap items-end gap-2" aria-label="Find a week">
          <label>
            <span className="text-slate-700">Find a week, or the week of a date</span>
            <input
              name="week"
              defaultValue={asked ?? ""}
              placeholder="2024-W52 or 2024-12-27"
              aria-describedby="week-hint"
              className="mt-1 block w-52 rounded border border-slate-300 px-2 py-1 font-mono"
            />
          </label>
          <button type="submit" className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-50">
            Show
          </button>
          <p id="week-hint" className="w-full text-xs text-slate-600">
            An ISO week (YYYY-Www) or any day of it (YYYY-MM-DD).
          </p>
          {asked && !list.found && (
            <p role="alert" className="w-full text-red-800">
              {askedWeek
                ? `${askedWeek.label}${askedWeek.label === asked.trim().toUpperCase() ? "" : ` (the week of ${asked.trim()})`} is not among this program's complete weeks.`
                : `"${asked}" is neither a week like 2024-W52 nor a date like 2024-12-27.`}
            </p>
          )}
          {asked && list.found && list.found !== asked.trim().toUpperCase() && (
            <p className="w-full text-slate-700" data-testid="week-of-date">
              {asked.trim()} falls in {list.found}.
            </p>
          )}
        </form>
      )}

      {list.weeks.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700">
          No complete week yet: a week can be reported once its Sunday has ended.
        </p>
      ) : (
        <ReportWeeksTable slug={slug} weeks={list.weeks} canPublish={can(person.role, "admin")} publishAction={publishWeekAction} highlight={asked ? list.found : list.latest} />
      )}

      {list.total > list.weeks.length && (
        <nav aria-label="More weeks" className="flex items-center gap-3">
          {list.start > 0 && (
            <Link href={startHref(Math.max(0, list.start - WEEKS_PER_PAGE))} className="text-indigo-700 underline">
              Newer weeks
            </Link>
          )}
          <span className="text-slate-600">
            weeks {list.start + 1}–{shownTo} of {list.total}, newest first
          </span>
          {shownTo < list.total && (
            <Link href={startHref(shownTo)} className="text-indigo-700 underline">
              Older weeks
            </Link>
          )}
        </nav>
      )}

      {list.allWeeks.length > 0 && (
        <section aria-labelledby="compare" className="space-y-3 rounded border border-slate-200 bg-white p-3">
          <h2 id="compare" className="font-semibold">
            Compare two weeks
          </h2>
          <WeekDiffForm action={`/programs/${slug}/reports`} weeks={list.allWeeks} a={a ?? before ?? latest!} b={b ?? latest!} start={list.start} />
          {diffError && (
            <p role="alert" className="rounded bg-red-50 p-2 text-red-800">
              {diffError}
            </p>
          )}
          {diff && <WeekDiff diff={diff} itemHref={(key) => `/programs/${slug}/items/${encodeURIComponent(key)}`} />}
        </section>
      )}

      <section aria-labelledby="check-a-file" className="max-w-4xl space-y-1 text-sm text-slate-600">
        <h2 id="check-a-file" className="font-semibold text-slate-700">
          Checking a file
        </h2>
        <p>
          The same history always gives the same bytes. Each Markdown, CSV and JSON file carries its week, the history head hash at
          the cutoff (a fingerprint of everything the tracker had logged by then) and its own SHA-256 digest (a fingerprint of
          the file), which <code>npm run tracker -- verify-report FILE</code> checks. A PDF or a spreadsheet is a view for
          reading, not a sealed file.
        </p>
      </section>
    </section>
  );
}
