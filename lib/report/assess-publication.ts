import { diffLines, diffReports } from "./diff-reports";
import { readMarkdownFooter } from "./report-digest";
import { REPORT_FORMAT_ID, type WeeklyReport } from "./report-model";
import type { ReportPublication } from "./render-json";

export interface StoredPublication {
  /** The Markdown as stored at publication: stamped "Published version" since stamps exist. */
  markdown: string;
  json: string;
  sha256: string;
  logHead: string;
  publishedAt: number;
  publishedBy: string | null;
  /** Who published, as the stamp names them: the person's name, or the CLI's label. */
  publisherName: string | null;
}

/** The report model stored at publication; null when it cannot be read as one. */
export function publishedReportModel(published: Pick<StoredPublication, "json">): WeeklyReport | null {
  try {
    const parsed = JSON.parse(published.json) as WeeklyReport;
    return parsed.format === REPORT_FORMAT_ID ? parsed : null;
  } catch {
    return null;
  }
}

const unstampedOf = (markdown: string) => readMarkdownFooter(markdown)?.unstamped ?? markdown;
const bodyOf = (markdown: string) => readMarkdownFooter(markdown)?.body ?? markdown;

/**
 * A published week against its regeneration today (DESIGN §8): restated when the Markdown bytes
 * differ, stamp lines left out (`current.markdown` is the sealed Markdown, unstamped). The
 * differences name the figures, item statuses and claim verdicts that moved, and the Markdown
 * lines that differ (footer excluded: it only repeats the digest).
 */
export function assessPublication(published: StoredPublication, current: { markdown: string; report: WeeklyReport }): ReportPublication {
  const restated = unstampedOf(published.markdown) !== current.markdown;
  let differences: ReportPublication["differences"] = [];
  if (restated) {
    const old = publishedReportModel(published);
    differences = old ? diffReports(old, current.report, { full: true }) : [];
  }
  return {
    publishedAt: new Date(published.publishedAt).toISOString(),
    // Named as the stamp names them: a list every reader sees carries no account's e-mail.
    publishedBy: published.publisherName ?? published.publishedBy,
    sha256: published.sha256,
    logHeadAtPublication: published.logHead,
    restated,
    differences,
    lines: restated ? diffLines(bodyOf(published.markdown), bodyOf(current.markdown)) : [],
  };
}
