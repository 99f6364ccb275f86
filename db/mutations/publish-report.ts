import { transact } from "../transact";
import { AppError } from "@/lib/errors";
import { reportId } from "@/lib/log-vocabulary";
import { sha256Hex } from "@/lib/report/report-digest";
import { renderReportJson } from "@/lib/report/render-json";
import { stampReportMarkdown } from "@/lib/report/render-markdown";
import { stampHorizon } from "@/lib/report/report-stamp";
import { formatInstant } from "@/lib/time";
import type { Db } from "../index";
import { appendToLog } from "../append-log";
import { getWeeklyReport } from "../queries/get-weekly-report";
import { currentLogHead } from "../queries/load-report-details";
import { publishedReports } from "../schema";

/** Who publishes: a person of the tracker, or the CLI acting as administrator (id null). */
export interface Publisher {
  id: number | null;
  /** What the log names: the person's e-mail, or the CLI's label. */
  label: string;
  /** What the published file's stamp names: the person's name (the label when absent). */
  name?: string;
}

/**
 * Publishes a week (DESIGN §8): stores its Markdown — stamped "Published version" with the time,
 * the publisher and the digest — and JSON as generated now, immutably (the table's triggers refuse
 * UPDATE and DELETE), with the SHA-256 of the sealed Markdown (the stamp lines left out) and the
 * log head at publication, and appends the publication to the hash-chained log — in one
 * transaction. A week is published once: a second attempt is a 409.
 */
export interface PublishReportArgs {
  slug: string;
  /** `YYYY-Www`. */
  week: string;
  publisher: Publisher;
  now?: number;
}

export async function publishReport(db: Db, { slug, week: weekLabel, publisher, now = Date.now() }: PublishReportArgs) {
  // IMMEDIATE: the write lock is taken before the "already published?" check, so two publishers
  // racing in two processes cannot both pass it.
  return transact(db, async (tx) => {
    const { source, week, report, markdown, publication } = await getWeeklyReport(db, slug, weekLabel, now);
    if (publication)
      throw new AppError(
        "conflict",
        `${week.label} of "${slug}" was already published on ${publication.publishedAt.slice(0, 10)}${publication.publishedBy ? ` by ${publication.publishedBy}` : ""}; a published week is never replaced`,
      );
    const json = renderReportJson(report, null);
    // The digest of the sealed Markdown: the stamp cannot carry a digest of itself.
    const sha256 = sha256Hex(markdown);
    const logHead = await currentLogHead(db);
    const stamped = stampReportMarkdown(markdown, {
      version: "published",
      publishedAt: formatInstant(now),
      publishedBy: publisher.name ?? publisher.label,
      sha256,
      // A week past the evidence horizon is published saying so, like every other file of it.
      ...stampHorizon(source.program.factsUntil, week.end),
    });
    await tx.insert(publishedReports)
      .values({
        programId: source.program.id,
        isoWeek: week.label,
        markdown: stamped,
        json,
        sha256,
        logHead,
        publishedAt: now,
        publishedById: publisher.id,
      });
    await appendToLog(tx, {
      actor: publisher.label,
      action: "publish",
      entity: "report",
      entityId: reportId(slug, week.label),
      programSlug: slug,
      payload: {
        week: week.label,
        sha256,
        jsonSha256: sha256Hex(json),
        logHeadAtCutoff: report.logHeadAtCutoff,
        logHeadAtPublication: logHead,
      },
    }, new Date(now));
    return {
      program: slug,
      week: week.label,
      sha256,
      logHeadAtCutoff: report.logHeadAtCutoff,
      logHeadAtPublication: logHead,
      publishedAt: formatInstant(now),
      publishedBy: publisher.label,
    };
  });
}
