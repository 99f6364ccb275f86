/**
 * Boots a brand-new database (migrations, demo program, first admin), adds the test accounts with
 * the password in TEST_PASSWORD, and writes one API token per role to tokensFileFor(DATABASE_URL).
 * Run by scripts/e2e-server.mjs before the server starts.
 */
import fs from "node:fs";
import { createToken } from "@/db/accounts/api-tokens";
import { addUser, setPassword } from "@/db/accounts/manage-users";
import { bootDatabase } from "@/db/boot";
import { closeDatabase } from "@/db/index";
import { DEMO_SIGN_INS, TEST_ACCOUNTS, type TestRole } from "./test-accounts";
import { tokensFileFor } from "./tokens-file";

const password = process.env.TEST_PASSWORD;
if (!password) throw new Error("TEST_PASSWORD is not set");
const db = await bootDatabase(undefined, () => {});
const tokens: Partial<Record<TestRole, string>> = {};
for (const [role, account] of Object.entries(TEST_ACCOUNTS) as [TestRole, (typeof TEST_ACCOUNTS)[TestRole]][]) {
  const person = await addUser(db, { ...account, password }, null);
  tokens[role] = (await createToken(db, person, "tests", null)).token;
}
for (const email of DEMO_SIGN_INS) await setPassword(db, email, password, null);
fs.writeFileSync(tokensFileFor(process.env.DATABASE_URL ?? ""), JSON.stringify(tokens));
await closeDatabase(db);
