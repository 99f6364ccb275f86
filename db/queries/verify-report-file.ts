import { AppError } from "@/lib/errors";
import { diffLines, type LineChange } from "@/lib/report/diff-reports";
import { readReportFile, type ReportFileSeal } from "@/lib/report/read-report-file";
import { renderReportCsv } from "@/lib/report/render-csv";
import { renderReportJson } from "@/lib/report/render-json";
import type { Db } from "../index";
import { getWeeklyReport } from "./get-weekly-report";

export interface ReportFileVerdict {
  seal: ReportFileSeal;
  /** The file is byte for byte what the history gives today (JSON: its report part). */
  matches: boolean;
  /** The log head at the cutoff the history gives today. */
  logHeadAtCutoff: string;
  /** Lines that differ: "-" in the file, "+" in today's regeneration. */
  lines: LineChange[];
}

/**
 * Checks an exported report (DESIGN §8): its own digest (was it edited?), then a
 * regeneration of the same week of the same program from the current history (does the history
 * still say this?). A text that is no report is a 400.
 */
export function verifyReportFile(db: Db, text: string, now = Date.now()): ReportFileVerdict {
  const seal = readReportFile(text);
  if (!seal)
    throw new AppError(
      "invalid",
      "this is not a tracker report: no Markdown footer, CSV seal columns or JSON report format found (was it exported by `tracker report` or the API?)",
    );
  const { report, markdown } = getWeeklyReport(db, seal.program, seal.week, now);
  const today =
    seal.format === "md" ? markdown : seal.format === "csv" ? renderReportCsv(report) : renderReportJson(report);
  const regenerated = readReportFile(today);
  const matches = regenerated !== null && regenerated.comparable === seal.comparable;
  return {
    seal,
    matches,
    logHeadAtCutoff: report.logHeadAtCutoff,
    lines: matches ? [] : diffLines(seal.diffable, regenerated?.diffable ?? today),
  };
}
