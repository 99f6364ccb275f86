import { z } from "zod";
import { EVIDENCE_KINDS } from "../gates";
import { statusSchema } from "../status";
import { COMMENT_MAX } from "../validations/comment-input";
import { componentsSchema } from "../validations/components-input";
import { writeDateSchema as dateStringSchema, writeInstantSchema as instantStringSchema } from "../validations/write-dates";

export const BUNDLE_FORMAT = "offload-tracker/v1";

export const ROLES = ["viewer", "contributor", "reviewer", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const SIGNAL_METRICS = ["test_coverage_pct", "third_party_crates", "unvetted_crates", "crash_owner_registered", "open_crash_buckets"] as const;
export type SignalMetric = (typeof SIGNAL_METRICS)[number];

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const requiredText = (max: number) => text(max).min(1, "must not be empty");
const email = z.email({ error: () => "must be an e-mail address" }).max(254).toLowerCase();
const url = z.url({ protocol: /^https?$/, error: () => "must be an http(s) URL" }).max(2000);

export const slugSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "must be lower-case letters, digits and dashes, starting with a letter or digit");
export const itemKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/, "must be letters, digits, '-', '_' or '.', at most 40 characters");

export const thresholdsSchema = z.object({
  testCoveragePct: z.number().min(0).max(100).default(70),
  unvettedCrates: z.number().int().min(0).default(0),
  crashOwnerRegistered: z.boolean().default(true),
});

/** What evidence says besides its file: the kind, a link (empty or absent when a file stands in), words. */
export const evidenceFields = {
  kind: z.enum(EVIDENCE_KINDS, { error: () => `must be one of ${EVIDENCE_KINDS.join(", ")}` }),
  url: z.union([z.literal(""), url]).default(""),
  summary: text(500).default(""),
  fleetPercent: z.number().min(0).max(100).nullish(),
};

/** Evidence needs a link, a file, or both; a deployment also says how much of the fleet it reached. */
export function evidenceRules<S extends z.ZodType<{ kind: string; url: string; fleetPercent?: number | null; artefact?: unknown }>>(schema: S): S {
  return schema
    .refine((e) => e.url !== "" || e.artefact !== undefined, { path: ["url"], message: "must be an http(s) URL, or attach a file" })
    .refine((e) => e.kind !== "deployment" || typeof e.fleetPercent === "number", {
      path: ["fleetPercent"],
      message: "a deployment needs fleetPercent (0–100)",
    });
}

export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, "must be a SHA-256 digest: 64 lower-case hex digits");
const artefactNameSchema = z.string().trim().min(1, "must name the file").max(255, "must be at most 255 characters");

/** A file attached to evidence, as a bundle names it: the bytes travel in the bundle's `artefacts`. */
export const artefactRefSchema = z.object({ name: artefactNameSchema, sha256: sha256Schema, size: z.number().int().min(0) });

export const evidenceSchema = evidenceRules(z.object({ ...evidenceFields, artefact: artefactRefSchema.optional() }));

/** The bytes of a file some evidence in the bundle names, base64-encoded. */
export const bundleArtefactSchema = z.object({
  sha256: sha256Schema,
  name: artefactNameSchema,
  contentBase64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, "must be base64"),
});

const claimLinkSchema = z.object({ item: itemKeySchema, requires: statusSchema });

/** A public claim and the status each linked item must have reached (DESIGN §2, §7). */
export const claimSchema = z.object({
  id: slugSchema,
  date: dateStringSchema,
  datePrecision: z.enum(["day", "month", "year"]).default("day"),
  dateNote: text(500).default(""),
  speaker: requiredText(300),
  venue: text(300).default(""),
  quote: requiredText(1000),
  quoteIsParaphrase: z.boolean().default(false),
  url,
  kind: text(50).default(""),
  /** What the claim implies about the work, in words; the links say it in statuses. Optional. */
  implies: text(500).default(""),
  links: z.array(claimLinkSchema).max(200, "at most 200 links").default([]),
});
export type ClaimInput = z.input<typeof claimSchema>;

/** The program bundle of DESIGN §10, as it travels in JSON. Unknown fields are ignored. */
export const bundleSchema = z.object({
  format: z.literal(BUNDLE_FORMAT, { error: () => `must be "${BUNDLE_FORMAT}"` }),
  program: z.object({
    slug: slugSchema,
    name: requiredText(200),
    description: text(5000).default(""),
    targetDate: dateStringSchema.nullish(),
    factsUntil: dateStringSchema.nullish(),
    thresholds: thresholdsSchema.default({ testCoveragePct: 70, unvettedCrates: 0, crashOwnerRegistered: true }),
  }),
  people: z
    .array(
      z.object({
        email,
        name: requiredText(200),
        team: text(200).default(""),
        role: z.enum(ROLES).optional(),
      }),
    )
    .default([]),
  items: z
    .array(
      z.object({
        key: itemKeySchema,
        title: requiredText(300),
        description: text(10000).default(""),
        area: requiredText(100),
        owner: email.nullish(),
        team: text(200).default(""),
        estimateWeeks: z.number().positive("must be greater than 0").max(1000),
        identifiedAt: instantStringSchema,
        targetDate: dateStringSchema.nullish(),
        dependsOn: z.array(itemKeySchema).default([]),
        components: componentsSchema.default([]),
      }),
    )
    .default([]),
  transitions: z
    .array(
      z.object({
        item: itemKeySchema,
        to: statusSchema,
        effectiveAt: instantStringSchema,
        recordedAt: instantStringSchema.optional(),
        by: email,
        evidence: z.array(evidenceSchema).default([]),
        note: text(5000).default(""),
        verifiedBy: email.nullish(),
        verifiedAt: instantStringSchema.nullish(),
        verificationNote: text(5000).default(""),
        // DESIGN §13, optional: bundles written before rejections existed import unchanged.
        rejectedBy: email.nullish(),
        rejectedAt: instantStringSchema.nullish(),
        rejectionReason: text(5000).nullish(),
      }),
    )
    .default([]),
  signals: z
    .array(
      z.object({
        item: itemKeySchema,
        metric: z.enum(SIGNAL_METRICS, { error: () => `must be one of ${SIGNAL_METRICS.join(", ")}` }),
        value: z.number(),
        measuredAt: instantStringSchema,
      }),
    )
    .default([]),
  claims: z.array(claimSchema).default([]),
  events: z
    .array(z.object({ date: dateStringSchema, title: requiredText(300), url: url.nullish() }))
    .default([]),
  // DESIGN §13, optional: bundles written before comments existed import unchanged.
  comments: z
    .array(
      z.object({
        item: itemKeySchema.optional(),
        claim: slugSchema.optional(),
        by: email,
        createdAt: instantStringSchema,
        /** Absent for a deleted comment: its text left with the deletion. */
        body: text(COMMENT_MAX).optional(),
        editedAt: instantStringSchema.nullish(),
        deletedAt: instantStringSchema.nullish(),
      }),
    )
    .default([]),
  // Optional: the bytes of files the evidence names; a digest not here must be in the target database.
  artefacts: z.array(bundleArtefactSchema).default([]),
});

export type BundleInput = z.input<typeof bundleSchema>;
export type ParsedBundle = z.output<typeof bundleSchema>;
