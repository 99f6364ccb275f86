import { transact } from "../transact";
import { createHash } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { ARTEFACT_MAX_BYTES, type ArtefactKind } from "@/lib/artefacts/artefact-types";
import { signalValueProblem } from "@/lib/bundle/validate-bundle";
import { AppError } from "@/lib/errors";
import { formatDateOrInstant, toInstant } from "@/lib/time";
import { artefactKindSchema, ingestInputSchema } from "@/lib/validations/ingest-input";
import { parseInput } from "@/lib/validations/parse-input";
import type { Db } from "../index";
import { LogWriter } from "../append-log";
import { insertRows } from "../insert-rows";
import { readArtefactsInWorker } from "../read-artefacts-in-worker";
import { getProgramOrThrow } from "../queries/get-program-or-throw";
import { artefacts, items, signals, signalSources } from "../schema";
import type { WriteArgs } from "./write-args";

/**
 * `input` is an `IngestInput`; `kind` comes from the route; a dry run reads and writes nothing. The
 * CLI ingests without an account: its label (TRACKER_ACTOR or "cli") is who the log names.
 */
export interface IngestArtefactsArgs extends Omit<WriteArgs, "actor"> {
  kind: string;
  dryRun: boolean;
  actor: { id: number | null; label: string };
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/**
 * Reads artefacts into signals for every item whose components they match: the files are stored
 * once by digest, the ingestion (files, reader, who, when) is the signals' source, and the log
 * carries the digests, so every figure traces back to the bytes it was read from. All or nothing.
 */
export async function ingestArtefacts(db: Db, { slug, kind, input, actor, dryRun, now = Date.now() }: IngestArtefactsArgs) {
  const artefactKind: ArtefactKind = parseInput(artefactKindSchema, kind, "artefact kind");
  const body = parseInput(ingestInputSchema, input, "ingestion", { verbatim: isFileContent });
  const measuredAt = body.measuredAt ? toInstant(body.measuredAt) : now;
  if (measuredAt > now) throw new AppError("invalid", "invalid ingestion", [{ path: "measuredAt", message: "must not be in the future" }]);
  const uploads = body.files.map((f, i) => {
    const bytes = Buffer.from(f.content, "utf8");
    if (bytes.length > ARTEFACT_MAX_BYTES) throw new AppError("too_large", `"${f.name}" is ${bytes.length} bytes; an artefact may be at most ${ARTEFACT_MAX_BYTES} (10 MiB)`, [{ path: `files.${i}.content`, message: "too large" }]);
    return { name: f.name, text: f.content, bytes, sha256: sha256(bytes) };
  });

  const program = await getProgramOrThrow(db, slug);
  const programItems = await db.select({ id: items.id, key: items.key, components: items.components }).from(items).where(eq(items.programId, program.id)).orderBy(asc(items.id));
  // In a worker thread: parsing a 10 MiB lockfile or XML report would hold every other request for seconds.
  // The worker borrows the files' bytes and hands them back with the reading, in `files`.
  const { reading, files } = await readArtefactsInWorker(artefactKind, uploads, programItems, measuredAt);
  for (const f of reading.figures) {
    const problem = signalValueProblem(f.metric, f.value);
    if (problem) throw new AppError("rule", `the ${f.metric} read for ${f.key} is not a valid signal: ${problem}`);
  }
  const fileList = files.map((f) => ({ name: f.name, sha256: f.sha256, size: f.bytes.length }));
  const answer = {
    program: slug,
    kind: artefactKind,
    dryRun,
    tool: reading.tool,
    files: fileList,
    measuredAt: formatDateOrInstant(measuredAt),
    figures: reading.figures.map((f) => ({ item: f.key, metric: f.metric, value: f.value, detail: f.detail })),
    unmapped: reading.unmapped,
    notes: reading.notes,
  };
  if (dryRun) return { ...answer, source: null };

  const idOf = new Map(programItems.map((i) => [i.key, i.id]));
  return await transact(db, async (tx) => {
    const log = await LogWriter.open(tx, new Date(now));
    for (const f of files) await tx.insert(artefacts).values({ sha256: f.sha256, bytes: f.bytes, size: f.bytes.length }).onConflictDoNothing();
    const source = (await tx
      .insert(signalSources)
      .values({ programId: program.id, kind: artefactKind, files: fileList, tool: reading.tool, ingestedById: actor.id, ingestedBy: actor.label, recordedAt: now, measuredAt })
      .returning({ id: signalSources.id }))[0];
    await log.append({
      actor: actor.label,
      action: "record",
      entity: "artefact",
      entityId: String(source.id),
      programSlug: slug,
      payload: { kind: artefactKind, files: fileList, tool: reading.tool, measuredAt: answer.measuredAt, figures: reading.figures.length, unmapped: reading.unmapped.length },
    });
    // A report may carry a figure for each of thousands of items: rows and entries in bulk.
    await insertRows(tx, signals, reading.figures.map((f) => ({ itemId: idOf.get(f.key)!, metric: f.metric, value: f.value, measuredAt, sourceId: source.id })));
    for (const f of reading.figures)
      await log.queue({
        actor: actor.label,
        action: "record",
        entity: "signal",
        entityId: f.key,
        programSlug: slug,
        payload: { item: f.key, metric: f.metric, value: f.value, measuredAt: answer.measuredAt, source: source.id, sha256: fileList[0]!.sha256 },
      });
    await log.flush();
    return { ...answer, source: source.id };
  });
}

/** A file's text is kept as its bytes: control characters a report may hold (a form feed) are its own. */
const isFileContent = (path: PropertyKey[]) => path.length === 3 && path[0] === "files" && path[2] === "content";
