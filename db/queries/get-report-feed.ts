import { firstRow } from "../first-row";
import { and, asc, eq } from "drizzle-orm";
import { isSecretShaped, sha256 } from "@/lib/auth/secrets";
import { renderReportFeed } from "@/lib/delivery/report-feed";
import { reportNotice } from "@/lib/delivery/report-notice";
import type { WeeklyReport } from "@/lib/report/report-model";
import { formatInstant } from "@/lib/time";
import type { Db } from "../index";
import { FEED_TOKEN_PREFIX } from "../mutations/rotate-feed-token";
import { programs, publishedReports, reportFeeds } from "../schema";
import { memoByHead } from "./memo-by-head";

/** The report model a publication stored (its JSON without the digest and publication fields). */
export function publishedReportModel(json: string): WeeklyReport {
  const { sha256: _s, publication: _p, ...report } = JSON.parse(json) as WeeklyReport & { sha256?: unknown; publication?: unknown };
  return report as WeeklyReport;
}

/**
 * The Atom feed of a program's published weeks, or null when the slug and token do not go
 * together — an unknown program, a wrong or rotated token, a program without a feed token all
 * look the same, so a feed URL never tells whether a program exists.
 */
export async function getReportFeed(db: Db, slug: string, token: string | null, origin: string): Promise<string | null> {
  if (token === null || !isSecretShaped(token, FEED_TOKEN_PREFIX)) return null;
  const program = await firstRow(db
    .select({ id: programs.id, slug: programs.slug, name: programs.name })
    .from(reportFeeds)
    .innerJoin(programs, eq(reportFeeds.programId, programs.id))
    .where(and(eq(reportFeeds.tokenHash, sha256(token)), eq(programs.slug, slug)))
    );
  if (!program) return null;
  // Publishing moves the log head, so the feed is made again only when there may be news.
  return await memoByHead(db, `feed:${slug}:${origin}`, async () => {
    const rows = await db
      .select({ json: publishedReports.json, sha256: publishedReports.sha256, publishedAt: publishedReports.publishedAt })
      .from(publishedReports)
      .where(eq(publishedReports.programId, program.id))
      .orderBy(asc(publishedReports.isoWeek));
    const notices = rows.map((r) => reportNotice(publishedReportModel(r.json), { sha256: r.sha256, publishedAt: formatInstant(r.publishedAt) }, origin));
    return renderReportFeed(program, origin, notices);
  });
}
