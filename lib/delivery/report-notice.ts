import { formatPercentFloor } from "../format";
import type { WeeklyReport } from "../report/report-model";

/** Where a published week can be read: its page and its files (the files need a sign-in or a token). */
export interface ReportLinks {
  report: string;
  markdown: string;
  pdf: string;
  json: string;
  csv: string;
}

/** What every message about a published week says, whatever its format. */
export interface ReportNotice {
  program: { slug: string; name: string };
  week: string;
  weekStart: string;
  weekEnd: string;
  cutoff: string;
  headline: WeeklyReport["headline"];
  links: ReportLinks;
  /** SHA-256 of the published Markdown, byte for byte. */
  sha256: string;
  logHeadAtCutoff: string;
  publishedAt: string;
}

/** The links of a week under the app's public origin (`https://tracker.example.org`). */
export function reportLinks(origin: string, slug: string, week: string): ReportLinks {
  const base = origin.replace(/\/+$/, "");
  const program = encodeURIComponent(slug);
  const file = (ext: string) => `${base}/api/programs/${program}/reports/${week}.${ext}`;
  return { report: `${base}/programs/${program}/reports/${week}`, markdown: file("md"), pdf: file("pdf"), json: file("json"), csv: file("csv") };
}

/** The notice of a published week, from the report model stored at publication. */
export function reportNotice(report: WeeklyReport, publication: { sha256: string; publishedAt: string }, origin: string): ReportNotice {
  return {
    program: { slug: report.program.slug, name: report.program.name },
    week: report.week,
    weekStart: report.weekStart,
    weekEnd: report.weekEnd,
    cutoff: report.cutoff,
    headline: report.headline,
    links: reportLinks(origin, report.program.slug, report.week),
    sha256: publication.sha256,
    logHeadAtCutoff: report.logHeadAtCutoff,
    publishedAt: publication.publishedAt,
  };
}

/** "Boost offload program — weekly status 2024-W52": the e-mail subject and the message title. */
export function noticeTitle(n: Pick<ReportNotice, "program" | "week">): string {
  return `${n.program.name} — weekly status ${n.week}`;
}

/** The headline in one sentence, with no partial credit and nothing rounded up (DESIGN §5). */
export function headlineSentence(n: Pick<ReportNotice, "headline">): string {
  const h = n.headline;
  const forecast = h.forecastDate ? `forecast ${h.forecastDate}` : "no forecast";
  return (
    `${h.done} of ${h.total} items verified done (${h.reportedDone} reported done), readiness ${formatPercentFloor(h.readiness)}; ` +
    `${h.startedTrue} verified started, ${h.startedReported} reported started; ${h.inflated} inflated, ${h.blocked} blocked; ` +
    `critical path ${h.remainingWeeks} weeks (no finish before ${h.earliestByDependencies}); ${forecast}.`
  );
}
