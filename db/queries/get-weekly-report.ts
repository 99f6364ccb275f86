import { statusOverTime } from "@/lib/charts/status-over-time";
import type { ClaimRecord } from "@/lib/claims/evaluate-claims";
import type { IsoWeek } from "@/lib/iso-week";
import type { Snapshot } from "@/lib/build-snapshot";
import { assessPublication, publishedWithPromises } from "@/lib/report/assess-publication";
import type { Paper } from "@/lib/report/print-page";
import { printFooter } from "@/lib/report/print-footer";
import { assertChromiumInstalled, printPdf } from "@/db/print/print-pdf";
import { readMarkdownFooter } from "@/lib/report/report-digest";
import { buildWeeklyReport, withoutPromises, type ReportArtefact, type TransitionDetails, type WeeklyReport } from "@/lib/report/report-model";
import { resolveReportWeek, type ReportFormat } from "@/lib/report/report-week";
import { renderReportCsv } from "@/lib/report/render-csv";
import { renderReportHtml } from "@/lib/report/render-html";
import { renderReportJson, type ReportPublication } from "@/lib/report/render-json";
import { renderReportMarkdown, stampReportMarkdown } from "@/lib/report/render-markdown";
import { renderReportXlsx } from "@/lib/report/render-xlsx";
import { readStampHorizon, stampHorizon, stampOf, stampText, type ReportStamp } from "@/lib/report/report-stamp";
import { AppError } from "@/lib/errors";
import type { Db } from "../index";
import type { Program } from "../schema";
import { loadClaims } from "./load-claims";
import { findPublishedReport } from "./load-published-reports";
import { loadProgramHistory, type ProgramHistory } from "./load-program-history";
import { loadWeekDetails, logHeadAt } from "./load-report-details";
import { loadSnapshot } from "./load-snapshot";
import { createAsyncMemoByHead } from "./memo-async-by-head";
import { memoByHead, weighBytes } from "./memo-by-head";
import { loadReportArtefacts } from "./load-report-artefacts";

/** Everything a program's reports are made from, loaded once for any number of weeks. */
export interface ReportSource {
  program: Program;
  history: ProgramHistory;
  /** The program at (asOf, knownAt), from the one snapshot loader, outside its memo. */
  snapshotAt: (asOf: number, knownAt: number) => Promise<Snapshot>;
  claims: ClaimRecord[];
  logHeadAt: (instant: number) => Promise<string>;
  /** The transition details a week's report shows (see WeeklyReportInput.details). */
  detailsOf: (week: IsoWeek) => Promise<ReadonlyMap<number, TransitionDetails>>;
  /** The ingested artefacts behind the latest signals at a cutoff. */
  artefactsAt: (cutoff: number) => Promise<ReportArtefact[]>;
}

export async function loadReportSource(db: Db, slug: string): Promise<ReportSource> {
  const history = await loadProgramHistory(db, slug);
  const heads = new Map<number, string>();
  return {
    program: history.program,
    history,
    snapshotAt: (asOf, knownAt) => loadSnapshot(db, slug, asOf, knownAt, { memo: false }),
    claims: await loadClaims(db, history.program),
    logHeadAt: async (instant) => {
      if (!heads.has(instant)) heads.set(instant, await logHeadAt(db, instant));
      return heads.get(instant)!;
    },
    detailsOf: (week) => loadWeekDetails(db, history.program, week),
    artefactsAt: (cutoff) => loadReportArtefacts(db, history.program.id, cutoff),
  };
}

/** The report of a week with the best knowledge at `now` (knownAt = now; it never shows in the report). */
export async function reportOf(source: ReportSource, week: IsoWeek, now: number): Promise<WeeklyReport> {
  const p = source.program;
  return buildWeeklyReport({
    program: { slug: p.slug, name: p.name, targetDate: p.targetDate },
    snapshot: await source.snapshotAt(week.end, now),
    details: await source.detailsOf(week),
    claims: source.claims,
    week,
    logHeadAtCutoff: await source.logHeadAt(week.end),
    artefacts: await source.artefactsAt(week.end),
  });
}

/**
 * A week's report, its sealed Markdown (unstamped), its publication (restated or not) when it was
 * published, the stored publication itself, and the stamp every rendering of it carries.
 */
export async function getWeeklyReport(db: Db, slug: string, weekLabel: string, now = Date.now()) {
  const week = resolveReportWeek(weekLabel, now);
  const source = await loadReportSource(db, slug);
  // knownAt never shows in a report and nothing is recorded in the future, so the report of a week
  // changes only when the log head moves (publishing included): memoise it with that head. A
  // draft is stamped with the time it was generated, so every file of it (and the preview page)
  // names the same moment while the history stays as it was.
  const generated = await memoByHead(
    db,
    `weekly:${slug}:${week.label}`,
    async () => {
      const built = await reportOf(source, week, now);
      return { report: built, markdown: renderReportMarkdown(built), generatedAt: now };
    },
    undefined,
    // The report model weighs about what its Markdown does.
    (g) => Math.ceil(g.markdown.length / 256),
  );
  const { generatedAt } = generated;
  const published = await findPublishedReport(db, source.program.id, week.label);
  const publication: ReportPublication | null = published ? assessPublication(published, generated) : null;
  // A week published before reports named the promised dates that can no longer be met, while its
  // history still gives the published bytes, stays that publication in every format — its files,
  // its page, its verification: the new section appears once the week is regenerated (restated).
  const asPublished = published && publication && !publication.restated && generated.report.promises && !publishedWithPromises(published.markdown);
  const { report, markdown } = asPublished ? { report: withoutPromises(generated.report), markdown: readMarkdownFooter(published.markdown)?.unstamped ?? published.markdown } : generated;
  const stamp = stampOf(
    published && publication
      ? { publishedAt: publication.publishedAt, publishedBy: published.publisherName, sha256: published.sha256, restated: publication.restated }
      : null,
    generatedAt,
    stampHorizon(source.program.factsUntil, week.end),
  );
  return { source, week, report, markdown, publication, published, stamp };
}

