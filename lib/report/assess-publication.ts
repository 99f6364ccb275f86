import { diffLines, diffReports } from "./diff-reports";
import { readMarkdownFooter } from "./report-digest";
import { REPORT_FORMAT_ID, type WeeklyReport } from "./report-model";
import type { ReportPublication } from "./render-json";

export interface StoredPublication {
  markdown: string;
  json: string;
  sha256: string;
  logHead: string;
  publishedAt: number;
  publishedBy: string | null;
}

const bodyOf = (markdown: string) => readMarkdownFooter(markdown)?.body ?? markdown;

/**
 * A published week against its regeneration today (DESIGN §8): restated when the Markdown bytes
 * differ. The differences name the figures, item statuses and claim verdicts that moved, and the
 * Markdown lines that differ (footer excluded: it only repeats the digest).
 */
export function assessPublication(published: StoredPublication, current: { markdown: string; report: WeeklyReport }): ReportPublication {
  const restated = published.markdown !== current.markdown;
  let differences: ReportPublication["differences"] = [];
  if (restated) {
    let old: WeeklyReport | null = null;
    try {
      const parsed = JSON.parse(published.json) as WeeklyReport;
      if (parsed.format === REPORT_FORMAT_ID) old = parsed;
    } catch {
      old = null;
    }
    differences = old ? diffReports(old, current.report, { full: true }) : [];
  }
  return {
    publishedAt: new Date(published.publishedAt).toISOString(),
    publishedBy: published.publishedBy,
    sha256: published.sha256,
    logHeadAtPublication: published.logHead,
    restated,
    differences,
    lines: restated ? diffLines(bodyOf(published.markdown), bodyOf(current.markdown)) : [],
  };
}
