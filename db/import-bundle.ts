import { transact } from "./transact";
import { firstRow } from "./first-row";
import { eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { slugSchema } from "@/lib/bundle/bundle-schema";
import type { ImportCounts } from "@/lib/bundle/import-count-words";
import { suggestSlug } from "@/lib/bundle/suggest-slug";
import { validateBundle } from "@/lib/bundle/validate-bundle";
import type { NormalizedBundle } from "@/lib/bundle/normalized-bundle";
import { AppError, type FieldError } from "@/lib/errors";
import { dependencyId, type LogAction, type LogEntity } from "@/lib/log-vocabulary";
import { formatDateOrInstant } from "@/lib/time";
import { parseInput } from "@/lib/validations/parse-input";
import type { Db, Tx } from "./index";
import { LogWriter } from "./append-log";
import { insertRows } from "./insert-rows";
import { loadReaders, syncMentions } from "./mutations/sync-mentions";
import { findProgram } from "./queries/get-program-or-throw";
import { refreshPlannerStatistics } from "./refresh-planner-statistics";
import { artefacts, claimLinks, claims, comments, dependencies, events, evidence, items, people, programMembers, programs, signals, transitionRejections, transitions, verifications } from "./schema";

export interface ImportSummary {
  program: string;
  dryRun: boolean;
  counts: ImportCounts;
}

export interface ImportOptions {
  /** E-mail of the account doing the import (recorded in the log), null for the system (seed). */
  actor: string | null;
  dryRun?: boolean;
  /** Import the program under this slug instead of the bundle's own (the bundle stays as it is). */
  slug?: string;
}

/**
 * Imports a program bundle all-or-nothing (DESIGN §10): validates every rule first, then writes
 * everything in one transaction, appending each record to the hash-chained log.
 * Throws AppError (`invalid` with field errors, `conflict` when the slug exists).
 */
export async function importBundle(db: Db, raw: unknown, options: ImportOptions): Promise<ImportSummary> {
  const result = validateBundle(raw);
  // The validated copy is all that is read from here on: at 10,000 items the request's own
  // objects are a hundred megabytes, not to be held through the long write.
  raw = undefined;
  if (!result.ok)
    throw new AppError(
      result.kind === "shape" ? "invalid" : "rule",
      result.kind === "shape" ? "the bundle was not imported: it is not a valid offload-tracker/v1 bundle" : "the bundle was not imported: it breaks the rules below",
      result.errors,
    );
  const bundle = options.slug === undefined ? result.bundle : underSlug(result.bundle, options.slug);
  if (await findProgram(db, bundle.program.slug)) throw await slugTaken(db, bundle.program.slug);
  await checkArtefactsPresent(db, bundle);
  const known = await knownEmails(db, bundle);
  const rejections = bundle.transitions.filter((t) => t.rejectedBy).length;
  const summary: ImportSummary = {
    program: bundle.program.slug,
    dryRun: Boolean(options.dryRun),
    counts: {
      people: bundle.people.length,
      newPeople: bundle.people.filter((p) => !known.has(p.email)).length,
      items: bundle.items.length,
      dependencies: bundle.items.reduce((n, i) => n + i.dependsOn.length, 0),
      transitions: bundle.transitions.length,
      verifications: bundle.transitions.filter((t) => t.verifiedBy).length,
      ...(rejections > 0 ? { rejections } : {}),
      evidence: bundle.transitions.reduce((n, t) => n + t.evidence.length, 0),
      signals: bundle.signals.length,
      claims: bundle.claims.length,
      events: bundle.events.length,
      ...(bundle.comments.length > 0 ? { comments: bundle.comments.length } : {}),
    },
  };
  if (options.dryRun) return summary;
  await transact(db, async (tx) => await writeBundle(tx, bundle, options.actor));
  const c = summary.counts;
  await refreshPlannerStatistics(db, {
    items: c.items,
    dependencies: c.dependencies,
    transitions: c.transitions,
    evidence: c.evidence,
    verifications: c.verifications,
    transition_rejections: c.rejections ?? 0,
    signals: c.signals,
    claims: c.claims,
    comments: c.comments ?? 0,
  });
  return summary;
}

/** Evidence may name a file the bundle does not carry only when the target database already holds it. */
async function checkArtefactsPresent(db: Db, bundle: NormalizedBundle): Promise<void> {
  const carried = new Set(bundle.artefacts.map((a) => a.sha256));
  const errors: FieldError[] = [];
  for (const [i, t] of bundle.transitions.entries())
    for (const [j, e] of t.evidence.entries()) {
      if (!e.artefact || carried.has(e.artefact.sha256)) continue;
      if (await firstRow(db.select({ sha256: artefacts.sha256 }).from(artefacts).where(eq(artefacts.sha256, e.artefact.sha256)))) continue;
      errors.push({
        path: `transitions[${i}].evidence[${j}].artefact`,
        message: `the file "${e.artefact.name}" (${e.artefact.sha256}) is neither in the bundle's artefacts nor in this tracker: export the bundle again with its files`,
      });
    }
  if (errors.length > 0) throw new AppError("rule", "the bundle was not imported: its evidence names files it does not carry", errors);
}

function underSlug(bundle: NormalizedBundle, slug: string): NormalizedBundle {
  return { ...bundle, program: { ...bundle.program, slug: parseInput(z.object({ slug: slugSchema }), { slug }, "slug").slug } };
}

/** 409 naming the slug, with a free one to import under instead. */
async function slugTaken(db: Db, slug: string): Promise<AppError> {
  const taken = new Set((await db.select({ slug: programs.slug }).from(programs)).map((p) => p.slug));
  const suggestedSlug = suggestSlug(slug, (s) => taken.has(s));
  const error = new AppError("conflict", `a program "${slug}" already exists`, [
    { path: "program.slug", message: `a program "${slug}" already exists; import under another slug, such as "${suggestedSlug}"` },
  ]);
  error.extensions = { suggestedSlug };
  return error;
}

async function knownEmails(db: Db, bundle: NormalizedBundle): Promise<Set<string>> {
  const emails = bundle.people.map((p) => p.email);
  const found = new Set<string>();
  for (let i = 0; i < emails.length; i += 500) {
    const rows = await db.select({ email: people.email }).from(people).where(inArray(people.email, emails.slice(i, i + 500)));
    rows.forEach((r) => found.add(r.email));
  }
  return found;
}

const CHUNK = 5000;

function chunks<T>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

async function writeBundle(tx: Tx, b: NormalizedBundle, actor: string | null): Promise<void> {
  // One clock for the rows and their log entries (not each database's own default).
  const now = new Date();
  const log = await LogWriter.open(tx, now);
  const slug = b.program.slug;
  const entry = async (action: LogAction, entity: LogEntity, entityId: string, payload: unknown) =>
    await log.queue({ actor, action, entity, entityId, programSlug: slug, payload });
  // Stored once by digest (checked in validateBundle); the transitions' log entries name them.
  for (const a of b.artefacts) {
    const bytes = Buffer.from(a.contentBase64, "base64");
    await tx.insert(artefacts).values({ sha256: a.sha256, bytes, size: bytes.length }).onConflictDoNothing();
  }

  const personIds = new Map<string, number>();
  for (const p of b.people) {
    const found = await firstRow(tx.select({ id: people.id }).from(people).where(eq(people.email, p.email)));
    if (found) {
      personIds.set(p.email, found.id);
      continue;
    }
    const row = (await tx
      .insert(people)
      .values({ email: p.email, name: p.name, team: p.team, role: p.role ?? "viewer", createdAt: now.getTime() })
      .returning({ id: people.id }))[0];
    personIds.set(p.email, row.id);
    await log.queue({ actor, action: "create", entity: "person", entityId: p.email, programSlug: null, payload: { ...p, role: p.role ?? "viewer" } });
  }
  const personId = (email: string) => personIds.get(email)!;

  const program = (await tx
    .insert(programs)
    .values({
      slug,
      name: b.program.name,
      description: b.program.description,
      targetDate: b.program.targetDate,
      factsUntil: b.program.factsUntil,
      ...b.program.thresholds,
      createdAt: now.getTime(),
    })
    .returning({ id: programs.id }))[0];
  await entry("create", "program", slug, toPayload(b.program));
  for (const chunk of chunks(b.people.map((p, position) => ({ programId: program.id, personId: personId(p.email), position }))))
    await tx.insert(programMembers).values(chunk);
  if (b.people.length > 0) await entry("add", "members", slug, b.people.map((p) => p.email));

  const itemIds = new Map<string, number>();
  const itemRowIds = await insertRows(tx, items, b.items.map((i) => ({
    programId: program.id,
    key: i.key,
    title: i.title,
    description: i.description,
    area: i.area,
    ownerId: i.owner ? personId(i.owner) : null,
    team: i.team,
    estimateWeeks: i.estimateWeeks,
    identifiedAt: i.identifiedAt,
    targetDate: i.targetDate,
    components: i.components,
  })), "id");
  for (const [n, i] of b.items.entries()) {
    itemIds.set(i.key, itemRowIds[n]!);
    const { dependsOn: _deps, components, ...fields } = i;
    await entry("create", "item", i.key, toPayload(components.length > 0 ? { ...fields, components } : fields));
  }
  const itemId = (key: string) => itemIds.get(key)!;

  const edges = b.items.flatMap((i) => i.dependsOn.map((dep, position) => ({ from: i.key, to: dep, position })));
  await insertRows(tx, dependencies, edges.map((e) => ({ itemId: itemId(e.from), dependsOnId: itemId(e.to), position: e.position })));
  for (const e of edges) await entry("add", "dependency", dependencyId(e.from, e.to), { item: e.from, dependsOn: e.to });

  // Thousands of rows to a statement: a large program has hundreds of thousands of transitions.
  for (const chunk of chunks(b.transitions)) {
    const ids = await insertRows(tx, transitions, chunk.map((t) => ({
      itemId: itemId(t.item),
      toStatus: t.to,
      effectiveAt: t.effectiveAt,
      recordedAt: t.recordedAt,
      actorId: personId(t.by),
      note: t.note,
    })), "id");
    const rows = chunk.map((t, n) => ({ t, id: ids[n]! }));
    const evidenceRows = rows.flatMap(({ t, id }) => t.evidence.map(({ artefact, ...e }) => ({
      transitionId: id,
      ...e,
      artefactSha256: artefact?.sha256 ?? null,
      artefactName: artefact?.name ?? null,
    })));
    await insertRows(tx, evidence, evidenceRows);
    const verified = rows.filter(({ t }) => t.verifiedBy && t.verifiedAt !== null);
    await insertRows(tx, verifications, verified.map(({ t, id }) => ({
      transitionId: id,
      verifierId: personId(t.verifiedBy!),
      verifiedAt: t.verifiedAt!,
      recordedAt: t.verifiedAt!,
      note: t.verificationNote,
    })));
    const rejected = rows.filter(({ t }) => t.rejectedBy && t.rejectedAt !== null);
    await insertRows(tx, transitionRejections, rejected.map(({ t, id }) => ({
      transitionId: id,
      rejecterId: personId(t.rejectedBy!),
      rejectedAt: t.rejectedAt!,
      recordedAt: t.rejectedAt!,
      reason: t.rejectionReason ?? "",
    })));
    for (const { t, id } of rows) {
      await entry("create", "transition", String(id), toPayload({
        item: t.item,
        to: t.to,
        effectiveAt: t.effectiveAt,
        recordedAt: t.recordedAt,
        by: t.by,
        note: t.note,
        // A file by name, digest and size only where there is one: other entries read as before.
        evidence: t.evidence.map(({ artefact, ...e }) => (artefact ? { ...e, artefact } : e)),
      }));
      if (t.verifiedBy && t.verifiedAt !== null)
        await entry("verify", "transition", String(id), toPayload({
          verifiedBy: t.verifiedBy,
          verifiedAt: t.verifiedAt,
          note: t.verificationNote,
        }));
      if (t.rejectedBy && t.rejectedAt !== null)
        await entry("reject", "transition", String(id), toPayload({ rejectedBy: t.rejectedBy, rejectedAt: t.rejectedAt, reason: t.rejectionReason ?? "" }));
    }
  }

  await insertRows(tx, signals, b.signals.map((s) => ({ itemId: itemId(s.item), metric: s.metric, value: s.value, measuredAt: s.measuredAt })));
  for (const s of b.signals) await entry("record", "signal", s.item, toPayload(s));

  const claimIds = new Map<string, number>();
  for (const c of b.claims) {
    const { links, id: claimKey, ...fields } = c;
    const row = (await tx
      .insert(claims)
      .values({ programId: program.id, claimKey, ...fields })
      .returning({ id: claims.id }))[0];
    claimIds.set(claimKey, row.id);
    if (links.length > 0)
      await tx.insert(claimLinks)
        .values(links.map((l, position) => ({ claimId: row.id, itemId: itemId(l.item), requires: l.requires, position })));
    await entry("create", "claim", c.id, toPayload(c));
  }

  for (const e of b.events) {
    await tx.insert(events).values({ programId: program.id, date: e.date, title: e.title, url: e.url });
    await entry("create", "event", e.title, toPayload(e));
  }

  // Mentions resolve against the accounts as they are once the bundle's people exist.
  const readers = b.comments.length > 0 ? await loadReaders(tx) : [];
  for (const c of b.comments) {
    const row = (await tx
      .insert(comments)
      .values({
        programId: program.id,
        itemId: c.item === null ? null : itemId(c.item),
        claimId: c.claim === null ? null : claimIds.get(c.claim)!,
        authorId: personId(c.by),
        body: c.body,
        createdAt: c.createdAt,
        editedAt: c.editedAt,
        deletedAt: c.deletedAt,
      })
      .returning({ id: comments.id }))[0];
    const body = c.deletedAt === null ? c.body : null;
    const mentions = await syncMentions(tx, { commentId: row.id, body, now: c.editedAt ?? c.createdAt, readers });
    await entry("create", "comment", String(row.id), toPayload({
      ...(c.item === null ? { claim: c.claim } : { item: c.item }),
      by: c.by,
      createdAt: c.createdAt,
      editedAt: c.editedAt,
      deletedAt: c.deletedAt,
      body,
      mentions,
    }));
  }
  await log.flush();
}

/** Log payloads carry times as text so the log reads on its own. */
function toPayload(record: object): Record<string, unknown> {
  const timeFields = new Set([
    "effectiveAt",
    "recordedAt",
    "verifiedAt",
    "rejectedAt",
    "identifiedAt",
    "targetDate",
    "factsUntil",
    "measuredAt",
    "date",
    "createdAt",
    "editedAt",
    "deletedAt",
  ]);
  return Object.fromEntries(
    Object.entries(record).map(([k, v]) => [k, timeFields.has(k) && typeof v === "number" ? formatDateOrInstant(v) : v ?? null]),
  );
}
