import { statusOverTime } from "@/lib/charts/status-over-time";
import type { ClaimRecord } from "@/lib/claims/evaluate-claims";
import type { IsoWeek } from "@/lib/iso-week";
import type { Snapshot } from "@/lib/build-snapshot";
import { assessPublication } from "@/lib/report/assess-publication";
import { assertChromiumInstalled, printPdf, type Paper } from "@/lib/report/print-pdf";
import { buildWeeklyReport, type TransitionDetails, type WeeklyReport } from "@/lib/report/report-model";
import { resolveReportWeek, type ReportFormat } from "@/lib/report/report-week";
import { renderReportCsv } from "@/lib/report/render-csv";
import { renderReportHtml } from "@/lib/report/render-html";
import { renderReportJson, type ReportPublication } from "@/lib/report/render-json";
import { renderReportMarkdown } from "@/lib/report/render-markdown";
import { renderReportXlsx } from "@/lib/report/render-xlsx";
import type { Db } from "../index";
import type { Program } from "../schema";
import { loadClaims } from "./load-claims";
import { findPublishedReport } from "./load-published-reports";
import { loadProgramHistory, type ProgramHistory } from "./load-program-history";
import { loadWeekDetails, logHeadAt } from "./load-report-details";
import { loadSnapshot } from "./load-snapshot";
import { createAsyncMemoByHead } from "./memo-async-by-head";
import { memoByHead } from "./memo-by-head";

/** Everything a program's reports are made from, loaded once for any number of weeks. */
export interface ReportSource {
  program: Program;
  history: ProgramHistory;
  /** The program at (asOf, knownAt), from the one snapshot loader, outside its memo. */
  snapshotAt: (asOf: number, knownAt: number) => Snapshot;
  claims: ClaimRecord[];
  logHeadAt: (instant: number) => string;
  /** The transition details a week's report shows (see WeeklyReportInput.details). */
  detailsOf: (week: IsoWeek) => ReadonlyMap<number, TransitionDetails>;
}

export function loadReportSource(db: Db, slug: string): ReportSource {
  const history = loadProgramHistory(db, slug);
  const heads = new Map<number, string>();
  return {
    program: history.program,
    history,
    snapshotAt: (asOf, knownAt) => loadSnapshot(db, slug, asOf, knownAt, { memo: false }),
    claims: loadClaims(db, history.program.id),
    logHeadAt: (instant) => {
      if (!heads.has(instant)) heads.set(instant, logHeadAt(db, instant));
      return heads.get(instant)!;
    },
    detailsOf: (week) => loadWeekDetails(db, history.program, week),
  };
}

/** The report of a week with the best knowledge at `now` (knownAt = now; it never shows in the report). */
export function reportOf(source: ReportSource, week: IsoWeek, now: number): WeeklyReport {
  const p = source.program;
  return buildWeeklyReport({
    program: { slug: p.slug, name: p.name, targetDate: p.targetDate },
    snapshot: source.snapshotAt(week.end, now),
    details: source.detailsOf(week),
    claims: source.claims,
    week,
    logHeadAtCutoff: source.logHeadAt(week.end),
  });
}

/** A week's report, its Markdown, and its publication (restated or not) when it was published. */
export function getWeeklyReport(db: Db, slug: string, weekLabel: string, now = Date.now()) {
  const week = resolveReportWeek(weekLabel, now);
  const source = loadReportSource(db, slug);
  // knownAt never shows in a report and nothing is recorded in the future, so the report of a week
  // changes only when the log head moves (publishing included): memoise it with that head.
  const { report, markdown } = memoByHead(db, `weekly:${slug}:${week.label}`, () => {
    const built = reportOf(source, week, now);
    return { report: built, markdown: renderReportMarkdown(built) };
  });
  const published = findPublishedReport(db, source.program.id, week.label);
  const publication: ReportPublication | null = published ? assessPublication(published, { markdown, report }) : null;
  return { source, week, report, markdown, publication };
}

export interface ReportExport {
  body: string | Buffer;
  contentType: string;
  fileName: string;
  /** PDF only: whether it came from the cache (or a print already under way) or was printed for this call. */
  cache?: "hit" | "miss";
}

// About 200 KB a PDF of the demo program: a few weeks on both papers, kept while the log head holds.
const MAX_CACHED_PDFS = 16;
const memoPdfByHead = createAsyncMemoByHead<Buffer>(MAX_CACHED_PDFS);

const CONTENT_TYPES: Record<ReportFormat, string> = {
  md: "text/markdown; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** A week's report in one format, as the API and the CLI hand it out. */
export async function exportWeeklyReport(
  db: Db,
  slug: string,
  weekLabel: string,
  format: ReportFormat,
  options: { now?: number; paper?: Paper } = {},
): Promise<ReportExport> {
  const now = options.now ?? Date.now();
  const { source, week, report, markdown, publication } = getWeeklyReport(db, slug, weekLabel, now);
  const fileName = `${slug}-${week.label}${format === "pdf" && options.paper === "letter" ? "-letter" : ""}.${format}`;
  const out = (body: string | Buffer): ReportExport => ({ body, contentType: CONTENT_TYPES[format], fileName });
  switch (format) {
    case "md":
      return out(markdown);
    case "csv":
      return out(memoByHead(db, `weekly-csv:${slug}:${week.label}`, () => renderReportCsv(report)));
    case "json":
      return out(memoByHead(db, `weekly-json:${slug}:${week.label}`, () => renderReportJson(report, publication)));
    case "xlsx":
      return out(await memoByHead(db, `weekly-xlsx:${slug}:${week.label}`, () => renderReportXlsx(report)));
    case "pdf": {
      // Checked before the cache too, so a server without Chromium refuses every week alike.
      assertChromiumInstalled();
      const paper = options.paper ?? "a4";
      // The PDF is made from the same report as the Markdown (knownAt never shows), so it changes
      // only when the log head moves — publishing included: cache it by head like the Markdown.
      const { value, hit } = memoPdfByHead(db, `weekly-pdf:${slug}:${week.label}:${paper}`, () => {
        const html = renderReportHtml(report, statusOverTime(source.history.items, week.end, now));
        return printPdf(html, { paper, footer: `${report.program.name} · ${week.label} · log head at cutoff ${report.logHeadAtCutoff.slice(0, 16)}…` });
      });
      return { ...out(await value), cache: hit ? "hit" : "miss" };
    }
  }
}
