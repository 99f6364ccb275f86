import { z } from "zod";
import { itemKeySchema, SIGNAL_METRICS } from "../bundle/bundle-schema";
import { componentsSchema } from "./components-input";
import { writeDateSchema, writeInstantSchema } from "./write-dates";

const version = z.number({ error: () => "must be the version number you read" }).int().positive();

/** An item's own fields, as an addition gives them and an edit changes them: one rule for both. */
const itemFields = {
  title: z.string().trim().min(1, "must not be empty").max(300),
  description: z.string().trim().max(10_000),
  area: z.string().trim().min(1, "must not be empty").max(100),
  owner: z.email({ error: () => "must be an e-mail address or null" }).toLowerCase().nullable(),
  team: z.string().trim().max(200),
  estimateWeeks: z.number({ error: () => "must be a number of weeks" }).positive("must be greater than 0").max(1000),
  targetDate: writeDateSchema.nullable(),
  components: componentsSchema,
};

/** Body of `PATCH …/items/{key}`: the fields to change and the version they were read at. */
export const itemEditSchema = z
  .object({ version, ...itemFields })
  .partial()
  .strict();
export type ItemEdit = z.input<typeof itemEditSchema>;

/**
 * Body of `POST …/items`: a new item of the program. It enters the program on `identifiedAt`
 * (today unless given); its dependencies are added afterwards, one by one, as on any item.
 */
export const itemCreateSchema = z
  .object({
    key: itemKeySchema,
    ...itemFields,
    description: itemFields.description.default(""),
    owner: itemFields.owner.default(null),
    team: itemFields.team.default(""),
    identifiedAt: writeDateSchema.optional(),
    targetDate: itemFields.targetDate.default(null),
    components: itemFields.components.default([]),
  })
  .strict();
export type ItemCreate = z.input<typeof itemCreateSchema>;

/** Body of `POST …/items/{key}/signals`. */
export const signalInputSchema = z.object({
  metric: z.enum(SIGNAL_METRICS, { error: () => `must be one of ${SIGNAL_METRICS.join(", ")}` }),
  value: z.number({ error: () => "must be a number" }),
  measuredAt: writeInstantSchema.optional(),
});
