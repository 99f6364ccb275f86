import { z } from "zod";
import { ARTEFACT_KINDS } from "../artefacts/artefact-types";
import { writeInstantSchema } from "./write-dates";

export const artefactKindSchema = z.enum(ARTEFACT_KINDS, { error: () => `must be one of ${ARTEFACT_KINDS.join(", ")}` });

/**
 * Body of `POST …/ingest/{kind}` as JSON: the files by name and text (a Cargo.lock may come with
 * cargo-vet's three files), and when the figures were true (default: now).
 */
export const ingestInputSchema = z
  .object({
    files: z
      .array(z.object({ name: z.string().trim().min(1, "must name the file").max(255), content: z.string() }).strict())
      .min(1, "must hold the artefact")
      .max(4, "must hold at most 4 files: a Cargo.lock and cargo-vet's config.toml, audits.toml, imports.lock"),
    measuredAt: writeInstantSchema.optional(),
  })
  .strict();
export type IngestInput = z.input<typeof ingestInputSchema>;
