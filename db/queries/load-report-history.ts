import { and, asc, desc, eq, inArray, lte } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { FoldTransition } from "@/lib/fold-item-status";
import { GENESIS_HASH } from "@/lib/hash-chain";
import type { ReportEvidence, ReportHistoryItem, ReportTransition } from "@/lib/report/report-model";
import { formatInstant } from "@/lib/time";
import type { Db } from "../index";
import { auditLog, evidence, items, people, transitions, verifications, type Program } from "../schema";
import { loadProgramHistory, type ProgramHistory } from "./load-program-history";
import { memoByHead } from "./memo-by-head";

const verifier = alias(people, "verifier");

export interface ReportHistory {
  program: Program;
  items: ReportHistoryItem[];
}

/**
 * A program's history with what a weekly report tells beyond the fold: each transition's actor,
 * note and evidence, and its verification's date and verifier. Three queries for the whole
 * program; after a write, only for the items whose history changed.
 */
export function loadReportHistory(db: Db, slug: string): ReportHistory | null {
  const history = loadProgramHistory(db, slug);
  if (!history) return null;
  return memoByHead(
    db,
    `report-history:${slug}`,
    () => withDetails(db, history, null),
    (previous) => withDetails(db, history, previous),
  ).built;
}

/** A report history and the program history it was built from, to tell what changed since. */
interface Built {
  from: ProgramHistory;
  built: ReportHistory;
}

/** Adds the details to every item, reusing those of `previous` for items that did not change. */
function withDetails(db: Db, history: ProgramHistory, previous: Built | null): Built {
  const reuse = previous !== null && previous.from.items.length === history.items.length;
  const changed = reuse ? history.items.filter((item, i) => previous.from.items[i] !== item).map((item) => item.key) : undefined;
  const details = readDetails(db, history.program.id, changed);
  return {
    from: history,
    built: {
      program: history.program,
      items: history.items.map((item, i) =>
        reuse && previous.from.items[i] === item
          ? previous.built.items[i]!
          : { ...item, transitions: item.transitions.map((t) => ({ ...t, ...details.get(t.seq)! })) },
      ),
    },
  };
}

/** The details of the transitions of a program's items (all of them, or those with the keys). */
function readDetails(db: Db, programId: number, keys?: string[]) {
  const details = new Map<number, Omit<ReportTransition, keyof FoldTransition>>();
  if (keys?.length === 0) return details;
  const scope = keys ? and(eq(items.programId, programId), inArray(items.key, keys)) : eq(items.programId, programId);
  db.select({
    id: transitions.id,
    note: transitions.note,
    actor: people.name,
    verifiedAt: verifications.verifiedAt,
    verificationRecordedAt: verifications.recordedAt,
    verifier: verifier.name,
  })
    .from(transitions)
    .innerJoin(items, eq(transitions.itemId, items.id))
    .innerJoin(people, eq(transitions.actorId, people.id))
    .leftJoin(verifications, eq(verifications.transitionId, transitions.id))
    .leftJoin(verifier, eq(verifications.verifierId, verifier.id))
    .where(scope)
    .all()
    .forEach((t) =>
      details.set(t.id, {
        actor: t.actor,
        note: t.note,
        evidence: [],
        verification:
          t.verifiedAt === null || t.verificationRecordedAt === null
            ? null
            : { verifiedAt: t.verifiedAt, recordedAt: t.verificationRecordedAt, verifier: t.verifier ?? "" },
      }),
    );
  db.select({ transitionId: evidence.transitionId, kind: evidence.kind, url: evidence.url, summary: evidence.summary, fleetPercent: evidence.fleetPercent })
    .from(evidence)
    .innerJoin(transitions, eq(evidence.transitionId, transitions.id))
    .innerJoin(items, eq(transitions.itemId, items.id))
    .where(scope)
    .orderBy(asc(evidence.id))
    .all()
    .forEach((e) => {
      const ev: ReportEvidence = { kind: e.kind, url: e.url, summary: e.summary, fleetPercent: e.fleetPercent };
      details.get(e.transitionId)?.evidence.push(ev);
    });
  return details;
}

/**
 * The history head hash at an instant: the hash of the last log entry (by seq) written at or
 * before it, or the genesis hash when there was none. `at` is an ISO-8601 UTC string, so text
 * order is time order.
 */
export function logHeadAt(db: Db, instant: number): string {
  const row = db
    .select({ hash: auditLog.hash })
    .from(auditLog)
    .where(lte(auditLog.at, formatInstant(instant)))
    // `at` never goes backwards along the log (LogWriter), so this walks the (at, seq) index.
    .orderBy(desc(auditLog.at), desc(auditLog.seq))
    .limit(1)
    .get();
  return row?.hash ?? GENESIS_HASH;
}

/** The head of the log now. */
export function currentLogHead(db: Db): string {
  return db.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1).get()?.hash ?? GENESIS_HASH;
}
