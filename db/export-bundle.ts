import { firstRow } from "./first-row";
import { asc, eq, inArray } from "drizzle-orm";
import type { NormalizedBundle } from "@/lib/bundle/normalized-bundle";
import { toBundleJson, type BundleJson } from "@/lib/bundle/to-bundle-json";
import { thresholdsOf } from "@/lib/readiness/quality";
import type { Db } from "./index";
import { toClaimRecord } from "./queries/claim-record";
import { getProgramOrThrow } from "./queries/get-program-or-throw";
import { artefacts, claimLinks, claims, comments, dependencies, events, evidence, items, people, programMembers, signals, transitionRejections, transitions, verifications } from "./schema";

/** The program as a bundle (DESIGN §10); importing it elsewhere gives the same program. */
export async function exportBundle(db: Db, slug: string): Promise<BundleJson> {
  return toBundleJson(await readNormalizedBundle(db, slug));
}

async function readNormalizedBundle(db: Db, slug: string): Promise<NormalizedBundle> {
  const program = await getProgramOrThrow(db, slug);

  const everyone = new Map((await db.select().from(people)).map((p) => [p.id, p]));
  const email = (id: number) => everyone.get(id)!.email;
  const itemRows = await db.select().from(items).where(eq(items.programId, program.id)).orderBy(asc(items.id));
  const itemIds = itemRows.map((i) => i.id);
  const keyOf = new Map(itemRows.map((i) => [i.id, i.key]));

  const deps = (await db
    .select()
    .from(dependencies)
    .innerJoin(items, eq(dependencies.itemId, items.id))
    .where(eq(items.programId, program.id))
    .orderBy(asc(dependencies.itemId), asc(dependencies.position), asc(dependencies.createdAt)))
    .map((r) => r.dependencies);
  const dependsOn = new Map<number, string[]>();
  deps.forEach((d) => dependsOn.set(d.itemId, [...(dependsOn.get(d.itemId) ?? []), keyOf.get(d.dependsOnId)!]));

  const transitionRows = await db
    .select({ t: transitions, v: verifications, r: transitionRejections })
    .from(transitions)
    .innerJoin(items, eq(transitions.itemId, items.id))
    .leftJoin(verifications, eq(verifications.transitionId, transitions.id))
    .leftJoin(transitionRejections, eq(transitionRejections.transitionId, transitions.id))
    .where(eq(items.programId, program.id))
    .orderBy(asc(transitions.id));
  const evidenceByTransition = new Map<number, (typeof evidence.$inferSelect)[]>();
  const transitionIds = transitionRows.map((r) => r.t.id);
  for (let i = 0; i < transitionIds.length; i += 500) {
    (await db.select()
      .from(evidence)
      .where(inArray(evidence.transitionId, transitionIds.slice(i, i + 500)))
      .orderBy(asc(evidence.id)))
      .forEach((e) => evidenceByTransition.set(e.transitionId, [...(evidenceByTransition.get(e.transitionId) ?? []), e]));
  }

  const carried = await carriedArtefacts(db, [...evidenceByTransition.values()].flat());

  const signalRows = itemIds.length
    ? (await db.select().from(signals).innerJoin(items, eq(signals.itemId, items.id)).where(eq(items.programId, program.id)).orderBy(asc(signals.id))).map((r) => r.signals)
    : [];
  const claimRows = await db.select().from(claims).where(eq(claims.programId, program.id)).orderBy(asc(claims.id));
  const links = claimRows.length
    ? await db.select().from(claimLinks).where(inArray(claimLinks.claimId, claimRows.map((c) => c.id))).orderBy(asc(claimLinks.claimId), asc(claimLinks.position))
    : [];
  const eventRows = await db.select().from(events).where(eq(events.programId, program.id)).orderBy(asc(events.id));
  const commentRows = await db.select().from(comments).where(eq(comments.programId, program.id)).orderBy(asc(comments.id));
  const claimKeyOf = new Map(claimRows.map((c) => [c.id, c.claimKey]));

  // People: the program's members in order, then anyone else its records name.
  const members = (await db
    .select({ personId: programMembers.personId })
    .from(programMembers)
    .where(eq(programMembers.programId, program.id))
    .orderBy(asc(programMembers.position)))
    .map((m) => m.personId);
  const named = [
    ...itemRows.map((i) => i.ownerId),
    ...transitionRows.flatMap((r) => [r.t.actorId, r.v?.verifierId ?? null, r.r?.rejecterId ?? null]),
    ...commentRows.map((c) => c.authorId),
  ].filter((id): id is number => id !== null);
  const personIds = [...new Set([...members, ...named.filter((id) => !members.includes(id)).sort((a, b) => a - b)])];

  return {
    program: {
      slug: program.slug,
      name: program.name,
      description: program.description,
      targetDate: program.targetDate,
      factsUntil: program.factsUntil,
      thresholds: thresholdsOf(program),
    },
    people: personIds.map((id) => {
      const p = everyone.get(id)!;
      return { email: p.email, name: p.name, team: p.team, role: null };
    }),
    items: itemRows.map((i) => ({
      key: i.key,
      title: i.title,
      description: i.description,
      area: i.area,
      owner: i.ownerId === null ? null : email(i.ownerId),
      team: i.team,
      estimateWeeks: i.estimateWeeks,
      identifiedAt: i.identifiedAt,
      targetDate: i.targetDate,
      dependsOn: dependsOn.get(i.id) ?? [],
      components: i.components,
    })),
    transitions: transitionRows.map(({ t, v, r }) => ({
      item: keyOf.get(t.itemId)!,
      to: t.toStatus,
      effectiveAt: t.effectiveAt,
      recordedAt: t.recordedAt,
      by: email(t.actorId),
      evidence: (evidenceByTransition.get(t.id) ?? []).map((e) => ({
        kind: e.kind,
        url: e.url,
        summary: e.summary,
        fleetPercent: e.fleetPercent,
        artefact: e.artefactSha256 === null ? null : { name: e.artefactName ?? "", sha256: e.artefactSha256, size: carried.get(e.artefactSha256)!.size },
      })),
      note: t.note,
      verifiedBy: v ? email(v.verifierId) : null,
      verifiedAt: v ? v.verifiedAt : null,
      verificationNote: v ? v.note : "",
      rejectedBy: r ? email(r.rejecterId) : null,
      rejectedAt: r ? r.recordedAt : null,
      rejectionReason: r ? r.reason : null,
    })),
    signals: signalRows.map((s) => ({ item: keyOf.get(s.itemId)!, metric: s.metric, value: s.value, measuredAt: s.measuredAt })),
    claims: claimRows.map((c) =>
      toClaimRecord(
        c,
        links.filter((l) => l.claimId === c.id).map((l) => ({ item: keyOf.get(l.itemId)!, requires: l.requires })),
      ),
    ),
    events: eventRows.map((e) => ({ date: e.date, title: e.title, url: e.url })),
    comments: commentRows.map((c) => ({
      item: c.itemId === null ? null : keyOf.get(c.itemId)!,
      claim: c.claimId === null ? null : claimKeyOf.get(c.claimId)!,
      by: email(c.authorId),
      createdAt: c.createdAt,
      body: c.deletedAt === null ? c.body : "",
      editedAt: c.editedAt,
      deletedAt: c.deletedAt,
    })),
    artefacts: [...carried.values()].map(({ sha256, name, bytes }) => ({ sha256, name, contentBase64: bytes.toString("base64") })),
  };
}

/** The files the evidence names, each once under the first name it was attached with, with its bytes. */
async function carriedArtefacts(db: Db, rows: readonly (typeof evidence.$inferSelect)[]) {
  const out = new Map<string, { sha256: string; name: string; bytes: Buffer; size: number }>();
  for (const e of rows) {
    if (e.artefactSha256 === null || out.has(e.artefactSha256)) continue;
    const a = (await firstRow(db.select().from(artefacts).where(eq(artefacts.sha256, e.artefactSha256))))!;
    out.set(a.sha256, { sha256: a.sha256, name: e.artefactName ?? "", bytes: a.bytes, size: a.size });
  }
  return out;
}
