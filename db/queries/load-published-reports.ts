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
function withPublisher(db: Db, programId: number, rows: PublishedReport[]): PublishedReport[] {
  if (rows.every((r) => r.publishedBy !== null)) return rows;
  const slug = db.select({ slug: programs.slug }).from(programs).where(eq(programs.id, programId)).get()?.slug;
  return rows.map((r) => {
    if (r.publishedBy !== null || !slug) return r;
    const entry = db
      .select({ actor: auditLog.actor })
      .from(auditLog)
      .where(and(eq(auditLog.entity, "report"), eq(auditLog.action, "publish"), eq(auditLog.entityId, reportId(slug, r.week))))
      .get();
    return { ...r, publishedBy: entry?.actor ?? null, publisherName: entry?.actor ?? null };
  });
}

/** Every published week of a program, oldest first. */
export function loadPublishedReports(db: Db, programId: number): PublishedReport[] {
  const rows = db
    .select(columns)
    .from(publishedReports)
    .leftJoin(people, eq(publishedReports.publishedById, people.id))
    .where(eq(publishedReports.programId, programId))
    .orderBy(asc(publishedReports.isoWeek))
    .all();
  return withPublisher(db, programId, rows);
}

/** One published week, or null. */
export function findPublishedReport(db: Db, programId: number, week: string): PublishedReport | null {
  const row = db
    .select(columns)
    .from(publishedReports)
    .leftJoin(people, eq(publishedReports.publishedById, people.id))
    .where(and(eq(publishedReports.programId, programId), eq(publishedReports.isoWeek, week)))
    .get();
  return row ? withPublisher(db, programId, [row])[0]! : null;
}

/** The labels of a program's published weeks, newest first (no content: a list to choose from). */
export function listPublishedWeeks(db: Db, programId: number): string[] {
  return db
    .select({ week: publishedReports.isoWeek })
    .from(publishedReports)
    .where(eq(publishedReports.programId, programId))
    .orderBy(desc(publishedReports.isoWeek))
    .all()
    .map((r) => r.week);
}
