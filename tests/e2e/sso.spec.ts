/**
 * Single sign-on in Chromium, as a person does it: the tracker's sign-in page, the provider's own
 * login and consent pages (a real `oidc-provider` on a free port), back on the tracker signed in
 * with the role the provider's groups give; sign-out ends the tracker session and goes on to the
 * provider's sign-out, with and without JavaScript. On a tracker of its own (port 3135).
 */
import { expect, test, type Page } from "@playwright/test";
import { expectAxeClean } from "../support/axe";
import { GROUP_ROLES, startLocalProvider, trackerSettings, type LocalProvider } from "../support/local-oidc-provider";
import { ownPort, OwnServer } from "../support/own-server";
import { sqlOn } from "../support/sql-on";
import { sha256 } from "@/lib/auth/secrets";

const PORT = ownPort(3135);
const APP = `http://127.0.0.1:${PORT}`;

let provider: LocalProvider;
let server: OwnServer;

test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);

test.beforeAll(async () => {
  provider = await startLocalProvider([`${APP}/api/auth/oidc/callback`], [`${APP}/sign-in`], {
    ada: { email: "ada@example.org", email_verified: true, name: "Ada Admin", groups: ["admins"] },
    bob: { email: "bob@example.org", email_verified: true, name: "Bob Nogroup", groups: [] },
    eve: { email: "eve@evil.example", email_verified: true, name: "Eve Elsewhere", groups: ["admins"] },
  });
  server = await OwnServer.start({
    port: PORT,
    env: trackerSettings(provider, { ...GROUP_ROLES, OIDC_ROLE_MAP: "admins=admin" }),
  });
});

test.afterAll(async () => {
  await server?.dispose();
  await provider?.stop();
});

/** From the tracker's sign-in page through the provider's login (and, the first time, consent) page. */
async function signInWithProvider(page: Page, login: string, from = "/sign-in") {
  await page.goto(`${APP}${from}`);
  await page.getByRole("link", { name: "Sign in with Example ID" }).click();
  await page.waitForURL(`${provider.issuer}/**`);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: /sign-in/i }).click();
  // The provider asks for consent on a client's first sign-in only.
  const consent = page.getByRole("button", { name: /continue/i });
  await page.waitForURL((url) => url.origin === APP || url.pathname.includes("/interaction/"));
  if (new URL(page.url()).origin !== APP) await consent.click();
  await page.waitForURL(`${APP}/**`);
}

test("the admin signs in through the provider's pages and lands on the tracker as admin, with admin's pages open", async ({ page }) => {
  await signInWithProvider(page, "ada");
  // Without a page asked for, the sign-in lands on the programs' overview.
  expect(new URL(page.url()).pathname).toBe("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Programs");
  await expect(page.getByTestId("signed-in-as")).toHaveText("Ada Admin (admin)");
  await page.goto(`${APP}/people`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("People");
  // The People page says how the account signs in.
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Ada Admin (you)" }) });
  await expect(card).toContainText("ada@example.org");
  await expect(card).toContainText(/Last sign-in\s*\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC \(single sign-on\)/);
});

test("a person in no mapped group gets the default role: viewer, no People page", async ({ page }) => {
  await signInWithProvider(page, "bob", "/sign-in?next=%2Fprograms%2Fboost-offload");
  expect(new URL(page.url()).pathname).toBe("/programs/boost-offload");
  await expect(page.getByTestId("signed-in-as")).toHaveText("Bob Nogroup (viewer)");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goto(`${APP}/people`);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("This page needs the admin role; you are signed in as viewer.");
  await expect(page.getByRole("link", { name: "People" })).toHaveCount(0);
});

test("a single sign-on person's older session makes no token until they sign in again through the provider", async ({ page }) => {
  await signInWithProvider(page, "bob", "/sign-in?next=%2Faccount");
  expect(new URL(page.url()).pathname).toBe("/account");
  const session = (await page.context().cookies()).find((c) => c.name === "tracker_session")!.value;
  await sqlOn(server.databaseUrl, "UPDATE sessions SET created_at = ? WHERE id = ?", [Date.now() - 20 * 60_000, sha256(session)]);
  await page.reload();
  await expect(page.getByText("Sign in again with Example ID to make a token: a token outlives this session, so one is made only within 15 minutes of signing in.")).toBeVisible();
  await expect(page.getByLabel("Your password"), "Bob has no password here").toHaveCount(0);
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "token" })).toContainText("Sign in again with Example ID to make a token");
  await expect(page.getByTestId("new-token")).toHaveCount(0);

  await page.getByRole("link", { name: "Sign in again with Example ID" }).click();
  // Still signed in at the provider: it sends Bob straight back, or asks him to log in again.
  await page.waitForURL((url) => url.origin === APP || url.pathname.includes("/interaction/"));
  if (new URL(page.url()).origin !== APP) {
    await page.locator('input[name="login"]').fill("bob");
    await page.locator('input[name="password"]').fill("any password");
    await page.getByRole("button", { name: /sign-in/i }).click();
  }
  await page.waitForURL(`${APP}/account`);
  await expect(page.getByText(/Sign in again with Example ID to make a token/)).toHaveCount(0);
  await page.getByLabel("Token name").fill("bob's cron");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByTestId("new-token")).toHaveText(/^bot_/);
  // The session the token was refused in has ended with the new sign-in.
  const after = await sqlOn<{ n: number }>(server.databaseUrl, "SELECT count(*) AS n FROM sessions WHERE id = ?", [sha256(session)]);
  expect(after[0]!.n).toBe(0);
});

