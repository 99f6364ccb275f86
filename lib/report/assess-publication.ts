import { diffLines, diffReports } from "./diff-reports";
import { PROMISES_HEADING } from "./promise-words";
import { renderReportMarkdown } from "./render-markdown";
import { readMarkdownFooter } from "./report-digest";
import { REPORT_FORMAT_ID, withoutPromises, type WeeklyReport } from "./report-model";
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

/** Whether a published Markdown carries the section on promised dates (publications made before it do not). */
export const publishedWithPromises = (markdown: string) => bodyOf(markdown).includes(`\n${PROMISES_HEADING}\n`);

/**
 * What a publication is compared with: today's regeneration, in the form the publication had. A
 * week published before reports said anything about promised dates is compared without that
 * section — a section added to the report is no news about the week, so it alone restates nothing;
 * its figures and statuses still do.
 */
export function comparableRegeneration(publishedMarkdown: string, current: { markdown: string; report: WeeklyReport }): { markdown: string; report: WeeklyReport } {
  if (!current.report.promises || publishedWithPromises(publishedMarkdown)) return current;
  const report = withoutPromises(current.report);
  return { markdown: renderReportMarkdown(report), report };
}

/**
 * A published week against its regeneration today (DESIGN §8): restated when the Markdown bytes
 * differ, stamp lines left out (`current.markdown` is the sealed Markdown, unstamped), compared in
 * the form the publication had (comparableRegeneration). The differences name the figures, item
 * statuses and claim verdicts that moved, and the Markdown lines that differ (footer excluded: it
 * only repeats the digest).
 */
export function assessPublication(published: StoredPublication, now: { markdown: string; report: WeeklyReport }): ReportPublication {
  // Unchanged bytes need no second rendering: the common case stays one string comparison.
  const current = unstampedOf(published.markdown) === now.markdown ? now : comparableRegeneration(published.markdown, now);
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
