import { asc, eq, isNull, or } from "drizzle-orm";
import type { Db } from "../index";
import { people } from "../schema";

export interface OwnerChoice {
  email: string;
  name: string;
  disabled: boolean;
}

/**
 * Whom an item's Owner select offers, by name: every person not disabled — an owner needs no
 * account, a bundle's people own items — and the current owner even when disabled. Left out, the
 * select would show "nobody" and saving any other field would take the item from its owner.
 */
export async function listOwnerChoices(db: Db, currentOwner: string | null): Promise<OwnerChoice[]> {
  const active = isNull(people.disabledAt);
  return (await db
    .select({ email: people.email, name: people.name, disabledAt: people.disabledAt })
    .from(people)
    .where(currentOwner === null ? active : or(active, eq(people.email, currentOwner)))
    .orderBy(asc(people.name), asc(people.email)))
    .map(({ disabledAt, ...p }) => ({ ...p, disabled: disabledAt !== null }));
}
