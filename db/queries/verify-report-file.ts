import { AppError } from "@/lib/errors";
import { diffLines, type LineChange } from "@/lib/report/diff-reports";
import { readReportFile, type ReportFileSeal } from "@/lib/report/read-report-file";
import { renderReportCsv } from "@/lib/report/render-csv";
import { renderReportJson } from "@/lib/report/render-json";
import { readMarkdownFooter, sha256Hex } from "@/lib/report/report-digest";
import { readStampText } from "@/lib/report/report-stamp";
import type { Db } from "../index";
import { getWeeklyReport } from "./get-weekly-report";

export interface ReportFileVerdict {
  seal: ReportFileSeal;
  /** The file is byte for byte what the history gives today, stamp left out (JSON: its report part). */
  matches: boolean;
  /** The log head at the cutoff the history gives today. */
  logHeadAtCutoff: string;
  /** Lines that differ: "-" in the file, "+" in today's regeneration. */
  lines: LineChange[];
  /**
   * A file whose stamp says "Published version": does the tracker hold that publication, with the
   * digest the stamp names (and, for Markdown, the digest of the file itself without its stamp)?
   * Null for a draft or a file without a stamp.
   */
  publication: { matches: boolean; publishedAt: string | null; sha256: string | null } | null;
}

/**
 * Checks an exported report (DESIGN §8): its own digest (was it edited?), then a
 * regeneration of the same week of the same program from the current history (does the history
 * still say this?), and for a file stamped as the published version, the publication it names.
 * A text that is no report is a 400.
 */
export async function verifyReportFile(db: Db, text: string, now = Date.now()): Promise<ReportFileVerdict> {
  const seal = readReportFile(text);
  if (!seal)
    throw new AppError(
      "invalid",
      "this is not a tracker report: no Markdown footer, CSV seal columns or JSON report format found (was it exported by `tracker report` or the API?)",
    );
  const { report, markdown, published } = await getWeeklyReport(db, seal.program, seal.week, now);
  const today =
    seal.format === "md" ? markdown : seal.format === "csv" ? renderReportCsv(report) : renderReportJson(report);
  const regenerated = readReportFile(today);
  const matches = regenerated !== null && regenerated.comparable === seal.comparable;
  const claim = seal.stamp === null ? null : readStampText(seal.stamp);
  let publication: ReportFileVerdict["publication"] = null;
  if (claim?.version === "published") {
    const own = seal.format === "md" ? sha256Hex(readMarkdownFooter(text)!.unstamped) : claim.sha256;
    publication = {
      matches: published !== null && claim.sha256 === published.sha256 && own === published.sha256,
      publishedAt: published ? new Date(published.publishedAt).toISOString() : null,
      sha256: published?.sha256 ?? null,
    };
  }
  return {
    seal,
    matches,
    logHeadAtCutoff: report.logHeadAtCutoff,
    lines: matches ? [] : diffLines(seal.diffable, regenerated?.diffable ?? today),
    publication,
  };
}
