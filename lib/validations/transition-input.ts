import { z } from "zod";
import { evidenceSchema } from "../bundle/bundle-schema";
import { statusSchema } from "../status";
import { writeInstantSchema } from "./write-dates";

/** Body of `POST …/items/{key}/transitions` and of the item page's report form. */
export const transitionInputSchema = z.object({
  to: statusSchema,
  effectiveAt: writeInstantSchema.optional(),
  evidence: z.array(evidenceSchema).max(50, "at most 50 pieces of evidence at once").default([]),
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
