import { transact } from "../transact";
import { firstRow } from "../first-row";
import { and, eq } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { checkExpectedVersion } from "@/lib/http/expected-version";
import { toInstant } from "@/lib/time";
import { itemEditSchema } from "@/lib/validations/item-input";
import { parseInput } from "@/lib/validations/parse-input";
import type { Db, Tx } from "../index";
import { appendToLog } from "../append-log";
import { findProgramItem } from "../queries/find-program-item";
import { items, people } from "../schema";
import type { VersionedWriteArgs } from "./write-args";

/**
 * Edits an item's fields under optimistic concurrency: `version` (from the body or If-Match) must
 * be the one the client read, or the write is refused with 409 and nothing changes.
 * `input` is an `ItemEdit`.
 */
export interface EditItemArgs extends VersionedWriteArgs {
  key: string;
}

export async function editItem(db: Db, { slug, key, input, expectedVersion, actor, now = Date.now() }: EditItemArgs) {
  const body = parseInput(itemEditSchema, input, "item");
  const { version: _v, owner, targetDate, ...fields } = body;
  return await transact(db, async (tx) => {
    const { item } = await findProgramItem(tx, slug, key);
    checkExpectedVersion(key, item.version, body.version, expectedVersion);
    const version = item.version;
    const ownerId = owner === undefined || owner === null ? owner : await ownerIdFor(tx, owner, item.ownerId);
    const changes = {
      ...fields,
      ...(ownerId !== undefined ? { ownerId } : {}),
      ...(targetDate !== undefined ? { targetDate: targetDate === null ? null : toInstant(targetDate) } : {}),
    };
    const updated = (await tx
      .update(items)
      .set({ ...changes, version: item.version + 1 })
      .where(and(eq(items.id, item.id), eq(items.version, version)))
      .returning())[0];
    if (!updated) throw new AppError("conflict", `${key} was changed by someone else; reload and retry`);
    // The entry's time dates a change of owner for the four-eyes rule (verify-transition).
    await appendToLog(tx, {
      actor: actor.email,
      action: "update",
      entity: "item",
      entityId: key,
      programSlug: slug,
      payload: { ...fields, ...(owner !== undefined ? { owner } : {}), ...(targetDate !== undefined ? { targetDate } : {}), version: updated.version },
    }, new Date(now));
    return { key, version: updated.version };
  });
}

/**
 * The id of the person `email` names as owner. A disabled person may stay owner (an edit of other
 * fields sends the owner as it was) but is never newly given an item: nobody could act on it.
 */
export async function ownerIdFor(tx: Tx, email: string, currentOwnerId: number | null): Promise<number> {
  const person = await firstRow(tx.select({ id: people.id, disabledAt: people.disabledAt }).from(people).where(eq(people.email, email)));
  if (!person) throw new AppError("invalid", "invalid item", [{ path: "owner", message: `no account ${email}` }]);
  if (person.disabledAt !== null && person.id !== currentOwnerId)
    throw new AppError("invalid", "invalid item", [{ path: "owner", message: `${email} is disabled: choose someone active, or nobody` }]);
  return person.id;
}
