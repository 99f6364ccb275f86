import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import type { Db } from "../index";
import { auditLog } from "../schema";

export interface LogQuery {
  program?: string;
  before?: number;
  limit: number;
}

/** The newest log entries first: who did what, when. */
export function listLogEntries(db: Db, q: LogQuery) {
  const conditions: SQL[] = [];
  if (q.program) conditions.push(eq(auditLog.programSlug, q.program));
  if (q.before) conditions.push(lt(auditLog.seq, q.before));
  return db
    .select()
    .from(auditLog)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.seq))
    .limit(q.limit)
    .all()
    .map((e) => ({ ...e, payload: JSON.parse(e.payload) as unknown }));
}