test("a person of a disallowed domain reads why on the sign-in page and is not signed in", async ({ page }) => {
  await signInWithProvider(page, "eve");
  expect(new URL(page.url()).pathname).toBe("/sign-in");
  await expect(page.getByRole("main")).toContainText("Your e-mail address is not of a domain allowed to sign in to this tracker. Ask your administrator.");
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
  await page.goto(`${APP}/my-work`);
  expect(new URL(page.url()).pathname).toBe("/sign-in");
});

test("a callback whose state was altered is refused with a readable sentence, no session", async ({ page }) => {
  // The browser's own attempt (its cookie is set), answered with that attempt's state altered.
  // A browser route cannot rewrite the provider's redirect (redirects are not routed), so the
  // altered answer is opened the way a doctored link would be.
  const states: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.origin === provider.issuer && url.searchParams.has("state")) states.push(url.searchParams.get("state")!);
  });
  await page.goto(`${APP}/sign-in`);
  await page.getByRole("link", { name: "Sign in with Example ID" }).click();
  await page.waitForURL(`${provider.issuer}/**`);
  expect(states).toHaveLength(1);
  await page.goto(`${APP}/api/auth/oidc/callback?code=any&state=${encodeURIComponent(`${states[0]}x`)}`);
  expect(new URL(page.url()).pathname).toBe("/sign-in");
  await expect(page.getByRole("main")).toContainText("could not be matched to one started here");
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
  await page.goto(`${APP}/my-work`);
  expect(new URL(page.url()).pathname).toBe("/sign-in");
});

for (const javaScriptEnabled of [true, false]) {
  test(`sign-out ends the tracker session and goes on to the provider's sign-out (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    try {
      await signInWithProvider(page, "ada");
      await expect(page.getByTestId("signed-in-as")).toHaveText("Ada Admin (admin)");
      await page.getByRole("button", { name: "Sign out" }).first().click();
      // The tracker's session is gone before the provider is asked.
      await expect(async () => {
        const me = await context.request.get(`${APP}/api/me/counts`);
        expect(me.status()).toBe(401);
      }).toPass();
      if (javaScriptEnabled) await page.waitForURL(`${provider.issuer}/**`);
      else {
        // A form posted without JavaScript may not be redirected off-site (CSP form-action 'self':
        // Chromium blocks the whole submission): the tracker's own page offers the provider's sign-out.
        await page.waitForURL(`${APP}/signed-out`);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("Signed out");
        await expect(page.getByRole("main")).toContainText("You are still signed in at Example ID");
        await page.getByRole("link", { name: "Sign out of Example ID too" }).click();
        await page.waitForURL(`${provider.issuer}/**`);
      }
      await page.getByRole("button", { name: /yes, sign me out/i }).click();
      await page.waitForURL(`${APP}/sign-in**`);
      await expect(page.getByRole("link", { name: "Sign in with Example ID" })).toBeVisible();
    } finally {
      await context.close();
    }
  });
}

test("removed from the admins group at the provider, the admin signs in again as viewer at once", async ({ page }) => {
  const ada = provider.accounts.get("ada")!;
  const groups = ada.groups;
  ada.groups = ["staff"];
  try {
    await signInWithProvider(page, "ada");
    await expect(page.getByTestId("signed-in-as")).toHaveText("Ada Admin (viewer)");
    await page.goto(`${APP}/people`);
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  } finally {
    ada.groups = groups;
  }
});

test("the signed-out page reads well: no serious accessibility violation, nothing sideways at 390 px", async ({ page }) => {
  // The page is there while the sign-out's short-lived cookie is; its value is the route's business.
  await page.context().addCookies([{ name: "tracker_end_session", value: "kept", url: APP }]);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${APP}/signed-out`);
  await expect(page.getByRole("link", { name: "Sign out of Example ID too" })).toBeVisible();
  await expectAxeClean(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  // Followed with a cookie that is not the provider's sign-out, the link goes to sign-in.
  await page.getByRole("link", { name: "Sign out of Example ID too" }).click();
  await page.waitForURL(`${APP}/sign-in`);
});
