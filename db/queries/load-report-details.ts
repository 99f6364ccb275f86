import { firstRow } from "../first-row";
import { asc, between, desc, eq, inArray, lte } from "drizzle-orm";
import { alias, type SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { IsoWeek } from "@/lib/iso-week";
import { GENESIS_HASH } from "@/lib/hash-chain";
import type { TransitionDetails } from "@/lib/report/report-model";
import { formatInstant } from "@/lib/time";
import type { Db } from "../index";
import { auditLog, evidence, items, people, transitionRejections, transitions, verifications, type Program } from "../schema";
import { loadProgramHistory } from "./load-program-history";
import { memoByHead } from "./memo-by-head";

const verifier = alias(people, "verifier");
const rejecter = alias(people, "rejecter");

/**
 * The details a week's report shows (notes, evidence, verifier, rejection) of the transitions
 * effective, recorded, verified or rejected during the week, by transition id. A report needs a few hundred of them,
 * not the 200,000 of a large program, so they are read per week, memoised by the log head.
 */
export async function loadWeekDetails(db: Db, program: Pick<Program, "id" | "slug">, week: IsoWeek): Promise<ReadonlyMap<number, TransitionDetails>> {
  return await memoByHead(db, `report-details:${program.id}:${week.label}`, async () => await readWeekDetails(db, program, week));
}

async function readWeekDetails(db: Db, program: Pick<Program, "id" | "slug">, week: IsoWeek): Promise<Map<number, TransitionDetails>> {
  // Which transitions: those effective or recorded in the week the program's history in memory
  // says; those verified or rejected in it, the indexes of those dates. One query with all four
  // conditions read every transition of the program (at 10,000 items half a second).
  const ids = new Set<number>();
  const inWeek = (at: number) => at >= week.start && at <= week.end;
  for (const item of (await loadProgramHistory(db, program.slug)).items)
    for (const t of item.transitions) if (inWeek(t.effectiveAt) || inWeek(t.recordedAt)) ids.add(t.recordingOrder);
  // The program is picked here, not in SQL: given it, SQLite's planner walks every transition of
  // the program instead of the date's index (300 ms against 9 at 10,000 items).
  const decidedInWeek = async (table: typeof verifications | typeof transitionRejections, at: SQLiteColumn) =>
    (await db
      .select({ id: table.transitionId, programId: items.programId })
      .from(table)
      .innerJoin(transitions, eq(transitions.id, table.transitionId))
      .innerJoin(items, eq(transitions.itemId, items.id))
      .where(between(at, week.start, week.end))).filter((r) => r.programId === program.id);
  for (const { id } of await decidedInWeek(verifications, verifications.verifiedAt)) ids.add(id);
  for (const { id } of await decidedInWeek(transitionRejections, transitionRejections.rejectedAt)) ids.add(id);

  const details = new Map<number, TransitionDetails>();
  const wanted = [...ids];
  const rows = [];
  for (let i = 0; i < wanted.length; i += 500)
    rows.push(
      ...(await db
        .select({
          id: transitions.id,
          note: transitions.note,
          verifiedAt: verifications.verifiedAt,
          verificationRecordedAt: verifications.recordedAt,
          verifier: verifier.name,
          rejectedAt: transitionRejections.rejectedAt,
          rejectionRecordedAt: transitionRejections.recordedAt,
          rejecter: rejecter.name,
          reason: transitionRejections.reason,
        })
        .from(transitions)
        .leftJoin(verifications, eq(verifications.transitionId, transitions.id))
        .leftJoin(verifier, eq(verifications.verifierId, verifier.id))
        .leftJoin(transitionRejections, eq(transitionRejections.transitionId, transitions.id))
        .leftJoin(rejecter, eq(transitionRejections.rejecterId, rejecter.id))
        .where(inArray(transitions.id, wanted.slice(i, i + 500)))),
    );
  for (const t of rows)
    details.set(t.id, {
      note: t.note,
      evidence: [],
      verification:
        t.verifiedAt === null || t.verificationRecordedAt === null
          ? null
          : { verifiedAt: t.verifiedAt, recordedAt: t.verificationRecordedAt, verifier: t.verifier ?? "" },
      rejection:
        t.rejectedAt === null || t.rejectionRecordedAt === null
          ? null
          : { rejectedAt: t.rejectedAt, recordedAt: t.rejectionRecordedAt, rejecter: t.rejecter ?? "", reason: t.reason ?? "" },
    });
  for (let i = 0; i < wanted.length; i += 500)
    (await db.select({
      transitionId: evidence.transitionId,
      kind: evidence.kind,
      url: evidence.url,
      summary: evidence.summary,
      fleetPercent: evidence.fleetPercent,
      fileName: evidence.artefactName,
      fileSha256: evidence.artefactSha256,
    })
      .from(evidence)
      .where(inArray(evidence.transitionId, wanted.slice(i, i + 500)))
      .orderBy(asc(evidence.id)))
      .forEach(({ transitionId, fileName, fileSha256, ...e }) =>
        details.get(transitionId)!.evidence.push({ ...e, ...(fileSha256 ? { file: { name: fileName ?? "file", sha256: fileSha256 } } : {}) }),
      );
  return details;
}

/**
 * The history head hash at an instant: the hash of the last log entry (by seq) written at or
 * before it, or the genesis hash when there was none. `at` is an ISO-8601 UTC string, so text
 * order is time order.
 */
export async function logHeadAt(db: Db, instant: number): Promise<string> {
  const row = await firstRow(db
    .select({ hash: auditLog.hash })
    .from(auditLog)
    .where(lte(auditLog.at, formatInstant(instant)))
    // `at` never goes backwards along the log (LogWriter), so this walks the (at, seq) index.
    .orderBy(desc(auditLog.at), desc(auditLog.seq))
    .limit(1)
    );
  return row?.hash ?? GENESIS_HASH;
}

/** The head of the log now. */
export async function currentLogHead(db: Db): Promise<string> {
  return (await firstRow(db.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1)))?.hash ?? GENESIS_HASH;
}
