import { AppError } from "@/lib/errors";
import { weekOfQuery, type IsoWeek } from "@/lib/iso-week";
import { assessPublication, publishedReportModel } from "@/lib/report/assess-publication";
import { diffReports, headlineFigures, type ReportDifference } from "@/lib/report/diff-reports";
import type { ReportPublication } from "@/lib/report/render-json";
import type { WeeklyReport } from "@/lib/report/report-model";
import { renderReportMarkdown } from "@/lib/report/render-markdown";
import { restatementTable, type RestatementRow } from "@/lib/report/restatement-table";
import { lastCompleteWeek, resolveReportWeek, weeksBetween } from "@/lib/report/report-week";
import { formatDate } from "@/lib/time";
import type { Db } from "../index";
import { loadReportSource, reportOf, type ReportSource } from "./get-weekly-report";
import { loadProgramHistory, type ProgramHistory } from "./load-program-history";
import { listPublishedWeeks, loadPublishedReports, type PublishedReport } from "./load-published-reports";
import { memoByHead } from "./memo-by-head";

export const WEEKS_PER_PAGE = 20;

/** Weeks a program can be reported for: from the week of its first item to the last complete week. */
function reportableWeeks(history: ProgramHistory, now: number): IsoWeek[] {
  const firstItem = Math.min(...history.items.map((i) => i.identifiedAt));
  const from = Number.isFinite(firstItem) ? firstItem : history.program.createdAt;
  const last = lastCompleteWeek(now);
  return from > last.end ? [] : weeksBetween(from, last);
}

/**
 * Every week a program has a report for, newest first: the reportable weeks and, so that no
 * publication is ever hidden, any published week outside them (before the first item).
 */
export function listedWeeks(history: ProgramHistory, published: Iterable<string>, now: number): IsoWeek[] {
  const weeks = reportableWeeks(history, now);
  const labels = new Set(weeks.map((w) => w.label));
  for (const p of published) if (!labels.has(p)) weeks.push(resolveReportWeek(p, now));
  return weeks.sort((a, b) => b.start - a.start);
}

/**
 * A program's listed weeks and the index of the one `query` names (its label or any day of it),
 * -1 when the list does not hold it: the rule of a week's report page, which the check before
 * rendering a page (proxy.ts) applies too. A not_found AppError for an unknown slug.
 */
export async function findListedWeek(db: Db, slug: string, query: string, now: number): Promise<{ weeks: IsoWeek[]; at: number }> {
  const history = await loadProgramHistory(db, slug);
  const weeks = listedWeeks(history, await listPublishedWeeks(db, history.program.id), now);
  const asked = weekOfQuery(query);
  return { weeks, at: asked ? weeks.findIndex((w) => w.label === asked.label) : -1 };
}

/** A restated week's published report against today's, as rows a person reads. */
export function restatementOf(stored: PublishedReport, publication: ReportPublication, today: WeeklyReport): RestatementRow[] {
  return publication.restated ? restatementTable(publishedReportModel(stored), today, publication.lines.length) : [];
}

/**
 * A published week against its regeneration today, with what changed: one regeneration of the
 * week, memoised with the log head (the report changes only when the head moves, as the week's
 * page assumes) and with the publication, so the list reads each published week once per head.
 */
async function assessPublishedWeek(db: Db, source: ReportSource, stored: PublishedReport, week: IsoWeek, now: number) {
  return await memoByHead(
    db,
    `report-publication:${source.program.slug}:${week.label}:${stored.sha256}:${stored.publishedAt}`,
    async () => {
      const report = await reportOf(source, week, now);
      const publication = assessPublication(stored, { markdown: renderReportMarkdown(report), report });
      return { publication, restatement: restatementOf(stored, publication, report) };
    },
    undefined,
    // About what the differing lines weigh; a week unchanged since publication next to nothing.
    (a) => Math.ceil(a.publication.lines.reduce((n, l) => n + l.text.length, 0) / 256),
  );
}

