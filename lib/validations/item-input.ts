import { z } from "zod";
import { itemKeySchema, SIGNAL_METRICS } from "../bundle/bundle-schema";
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

/**
 * Body of `POST …/items`: a new item of the program. It enters the program on `identifiedAt`
 * (today unless given); its dependencies are added afterwards, one by one, as on any item.
 */
export const itemCreateSchema = z
  .object({
    key: itemKeySchema,
    title: z.string().trim().min(1, "must not be empty").max(300),
    description: z.string().trim().max(10_000).default(""),
    area: z.string().trim().min(1, "must not be empty").max(100),
    owner: z.email({ error: () => "must be an e-mail address or null" }).toLowerCase().nullable().default(null),
    team: z.string().trim().max(200).default(""),
    estimateWeeks: z.number({ error: () => "must be a number of weeks" }).positive("must be greater than 0").max(1000),
    identifiedAt: writeDateSchema.optional(),
    targetDate: writeDateSchema.nullable().default(null),
    components: componentsSchema.default([]),
  })
  .strict();
export type ItemCreate = z.input<typeof itemCreateSchema>;

/** Body of `POST …/items/{key}/signals`. */
export const signalInputSchema = z.object({
  metric: z.enum(SIGNAL_METRICS, { error: () => `must be one of ${SIGNAL_METRICS.join(", ")}` }),
  value: z.number({ error: () => "must be a number" }),
  measuredAt: writeInstantSchema.optional(),
});
