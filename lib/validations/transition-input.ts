import { z } from "zod";
import { evidenceFields, evidenceRules } from "../bundle/bundle-schema";
import { statusSchema } from "../status";
import { writeInstantSchema } from "./write-dates";

// Whitespace (line breaks of wrapped base64) is taken out before the pattern: a pattern allowing it
// on both sides of the padding backtracks quadratically on a long run of spaces.
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const isBase64 = (text: string) => BASE64.test(text.replace(/\s+/g, ""));

/**
 * A file uploaded with evidence: text as `content` (UTF-8, as a JUnit report is) or any bytes as
 * `contentBase64` — one of the two. The size limit is checked on the decoded bytes (413).
 */
export const evidenceUploadSchema = z
  .object({
    name: z.string().trim().min(1, "must name the file").max(255, "must be at most 255 characters"),
    content: z.string().optional(),
    contentBase64: z.string().refine(isBase64, "must be base64").optional(),
  })
  .strict()
  .refine((f) => (f.content === undefined) !== (f.contentBase64 === undefined), { message: "must hold the file as content (text) or contentBase64, one of the two" });
export type EvidenceUpload = z.output<typeof evidenceUploadSchema>;

const transitionEvidenceSchema = evidenceRules(z.object({ ...evidenceFields, artefact: evidenceUploadSchema.optional() }));

/** Body of `POST …/items/{key}/transitions` and of the item page's report form. */
export const transitionInputSchema = z.object({
  to: statusSchema,
  effectiveAt: writeInstantSchema.optional(),
  evidence: z.array(transitionEvidenceSchema).max(50, "at most 50 pieces of evidence at once").default([]),
  note: z.string().trim().max(5000, "must be at most 5000 characters").default(""),
});
export type TransitionInput = z.input<typeof transitionInputSchema>;

/** Body of `POST …/transitions/{id}/verify`. */
export const verificationInputSchema = z.object({
  note: z.string().trim().max(5000, "must be at most 5000 characters").default(""),
});

/** Body of `POST …/items/{key}/transitions/{id}/reject`: a rejection always says why (DESIGN §13). */
export const rejectionInputSchema = z.object({
  reason: z
    .string({ error: () => "must say why the transition is rejected" })
    .trim()
    .min(1, "must say why the transition is rejected: what is missing or wrong in its evidence")
    .max(5000, "must be at most 5000 characters"),
});

/** Body of `POST …/items/{key}/dependencies`. */
export const dependencyInputSchema = z.object({
  dependsOn: z.string().trim().min(1, "must name an item key").max(40),
});
