import { statusOverTime } from "@/lib/charts/status-over-time";
import { emailContent, type EmailContent } from "@/lib/delivery/email-message";
import { reportNotice, type ReportNotice } from "@/lib/delivery/report-notice";
import { AppError } from "@/lib/errors";
import { parseIsoWeek } from "@/lib/iso-week";
import { printFooter } from "@/lib/report/print-footer";
import { printPdf } from "@/db/print/print-pdf";
import { renderReportHtml } from "@/lib/report/render-html";
import { formatInstant } from "@/lib/time";
import type { Db } from "../index";
import { publishedReportModel } from "../queries/get-report-feed";
import { getProgramOrThrow } from "../queries/get-program-or-throw";
import { loadProgramHistory } from "../queries/load-program-history";
import { findPublishedReport } from "../queries/load-published-reports";

/** What the messages about one published week are made of, built once for all its deliveries. */
export interface PublishedPackage {
  notice: ReportNotice;
  email: EmailContent;
  /** The PDF, printed on first need and shared by every e-mail of the week. */
  pdf: () => Promise<Buffer>;
}

/**
 * The week as it was published — the stored Markdown and report model, not today's regeneration —
 * so a week sent again after a restatement still says what was published. The charts of the HTML
 * and PDF are drawn from the history as known at publication.
 */
export async function publishedPackage(db: Db, slug: string, week: string, origin: string): Promise<PublishedPackage> {
  const program = await getProgramOrThrow(db, slug);
  const published = await findPublishedReport(db, program.id, week);
  const isoWeek = parseIsoWeek(week);
  if (!published || !isoWeek) throw new AppError("conflict", `${week} of "${slug}" is not published`);
  const report = publishedReportModel(published.json);
  const notice = reportNotice(report, { sha256: published.sha256, publishedAt: formatInstant(published.publishedAt) }, origin);
  const html = renderReportHtml(report, statusOverTime((await loadProgramHistory(db, slug)).items, isoWeek.end, published.publishedAt));
  let pdf: Promise<Buffer> | null = null;
  return {
    notice,
    email: emailContent(notice, published.markdown, html),
    pdf: () => {
      pdf ??= printPdf(html, { paper: "a4", footer: printFooter({ programName: report.program.name, week, logHeadAtCutoff: report.logHeadAtCutoff }) });
      // A failed print is not kept: the next attempt prints again.
      pdf.catch(() => (pdf = null));
      return pdf;
    },
  };
}
