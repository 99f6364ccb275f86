import { and, desc, eq, inArray, isNotNull, lt, notInArray, type SQL } from "drizzle-orm";
import type { LogEntity } from "@/lib/log-vocabulary";
import { redactEmails } from "@/lib/redact-emails";
import type { Db } from "../index";
import { auditLog, comments, people } from "../schema";

export interface LogQuery {
  program?: string;
  before?: number;
  limit: number;
  /**
   * Admins see every entry as written. Everyone else sees the programs' history only — no account
   * administration (people, roles, passwords, tokens) nor who receives reports (subscriptions, the
   * feed) — with people named, not e-mailed, and without the text of comments their authors deleted.
   */
  audience: "admin" | "reader";
}

// Report recipients are external addresses and endpoints: administration, like accounts.
const ADMIN_ONLY_ENTITIES: LogEntity[] = ["subscription", "report-feed"];

/** The newest log entries first: who did what, when. */
export async function listLogEntries(db: Db, q: LogQuery) {
  const conditions: SQL[] = [];
  if (q.program) conditions.push(eq(auditLog.programSlug, q.program));
  if (q.before) conditions.push(lt(auditLog.seq, q.before));
  if (q.audience === "reader") conditions.push(isNotNull(auditLog.programSlug), notInArray(auditLog.entity, ADMIN_ONLY_ENTITIES));
  const entries = (await db
    .select()
    .from(auditLog)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.seq))
    .limit(q.limit))
    .map((e) => ({ ...e, payload: JSON.parse(e.payload) as unknown }));
  if (q.audience === "admin") return entries;
  const names = new Map((await db.select({ email: people.email, name: people.name }).from(people)).map((p) => [p.email, p.name]));
  const deleted = await deletedComments(db, entries);
  return entries.map((e) => ({
    ...e,
    actor: e.actor === null ? null : (names.get(e.actor) ?? e.actor),
    payload: redactEmails(deleted.has(e.entityId) && e.entity === "comment" ? withoutText(e.payload) : e.payload, names),
  }));
}

/** The ids (as log entity ids) of the listed entries' comments that their authors deleted. */
async function deletedComments(db: Db, entries: { entity: string; entityId: string }[]): Promise<Set<string>> {
  const ids = [...new Set(entries.filter((e) => e.entity === "comment").map((e) => Number(e.entityId)))].filter(Number.isSafeInteger);
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: comments.id }).from(comments).where(and(inArray(comments.id, ids), isNotNull(comments.deletedAt)));
  return new Set(rows.map((r) => String(r.id)));
}

/** A deleted comment's entry as readers see it: when and by whom, not what it said or whom it named. */
function withoutText(payload: unknown): unknown {
  if (payload === null || typeof payload !== "object") return payload;
  const { body: _body, mentions: _mentions, ...rest } = payload as Record<string, unknown>;
  return { ...rest, body: null, mentions: [] };
}
