import { transact } from "../transact";
import { and, eq } from "drizzle-orm";
import { BUNDLE_FORMAT } from "@/lib/bundle/bundle-schema";
import { checkExpectedVersion } from "@/lib/http/expected-version";
import { toInstant } from "@/lib/time";
import { parseInput } from "@/lib/validations/parse-input";
import { programCreateSchema, programEditSchema } from "@/lib/validations/program-input";
import type { Db } from "../index";
import { appendToLog } from "../append-log";
import { getProgramOrThrow } from "../queries/get-program-or-throw";
import { importBundle } from "../import-bundle";
import { programs, type Person } from "../schema";

/** A new, empty program: an import of a bundle with no items, so every rule stays in one place. */
export interface CreateProgramArgs {
  /** `{ slug, name, description?, targetDate?, factsUntil? }`, parsed here. */
  input: unknown;
  actor: Person;
}

export async function createProgram(db: Db, { input, actor }: CreateProgramArgs) {
  const program = parseInput(programCreateSchema, input, "program");
  return await importBundle(db, { format: BUNDLE_FORMAT, program }, { actor: actor.email });
}

/** Edits a program's fields and thresholds; a stale `version` is refused (409). */
export interface EditProgramArgs {
  slug: string;
  /** A `ProgramEdit`, parsed here. */
  input: unknown;
  /** The version from If-Match or the form; the body's `version` is checked too. */
  expectedVersion: number | undefined;
  actor: Person;
}

export async function editProgram(db: Db, { slug, input, expectedVersion, actor }: EditProgramArgs) {
  const body = parseInput(programEditSchema, input, "program");
  return await transact(db, async (tx) => {
    const current = await getProgramOrThrow(tx, slug);
    checkExpectedVersion(`program "${slug}"`, current.version, body.version, expectedVersion);
    const version = current.version;
    const { version: _v, thresholds, targetDate, factsUntil, ...fields } = body;
    const day = (d: string | null) => (d === null ? null : toInstant(d));
    const updated = (await tx
      .update(programs)
      .set({
        ...fields,
        ...thresholds,
        ...(targetDate !== undefined ? { targetDate: day(targetDate) } : {}),
        ...(factsUntil !== undefined ? { factsUntil: day(factsUntil) } : {}),
        version: current.version + 1,
      })
      .where(and(eq(programs.id, current.id), eq(programs.version, version)))
      .returning())[0];
    await appendToLog(tx, {
      actor: actor.email,
      action: "update",
      entity: "program",
      entityId: slug,
      programSlug: slug,
      payload: {
        ...fields,
        ...(thresholds ? { thresholds } : {}),
        ...(targetDate !== undefined ? { targetDate } : {}),
        ...(factsUntil !== undefined ? { factsUntil } : {}),
        version: updated!.version,
      },
    });
    return { slug, version: updated!.version };
  });
}
