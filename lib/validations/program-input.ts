import { z } from "zod";
import { slugSchema, thresholdsSchema } from "../bundle/bundle-schema";
import { writeDateSchema } from "./write-dates";

/** Body of `POST /api/programs` and of the admin's create form. */
export const programCreateSchema = z.object({
  slug: slugSchema,
  name: z.string().trim().min(1, "must not be empty").max(200),
  description: z.string().trim().max(5000).default(""),
  targetDate: writeDateSchema.nullish(),
  factsUntil: writeDateSchema.nullish(),
  thresholds: thresholdsSchema.optional(),
});

/** Body of `PATCH /api/programs/{slug}`: name, description, target date, evidence horizon, thresholds; with version. */
export const programEditSchema = z
  .object({
    version: z.number().int().positive().optional(),
    name: z.string().trim().min(1, "must not be empty").max(200).optional(),
    description: z.string().trim().max(5000).optional(),
    targetDate: writeDateSchema.nullable().optional(),
    factsUntil: writeDateSchema.nullable().optional(),
    thresholds: z
      .object({
        testCoveragePct: z.number().min(0).max(100).optional(),
        unvettedCrates: z.number().int().min(0).optional(),
        crashOwnerRegistered: z.boolean().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type ProgramEdit = z.input<typeof programEditSchema>;
