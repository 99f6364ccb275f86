import { firstRow } from "../first-row";
import { and, count, eq, isNull, ne } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import type { Tx } from "../index";
import { people, type Person } from "../schema";

/**
 * Refuses a change that would leave no active admin: demoting or disabling `person` when they are
 * the only admin left who is not disabled. Read inside the caller's transaction, so two admins
 * demoting each other at once cannot both succeed.
 */
export async function refuseLeavingNoAdmin(tx: Tx, person: Person, change: string): Promise<void> {
  if (person.role !== "admin" || person.disabledAt !== null) return;
  const others = (await firstRow(tx
    .select({ n: count() })
    .from(people)
    .where(and(eq(people.role, "admin"), isNull(people.disabledAt), ne(people.id, person.id)))
    ))!.n;
  if (others === 0)
    throw new AppError("rule", `cannot ${change}: ${person.email} is the last active admin, and nobody could administer the tracker; make someone else admin first`);
}
