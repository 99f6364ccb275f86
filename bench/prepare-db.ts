/**
 * Prepares a brand-new benchmark database (run by bench/run.ts before `next start`, like
 * tests/support/prepare-test-database.ts): migrations, no demo program (TRACKER_SEED=none), one
 * account per role with an API token, and a live web session for the viewer (pages accept only
 * session cookies). Writes `{ admin, reviewer, contributor, viewer, session }` to
 * `<database>.tokens.json`.
 *
 *   DATABASE_URL=bench/tmp/bench-64.db TRACKER_SEED=none npx tsx bench/prepare-db.ts
 */
import fs from "node:fs";
import path from "node:path";
import { createToken } from "@/db/accounts/api-tokens";
import { addUser } from "@/db/accounts/manage-users";
import { signIn } from "@/db/accounts/sessions";
import { bootDatabase } from "@/db/boot";
import { databaseFile } from "@/db/index";
import { randomPassword } from "@/lib/auth/secrets";
import { TEST_ACCOUNTS, type TestRole } from "@/tests/support/test-accounts";

const file = databaseFile();
if (!path.resolve(file).split(path.sep).includes("bench") || fs.existsSync(file)) {
  console.error(`prepare-db: refusing database "${file}": the benchmark runs only on a new file under bench/tmp/`);
  process.exit(1);
}
process.env.TRACKER_SEED = "none";
const db = await bootDatabase(file, () => {});
const password = randomPassword();
const tokens: Partial<Record<TestRole | "session", string>> = {};
for (const [role, account] of Object.entries(TEST_ACCOUNTS) as [TestRole, (typeof TEST_ACCOUNTS)[TestRole]][]) {
  const person = await addUser(db, { ...account, password }, null);
  tokens[role] = (await createToken(db, person, "bench", null)).token;
}
tokens.session = (await signIn(db, TEST_ACCOUNTS.viewer.email, password)).token;
fs.writeFileSync(`${file}.tokens.json`, JSON.stringify(tokens));
db.$client.close();
