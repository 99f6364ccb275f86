/**
 * Prepares a brand-new benchmark database (run by bench/run.ts before `next start`, like
 * tests/support/prepare-test-database.ts): migrations, no demo program (TRACKER_SEED=none), one
 * account per role with an API token, and a live web session for the viewer (pages accept only
 * session cookies). Writes `{ admin, reviewer, contributor, viewer, session }` to BENCH_TOKENS_FILE.
 *
 *   DATABASE_URL=bench/tmp/bench-64.db BENCH_TOKENS_FILE=bench/tmp/bench-64.tokens.json npx tsx bench/prepare-db.ts
 */
import fs from "node:fs";
import path from "node:path";
import { createToken } from "@/db/accounts/api-tokens";
import { addUser } from "@/db/accounts/manage-users";
import { signIn } from "@/db/accounts/sessions";
import { bootDatabase } from "@/db/boot";
import { closeDatabase, databaseTarget } from "@/db/index";
import { randomPassword } from "@/lib/auth/secrets";
import { TEST_ACCOUNTS, type TestRole } from "@/tests/support/test-accounts";

const target = databaseTarget();
const tokensFile = process.env.BENCH_TOKENS_FILE;
// A new SQLite file under bench/tmp, or a PostgreSQL database named bench_… (bench/run.ts creates it).
const isNew = target.dialect === "sqlite" ? path.resolve(target.file).split(path.sep).includes("bench") && !fs.existsSync(target.file) : /\/bench_[^/]*$/.test(new URL(target.url).pathname);
if (!isNew || !tokensFile) {
  console.error(`prepare-db: refusing database "${process.env.DATABASE_URL}": the benchmark runs only on a new file under bench/tmp/ or a bench_ database, with BENCH_TOKENS_FILE set`);
  process.exit(1);
}
process.env.TRACKER_SEED = "none";
const db = await bootDatabase(target, () => {});
const password = randomPassword();
const tokens: Partial<Record<TestRole | "session", string>> = {};
for (const [role, account] of Object.entries(TEST_ACCOUNTS) as [TestRole, (typeof TEST_ACCOUNTS)[TestRole]][]) {
  const person = await addUser(db, { ...account, password }, null);
  tokens[role] = (await createToken(db, person, "bench", null)).token;
}
tokens.session = (await signIn(db, TEST_ACCOUNTS.viewer.email, password)).token;
fs.writeFileSync(tokensFile, JSON.stringify(tokens));
await closeDatabase(db);
