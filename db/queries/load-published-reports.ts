import { firstRow } from "../first-row";
import { and, asc, desc, eq } from "drizzle-orm";
import { reportId } from "@/lib/log-vocabulary";
import type { StoredPublication } from "@/lib/report/assess-publication";
import type { Db } from "../index";
import { auditLog, people, programs, publishedReports } from "../schema";

export interface PublishedReport extends StoredPublication {
  week: string;
}

const columns = {
  week: publishedReports.isoWeek,
  markdown: publishedReports.markdown,
  json: publishedReports.json,
  sha256: publishedReports.sha256,
  logHead: publishedReports.logHead,
  publishedAt: publishedReports.publishedAt,
  publishedBy: people.email,
  publisherName: people.name,
};

// The CLI publishes without an account: its name (TRACKER_ACTOR or "cli") is in the log entry.
async function withPublisher(db: Db, programId: number, rows: PublishedReport[]): Promise<PublishedReport[]> {
  if (rows.every((r) => r.publishedBy !== null)) return rows;
  const slug = (await firstRow(db.select({ slug: programs.slug }).from(programs).where(eq(programs.id, programId))))?.slug;
  return Promise.all(rows.map(async (r) => {
    if (r.publishedBy !== null || !slug) return r;
    const entry = await firstRow(db
      .select({ actor: auditLog.actor })
      .from(auditLog)
      .where(and(eq(auditLog.entity, "report"), eq(auditLog.action, "publish"), eq(auditLog.entityId, reportId(slug, r.week))))
      );
    return { ...r, publishedBy: entry?.actor ?? null, publisherName: entry?.actor ?? null };
  }));
}

/** Every published week of a program, oldest first. */
export async function loadPublishedReports(db: Db, programId: number): Promise<PublishedReport[]> {
  const rows = await db
    .select(columns)
    .from(publishedReports)
    .leftJoin(people, eq(publishedReports.publishedById, people.id))
    .where(eq(publishedReports.programId, programId))
    .orderBy(asc(publishedReports.isoWeek));
  return await withPublisher(db, programId, rows);
}

/** One published week, or null. */
export async function findPublishedReport(db: Db, programId: number, week: string): Promise<PublishedReport | null> {
  const row = await firstRow(db
    .select(columns)
    .from(publishedReports)
    .leftJoin(people, eq(publishedReports.publishedById, people.id))
    .where(and(eq(publishedReports.programId, programId), eq(publishedReports.isoWeek, week)))
    );
  return row ? (await withPublisher(db, programId, [row]))[0]! : null;
}

/** The labels of a program's published weeks, newest first (no content: a list to choose from). */
export async function listPublishedWeeks(db: Db, programId: number): Promise<string[]> {
  return (await db
    .select({ week: publishedReports.isoWeek })
    .from(publishedReports)
    .where(eq(publishedReports.programId, programId))
    .orderBy(desc(publishedReports.isoWeek)))
    .map((r) => r.week);
}