export interface ReportExport {
  body: string | Buffer;
  /** A text format's UTF-8 bytes as memoised: what the API sends, so a warm read encodes nothing. */
  bytes?: Uint8Array;
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

/** Which version of a week a download asks for: the current one (default), or the published Markdown as stored. */
export const REPORT_VERSIONS = ["current", "published"] as const;
export type ReportVersion = (typeof REPORT_VERSIONS)[number];

/**
 * A week's report in one format, as the API and the CLI hand it out, stamped (report-stamp.ts):
 * while the history still gives the published bytes, the published version — its Markdown exactly
 * as stored at publication — otherwise a draft. `version: "published"` asks for the stored
 * Markdown of a published week even when it was restated since.
 */
export async function exportWeeklyReport(
  db: Db,
  slug: string,
  weekLabel: string,
  format: ReportFormat,
  options: { now?: number; paper?: Paper; version?: ReportVersion } = {},
): Promise<ReportExport> {
  const now = options.now ?? Date.now();
  const { source, week, report, markdown, publication, published, stamp } = await getWeeklyReport(db, slug, weekLabel, now);
  const fileName = `${slug}-${week.label}${format === "pdf" && options.paper === "letter" ? "-letter" : ""}${options.version === "published" ? "-published" : ""}.${format}`;
  const out = (body: string | Buffer): ReportExport => ({ body, contentType: CONTENT_TYPES[format], fileName });
  // Text kept as bytes only (at 10,000 items megabytes each); the text is decoded for the callers that read it.
  const outBytes = (bytes: Buffer): ReportExport => ({
    get body() {
      return bytes.toString("utf8");
    },
    bytes,
    contentType: CONTENT_TYPES[format],
    fileName,
  });
  const textBytes = async (kind: string, render: () => string) => outBytes(await memoByHead(db, key(kind), () => Buffer.from(render(), "utf8"), undefined, weighBytes));
  if (options.version === "published") {
    if (format !== "md")
      throw new AppError("invalid", "only the Markdown of a publication is stored", [{ path: "version", message: "version=published needs the .md format" }]);
    if (!published) throw new AppError("not_found", `${week.label} of "${slug}" is not published`);
    return out(published.markdown);
  }
  // One cache entry per head and stamp: a draft's stamp names when it was generated.
  const key = (kind: string) => `weekly-${kind}:${slug}:${week.label}:${stampText(stamp)}`;
  switch (format) {
    case "md":
      if (stamp.version === "published" && published) {
        // The stored file, unless it says otherwise than today about the evidence horizon (published
        // before the horizon was set or moved): then its sealed bytes under today's stamp.
        const stored = readMarkdownFooter(published.markdown);
        if ((stored?.stamp ? readStampHorizon(stored.stamp) : null) === (stamp.illustrative?.factsUntil ?? null)) return out(published.markdown);
        return await textBytes("md", () => stampReportMarkdown(stored?.unstamped ?? published.markdown, stamp));
      }
      return await textBytes("md", () => stampReportMarkdown(markdown, stamp));
    case "csv":
      return await textBytes("csv", () => renderReportCsv(report, stamp));
    case "json":
      return await textBytes("json", () => renderReportJson(report, publication, stamp));
    case "xlsx":
      return out(await memoByHead(db, key("xlsx"), () => renderReportXlsx(report, stamp)));
    case "pdf": {
      // Checked before the cache too, so a server without Chromium refuses every week alike.
      assertChromiumInstalled();
      const paper = options.paper ?? "a4";
      // The PDF is made from the same report as the Markdown (knownAt never shows), so it changes
      // only when the log head moves — publishing included: cache it by head like the Markdown.
      const { value, hit } = await memoPdfByHead(db, `${key("pdf")}:${paper}`, () => printReportPdf(report, stamp, statusOverTime(source.history.items, week.end, now), paper));
      return { ...out(await value), cache: hit ? "hit" : "miss" };
    }
  }
}

/** The print page through Chromium: the stamp heads every page, and the footer names the version (and "Illustrative") too. */
function printReportPdf(report: WeeklyReport, stamp: ReportStamp, series: ReturnType<typeof statusOverTime>, paper: Paper) {
  const version = `${stamp.version === "published" ? "Published version" : "Draft"}${stamp.illustrative ? " · Illustrative" : ""}`;
  return printPdf(renderReportHtml(report, series, stamp), {
    paper,
    header: stampText(stamp),
    footer: printFooter({ programName: report.program.name, week: report.week, version, logHeadAtCutoff: report.logHeadAtCutoff }),
  });
}
