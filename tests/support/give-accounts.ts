import { transact } from "@/db/transact";
import { requirePerson, storePassword } from "@/db/accounts/manage-users";
import type { Db } from "@/db/index";
import { hashPasswordSync } from "@/lib/auth/password";

// One hash for every account the tests open: scrypt is slow on purpose, and no test signs in here.
let hash: string | undefined;

/** Gives people already in the database (a bundle's, say) a password, so they can sign in. */
export async function giveAccounts(db: Db, emails: readonly string[]): Promise<void> {
  hash ??= hashPasswordSync("a password for tests only");
  const stored = hash;
  await transact(db, async (tx) => {
    for (const email of emails) await storePassword(tx, await requirePerson(tx, email), stored, false);
  });
}
