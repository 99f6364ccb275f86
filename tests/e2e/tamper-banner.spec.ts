/**
 * In the browser: someone edits the running server's database behind its back (a
 * separate sqlite connection, append-only triggers dropped). The dashboard shows the broken-chain
 * banner naming the first bad entry, /api/audit/verify says the same; undoing the edit clears it;
 * cutting the log short is caught too. On a server of its own (port 3123, own database), so the
 * shared server's chain is never touched.
 */
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { ownPort, OwnServer } from "../support/own-server";
import { TEST_ACCOUNTS } from "../support/test-accounts";

test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);

let server: OwnServer;

test.beforeAll(async () => {
  server = await OwnServer.start({ port: ownPort(3123) });
});

test.afterAll(async () => {
  await server?.dispose();
});

async function signInOn(page: Page) {
  await page.goto(`${server.baseURL}/sign-in`);
  await page.getByLabel("E-mail").fill(TEST_ACCOUNTS.viewer.email);
  await page.getByLabel("Password").fill(server.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText(TEST_ACCOUNTS.viewer.name);
}

const verify = async () =>
  (await fetch(`${server.baseURL}/api/audit/verify`, { headers: { authorization: `Bearer ${server.tokens().viewer}` } })).json();

test("tampering with the log behind the server's back raises the banner, naming the first bad entry; undoing it clears the banner", async ({ page }) => {
  await signInOn(page);
  await page.goto(`${server.baseURL}/programs/boost-offload`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("chain-broken")).toHaveCount(0);
  expect((await verify()).ok).toBe(true);

  // A tamperer rewrites who did entry #10.
  const db = new Database(server.databaseUrl);
  db.exec("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;");
  const original = db.prepare("SELECT actor FROM audit_log WHERE seq = 10").get() as { actor: string | null };
  db.prepare("UPDATE audit_log SET actor = 'mallory@example.com' WHERE seq = 10").run();

  await page.reload();
  const banner = page.getByTestId("chain-broken");
  await expect(banner).toBeVisible();
  await expect(banner).toContainText("The history log does not verify");
  await expect(banner).toContainText("Entry #10");
  await expect(banner).toContainText("its content does not match its hash");
  const broken = await verify();
  expect(broken.ok).toBe(false);
  expect(broken.firstBad.seq).toBe(10);
  // Every page carries it.
  await page.goto(`${server.baseURL}/programs/boost-offload/items`);
  await expect(page.getByTestId("chain-broken")).toContainText("Entry #10");

  // Put the value back: the chain verifies again and the banner goes.
  db.prepare("UPDATE audit_log SET actor = ? WHERE seq = 10").run(original.actor);
  await page.reload();
  await expect(page.getByTestId("chain-broken")).toHaveCount(0);
  expect((await verify()).ok).toBe(true);

  // Cutting the log short at its end is caught by the anchor.
  const last = (db.prepare("SELECT MAX(seq) AS n FROM audit_log").get() as { n: number }).n;
  db.prepare("DELETE FROM audit_log WHERE seq = ?").run(last);
  db.close();
  await page.goto(`${server.baseURL}/`);
  await expect(page.getByTestId("chain-broken")).toContainText(`Entry #${last}`);
  await expect(page.getByTestId("chain-broken")).toContainText("removed from its end");
  const cut = await verify();
  expect(cut.ok).toBe(false);
  expect(cut.firstBad.seq).toBe(last);
});
