import { and, desc, eq, isNotNull, lt, notInArray, type SQL } from "drizzle-orm";
import type { LogEntity } from "@/lib/log-vocabulary";
import { redactEmails } from "@/lib/redact-emails";
import type { Db } from "../index";
import { auditLog, people } from "../schema";

export interface LogQuery {
  program?: string;
  before?: number;
  limit: number;
  /**
   * Admins see every entry as written. Everyone else sees the programs' history only — no account
   * administration (people, roles, passwords, tokens) nor who receives reports (subscriptions, the
   * feed) — with people named, not e-mailed.
   */
  audience: "admin" | "reader";
}

// Report recipients are external addresses and endpoints: administration, like accounts.
const ADMIN_ONLY_ENTITIES: LogEntity[] = ["subscription", "report-feed"];

/** The newest log entries first: who did what, when. */
export function listLogEntries(db: Db, q: LogQuery) {
  const conditions: SQL[] = [];
  if (q.program) conditions.push(eq(auditLog.programSlug, q.program));
  if (q.before) conditions.push(lt(auditLog.seq, q.before));
  if (q.audience === "reader") conditions.push(isNotNull(auditLog.programSlug), notInArray(auditLog.entity, ADMIN_ONLY_ENTITIES));
  const entries = db
    .select()
    .from(auditLog)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.seq))
    .limit(q.limit)
    .all()
    .map((e) => ({ ...e, payload: JSON.parse(e.payload) as unknown }));
  if (q.audience === "admin") return entries;
  const names = new Map(db.select({ email: people.email, name: people.name }).from(people).all().map((p) => [p.email, p.name]));
  return entries.map((e) => ({ ...e, actor: e.actor === null ? null : (names.get(e.actor) ?? e.actor), payload: redactEmails(e.payload, names) }));
}
