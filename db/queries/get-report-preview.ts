import { AppError } from "@/lib/errors";
import type { ReportPublication } from "@/lib/report/render-json";
import type { WeeklyReport } from "@/lib/report/report-model";
import type { ReportStamp } from "@/lib/report/report-stamp";
import type { RestatementRow } from "@/lib/report/restatement-table";
import type { Db } from "../index";
import { getWeeklyReport } from "./get-weekly-report";
import { findListedWeek, restatementOf } from "./list-report-weeks";

/** A week's report as the preview page shows it: the model of the files, its stamp, and its neighbours. */
export interface ReportPreview {
  /** The week's label, `YYYY-Www` (a date or a lower-case label asked for resolves to it). */
  week: string;
  report: WeeklyReport;
  stamp: ReportStamp;
  publication: ReportPublication | null;
  /** What changed since publication, when the week was restated. */
  restatement: RestatementRow[];
  /** The listed weeks before and after, if any. */
  previous: string | null;
  next: string | null;
}

/**
 * The week `query` (a `YYYY-Www` label or any day of the week) of a program, from the same report
 * model, publication and stamp as its files. A week the reports list does not hold — malformed,
 * unfinished, before the program — is not found.
 */
export async function getReportPreview(db: Db, slug: string, query: string, now = Date.now()): Promise<ReportPreview> {
  const { weeks, at } = await findListedWeek(db, slug, query, now);
  if (at < 0) throw new AppError("not_found", `"${slug}" has no report for ${query}`);
  const { week, report, publication, published, stamp } = await getWeeklyReport(db, slug, weeks[at]!.label, now);
  return {
    week: week.label,
    report,
    stamp,
    publication,
    restatement: published && publication ? restatementOf(published, publication, report) : [],
    previous: weeks[at + 1]?.label ?? null,
    next: weeks[at - 1]?.label ?? null,
  };
}
