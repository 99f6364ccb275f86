import { and, desc, eq, lte } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "../index";
import { items, people, transitions, verifications } from "../schema";

const reporter = alias(people, "reporter");

/** The latest verifications known at `knownAt` for transitions effective by `asOf`. */
export function recentVerifications(db: Db, programId: number, asOf: number, knownAt: number, limit = 8) {
  return db
    .select({
      transitionId: transitions.id,
      item: items.key,
      title: items.title,
      to: transitions.toStatus,
      effectiveAt: transitions.effectiveAt,
      reportedBy: reporter.name,
      verifiedBy: people.name,
      verifiedAt: verifications.verifiedAt,
    })
    .from(verifications)
    .innerJoin(transitions, eq(verifications.transitionId, transitions.id))
    .innerJoin(items, eq(transitions.itemId, items.id))
    .innerJoin(people, eq(verifications.verifierId, people.id))
    .innerJoin(reporter, eq(transitions.actorId, reporter.id))
    .where(and(eq(items.programId, programId), lte(verifications.recordedAt, knownAt), lte(transitions.effectiveAt, asOf)))
    .orderBy(desc(verifications.verifiedAt), desc(verifications.id))
    .limit(limit)
    .all();
}
