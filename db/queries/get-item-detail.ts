import { asc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { horizonMark } from "@/lib/evidence-horizon";
import { isVisible } from "@/lib/fold-item-status";
import { statusIndex } from "@/lib/status-index";
import { formatDateOrInstant } from "@/lib/time";
import type { Db } from "../index";
import { evidence, people, signals, signalSources, transitionRejections, transitions, verifications } from "../schema";
import { evidenceViews } from "./evidence-view";
import { findProgramItem } from "./find-program-item";
import { loadSnapshot } from "./load-snapshot";
import { memoItemByHead } from "./memo-by-head";

const verifier = alias(people, "verifier");
const rejecter = alias(people, "rejecter");

/**
 * One item with its whole history, evidence, verifications and rejections, dependencies,
 * dependents and signals. A verification or rejection recorded after `knownAt` is not shown: at
 * that moment of knowledge the transition still awaited a decision (DESIGN §4, §13). Admins see who
 * acted by e-mail; every other reader by name only, as in the audit log.
 */
export async function getItemDetail(db: Db, slug: string, key: string, asOf: number, knownAt: number, audience: "admin" | "reader" = "reader") {
  return await memoItemByHead(db, `item:${slug}:${key}:${asOf}:${knownAt}:${audience}`, async () => await computeItemDetail(db, slug, key, asOf, knownAt, audience));
}

async function computeItemDetail(db: Db, slug: string, key: string, asOf: number, knownAt: number, audience: "admin" | "reader") {
  const who = (p: { email: string; name: string }) => (audience === "admin" ? p.email : p.name);
  const { item, ownerEmail } = await findProgramItem(db, slug, key);
  const snapshot = await loadSnapshot(db, slug, asOf, knownAt);
  const { byKey: statuses, dependents } = statusIndex(snapshot.statuses);
  const self = statuses.get(key)!;

  const rows = await db
    .select({ t: transitions, actor: people, v: verifications, verifier, r: transitionRejections, rejecter })
    .from(transitions)
    .innerJoin(people, eq(transitions.actorId, people.id))
    .leftJoin(verifications, eq(verifications.transitionId, transitions.id))
    .leftJoin(verifier, eq(verifications.verifierId, verifier.id))
    .leftJoin(transitionRejections, eq(transitionRejections.transitionId, transitions.id))
    .leftJoin(rejecter, eq(transitionRejections.rejecterId, rejecter.id))
    .where(eq(transitions.itemId, item.id))
    .orderBy(asc(transitions.effectiveAt), asc(transitions.recordedAt), asc(transitions.id));
  const ids = rows.map((r) => r.t.id);
  const allEvidence = ids.length ? await db.select().from(evidence).where(inArray(evidence.transitionId, ids)).orderBy(asc(evidence.id)) : [];
  const related = (k: string) => {
    const s = statuses.get(k)!;
    return { key: k, title: s.title, trueStatus: s.trueStatus, reportedStatus: s.reportedStatus, inProgram: s.inProgram };
  };

  const views = await evidenceViews(db, allEvidence);
  const evidenceOf = new Map<number, typeof views>();
  allEvidence.forEach((e, n) => {
    const list = evidenceOf.get(e.transitionId);
    if (list) list.push(views[n]!);
    else evidenceOf.set(e.transitionId, [views[n]!]);
  });

  const history = rows.map((r) => ({
    id: r.t.id,
    to: r.t.toStatus,
    effectiveAt: formatDateOrInstant(r.t.effectiveAt),
    recordedAt: formatDateOrInstant(r.t.recordedAt),
    by: who(r.actor),
    byName: r.actor.name,
    note: r.t.note,
    visible: isVisible(r.t, asOf, knownAt),
    evidence: evidenceOf.get(r.t.id) ?? [],
    verification:
      r.v && r.verifier && r.v.recordedAt <= knownAt
        ? {
            by: who(r.verifier),
            byName: r.verifier.name,
            verifiedAt: formatDateOrInstant(r.v.verifiedAt),
            recordedAt: formatDateOrInstant(r.v.recordedAt),
            note: r.v.note,
          }
        : null,
    rejection:
      r.r && r.rejecter && r.r.recordedAt <= knownAt
        ? {
            by: who(r.rejecter),
            byName: r.rejecter.name,
            rejectedAt: formatDateOrInstant(r.r.rejectedAt),
            recordedAt: formatDateOrInstant(r.r.recordedAt),
            reason: r.r.reason,
          }
        : null,
  }));

  return {
    key: item.key,
    title: item.title,
    description: item.description,
    area: item.area,
    owner: ownerEmail,
    ownerName: self.ownerName,
    team: item.team,
    estimateWeeks: item.estimateWeeks,
    identifiedAt: formatDateOrInstant(item.identifiedAt),
    targetDate: item.targetDate === null ? null : formatDateOrInstant(item.targetDate),
    components: item.components,
    version: item.version,
    asOf: formatDateOrInstant(asOf),
    ...horizonMark(snapshot.program.factsUntil, asOf),
    trueStatus: self.trueStatus,
    reportedStatus: self.reportedStatus,
    dependsOn: self.dependsOn.map(related),
    dependents: (dependents.get(key) ?? []).map(related),
    history,
    /** DESIGN §13: the reported status stands, with its rejection beside it when it was rejected. */
    reportedRejection: history.filter((t) => t.visible).at(-1)?.rejection ?? null,
    signals: (await db
      .select({ s: signals, source: signalSources, ingester: people })
      .from(signals)
      .leftJoin(signalSources, eq(signals.sourceId, signalSources.id))
      .leftJoin(people, eq(signalSources.ingestedById, people.id))
      .where(eq(signals.itemId, item.id))
      .orderBy(asc(signals.measuredAt), asc(signals.id)))
      .map(({ s, source, ingester }) => ({
        metric: s.metric,
        value: s.value,
        measuredAt: formatDateOrInstant(s.measuredAt),
        // Where an ingested value came from: the files by digest, the reader, who and when.
        source:
          source === null
            ? null
            : {
                id: source.id,
                kind: source.kind,
                files: source.files,
                tool: source.tool,
                ingestedBy: ingester ? who(ingester) : source.ingestedBy,
                recordedAt: formatDateOrInstant(source.recordedAt),
              },
      })),
  };
}
export type ItemDetail = Awaited<ReturnType<typeof getItemDetail>>;
