/**
 * Boots a brand-new database (migrations, demo program, first admin) and adds the test accounts,
 * all with the password in TEST_PASSWORD. Run by scripts/e2e-server.mjs before the server starts.
 */
import { addUser, setPassword } from "@/db/accounts/manage-users";
import { bootDatabase } from "@/db/boot";
import { DEMO_SIGN_INS, TEST_ACCOUNTS } from "./test-accounts";

const password = process.env.TEST_PASSWORD;
if (!password) throw new Error("TEST_PASSWORD is not set");
const db = bootDatabase(undefined, () => {});
for (const account of Object.values(TEST_ACCOUNTS)) addUser(db, { ...account, password }, null);
for (const email of DEMO_SIGN_INS) setPassword(db, email, password, null);
db.$client.close();
