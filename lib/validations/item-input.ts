import { z } from "zod";
import { SIGNAL_METRICS } from "../bundle/bundle-schema";
import { componentsSchema } from "./components-input";
import { writeDateSchema, writeInstantSchema } from "./write-dates";

const version = z.number({ error: () => "must be the version number you read" }).int().positive();

/** Body of `PATCH …/items/{key}`: the fields to change and the version they were read at. */
export const itemEditSchema = z
  .object({
    version: version.optional(),
    title: z.string().trim().min(1, "must not be empty").max(300).optional(),
    description: z.string().trim().max(10_000).optional(),
    area: z.string().trim().min(1, "must not be empty").max(100).optional(),
    owner: z.email({ error: () => "must be an e-mail address or null" }).toLowerCase().nullable().optional(),
    team: z.string().trim().max(200).optional(),
    estimateWeeks: z.number().positive("must be greater than 0").max(1000).optional(),
    targetDate: writeDateSchema.nullable().optional(),
    components: componentsSchema.optional(),
  })
  .strict();
export type ItemEdit = z.input<typeof itemEditSchema>;

/** Body of `POST …/items/{key}/signals`. */
export const signalInputSchema = z.object({
  metric: z.enum(SIGNAL_METRICS, { error: () => `must be one of ${SIGNAL_METRICS.join(", ")}` }),
  value: z.number({ error: () => "must be a number" }),
  measuredAt: writeInstantSchema.optional(),
});
