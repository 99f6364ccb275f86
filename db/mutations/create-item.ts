import { transact } from "../transact";
import { firstRow } from "../first-row";
import { and, eq } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { formatDate, startOfDay, toInstant } from "@/lib/time";
import { itemCreateSchema } from "@/lib/validations/item-input";
import { parseInput } from "@/lib/validations/parse-input";
import type { Db } from "../index";
import { appendToLog } from "../append-log";
import { getProgramOrThrow } from "../queries/get-program-or-throw";
import { items } from "../schema";
import { ownerIdFor } from "./edit-item";
import type { WriteArgs } from "./write-args";

/**
 * Adds an item to a program: it enters the program on `identifiedAt` (today unless given), with
 * no status yet (not started) and version 1. A key the program already has is a 409; nothing is
 * written when the request fails. `input` is an `ItemCreate`.
 */
export async function createItem(db: Db, { slug, input, actor, now = Date.now() }: WriteArgs) {
  const body = parseInput(itemCreateSchema, input, "item");
  const identifiedAt = body.identifiedAt ? toInstant(body.identifiedAt) : startOfDay(now);
  if (identifiedAt > now) throw new AppError("invalid", "invalid item", [{ path: "identifiedAt", message: "must not be in the future" }]);
  return await transact(db, async (tx) => {
    const program = await getProgramOrThrow(tx, slug);
    const taken = await firstRow(tx.select({ id: items.id }).from(items).where(and(eq(items.programId, program.id), eq(items.key, body.key))));
    if (taken) throw new AppError("conflict", `${slug} already has an item ${body.key}: choose another key`);
    const ownerId = body.owner === null ? null : await ownerIdFor(tx, body.owner, null);
    const targetDate = body.targetDate === null ? null : toInstant(body.targetDate);
    await tx.insert(items).values({
      programId: program.id,
      key: body.key,
      title: body.title,
      description: body.description,
      area: body.area,
      ownerId,
      team: body.team,
      estimateWeeks: body.estimateWeeks,
      identifiedAt,
      targetDate,
      components: body.components,
    });
    // The same entry an import writes for each of its items, so the history reads it alike.
    const { components, identifiedAt: _given, ...fields } = body;
    await appendToLog(tx, {
      actor: actor.email,
      action: "create",
      entity: "item",
      entityId: body.key,
      programSlug: slug,
      payload: { ...fields, identifiedAt: formatDate(identifiedAt), ...(components.length > 0 ? { components } : {}) },
    }, new Date(now));
    return { key: body.key, version: 1 };
  });
}
