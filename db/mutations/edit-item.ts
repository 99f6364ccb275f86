import { and, eq } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { checkExpectedVersion } from "@/lib/http/expected-version";
import { toInstant } from "@/lib/time";
import { itemEditSchema } from "@/lib/validations/item-input";
import { parseInput } from "@/lib/validations/parse-input";
import type { Db, Tx } from "../index";
import { LogWriter } from "../append-log";
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

export function editItem(db: Db, { slug, key, input, expectedVersion, actor, now = Date.now() }: EditItemArgs) {
  const body = parseInput(itemEditSchema, input, "item");
  const { version: _v, owner, targetDate, ...fields } = body;
  return db.transaction((tx) => {
    const { item } = findProgramItem(tx, slug, key);
    checkExpectedVersion(key, item.version, body.version, expectedVersion);
    const version = item.version;
    const ownerId = owner === undefined || owner === null ? owner : ownerIdFor(tx, owner, item.ownerId);
    const changes = {
      ...fields,
      ...(ownerId !== undefined ? { ownerId } : {}),
      ...(targetDate !== undefined ? { targetDate: targetDate === null ? null : toInstant(targetDate) } : {}),
    };
    const updated = tx
      .update(items)
      .set({ ...changes, version: item.version + 1 })
      .where(and(eq(items.id, item.id), eq(items.version, version)))
      .returning()
      .get();
    if (!updated) throw new AppError("conflict", `${key} was changed by someone else; reload and retry`);
    // The entry's time dates a change of owner for the four-eyes rule (verify-transition).
    new LogWriter(tx, new Date(now)).append({
      actor: actor.email,
      action: "update",
      entity: "item",
      entityId: key,
      programSlug: slug,
      payload: { ...fields, ...(owner !== undefined ? { owner } : {}), ...(targetDate !== undefined ? { targetDate } : {}), version: updated.version },
    });
    return { key, version: updated.version };
  });
}

/**
 * The id of the person `email` names as owner. A disabled person may stay owner (an edit of other
 * fields sends the owner as it was) but is never newly given an item: nobody could act on it.
 */
function ownerIdFor(tx: Tx, email: string, currentOwnerId: number | null): number {
  const person = tx.select({ id: people.id, disabledAt: people.disabledAt }).from(people).where(eq(people.email, email)).get();
  if (!person) throw new AppError("invalid", "invalid item", [{ path: "owner", message: `no account ${email}` }]);
  if (person.disabledAt !== null && person.id !== currentOwnerId)
    throw new AppError("invalid", "invalid item", [{ path: "owner", message: `${email} is disabled: choose someone active, or nobody` }]);
  return person.id;
}
