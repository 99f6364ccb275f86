/**
 * `DATABASE_URL=… tsx tests/support/mint-tokens.ts email…`: one new API token per e-mail given,
 * printed as JSON `[{ token, id, email }]`. For tests only (throwaway databases).
 */
import { createToken } from "@/db/accounts/api-tokens";
import { findPerson } from "@/db/accounts/manage-users";
import { openDatabase } from "@/db/index";

const db = openDatabase();
const out = process.argv.slice(2).map((email) => {
  const person = findPerson(db, email);
  if (!person) throw new Error(`no account ${email}`);
  const made = createToken(db, person, "reliability-tests", null);
  return { token: made.token, id: made.id, email };
});
db.$client.close();
process.stdout.write(JSON.stringify(out));
