/**
 * `DATABASE_URL=… tsx tests/support/mint-tokens.ts email…`: one new API token per e-mail given,
 * printed as JSON `[{ token, id, email }]`. For tests only (throwaway databases).
 */
import { createToken } from "@/db/accounts/api-tokens";
import { findPerson } from "@/db/accounts/manage-users";
import { closeDatabase, openDatabase } from "@/db/index";

const db = await openDatabase();
// One after another, in the order given (as the synchronous version made them).
const out: { token: string; id: number; email: string }[] = [];
try {
  for (const email of process.argv.slice(2)) {
    const person = await findPerson(db, email);
    if (!person) throw new Error(`no account ${email}`);
    const made = await createToken(db, person, "reliability-tests", null);
    out.push({ token: made.token, id: made.id, email });
  }
} finally {
  await closeDatabase(db);
}
process.stdout.write(JSON.stringify(out));