export interface ReportWeekRow {
  week: string;
  weekStart: string;
  weekEnd: string;
  publication: ReportPublication | null;
  /** What changed since publication, when the week was restated. */
  restatement: RestatementRow[];
}

/**
 * A window of 20 of a program's weeks, newest first, each with its publication; a published week
 * is regenerated to tell whether it was restated. The window is a page (`page`), starts at an
 * index (`start`), or is centred on a week asked for (`week`). Published weeks outside the range
 * (before the first item) are listed too, so no publication is ever hidden.
 */
export async function listReportWeeks(db: Db, slug: string, options: { page?: number; start?: number; week?: string; now?: number } = {}) {
  const now = options.now ?? Date.now();
  const source = await loadReportSource(db, slug);
  const published = new Map((await loadPublishedReports(db, source.program.id)).map((p) => [p.week, p]));
  const weeks = listedWeeks(source.history, published.keys(), now);
  const pages = Math.max(1, Math.ceil(weeks.length / WEEKS_PER_PAGE));
  // A week or any day of it: "2024-W52" and "2024-12-27" find the same row.
  const wanted = options.week === undefined ? undefined : weekOfQuery(options.week)?.label;
  const found = wanted === undefined ? -1 : weeks.findIndex((w) => w.label === wanted);
  const clamp = (n: number, max: number) => Math.min(Math.max(0, Math.floor(n)), Math.max(0, max));
  const start =
    found >= 0
      ? clamp(found - Math.floor(WEEKS_PER_PAGE / 2) + 1, weeks.length - WEEKS_PER_PAGE)
      : options.start !== undefined
        ? clamp(options.start, weeks.length - 1)
        : clamp(((options.page ?? 1) - 1) * WEEKS_PER_PAGE, (pages - 1) * WEEKS_PER_PAGE);
  const page = Math.floor(start / WEEKS_PER_PAGE) + 1;
  const shown = weeks.slice(start, start + WEEKS_PER_PAGE);
  const assessed = new Map(
    await Promise.all(
      shown
        .filter((w) => published.has(w.label))
        .map(async (w) => [w.label, await assessPublishedWeek(db, source, published.get(w.label)!, w, now)] as const),
    ),
  );
  const rows: ReportWeekRow[] = shown.map((w) => {
    const a = assessed.get(w.label);
    return { week: w.label, weekStart: formatDate(w.start), weekEnd: formatDate(w.end), publication: a?.publication ?? null, restatement: a?.restatement ?? [] };
  });
  return {
    program: { slug: source.program.slug, name: source.program.name },
    weeks: rows,
    allWeeks: weeks.map((w) => w.label),
    total: weeks.length,
    published: published.size,
    /** The week asked for with `week`, when it is in the list. */
    found: found >= 0 ? weeks[found]!.label : null,
    /** The last complete week, when the program has a report for it: where the list opens. */
    latest: weeks.find((w) => w.label === lastCompleteWeek(now).label)?.label ?? null,
    /** Index of the first week shown, in `allWeeks`. */
    start,
    page,
    pages,
  };
}

/** Two weeks side by side: their headline figures and what differs (figures, each item's true status). */
export async function diffReportWeeks(db: Db, slug: string, weekA: string, weekB: string, now = Date.now()) {
  const source = await loadReportSource(db, slug);
  const resolve = (label: string, which: string) => {
    try {
      return resolveReportWeek(label, now);
    } catch (e) {
      if (e instanceof AppError) throw new AppError("invalid", `${which}: ${e.message}`, e.errors);
      throw e;
    }
  };
  const a = await reportOf(source, resolve(weekA, "first week"), now);
  const b = await reportOf(source, resolve(weekB, "second week"), now);
  const fb = new Map(headlineFigures(b));
  return {
    a: a.week,
    b: b.week,
    figures: headlineFigures(a).map(([what, was]) => ({ what, a: was, b: fb.get(what)! })),
    differences: diffReports(a, b) as ReportDifference[],
  };
}
