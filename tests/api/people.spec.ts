/**
 * Account administration over HTTP, on the shared server: the people page's actions as an admin
 * calls them, and what a disabled account, or one holding a one-time password, gets on its very
 * next request — by bearer token, by session cookie, on a page and through a form.
 */
import { expect, test } from "@playwright/test";
import { expectProblem, nothingWritten } from "../support/api-answers";
import { fetchAction, loadActions, type ActionRef } from "../support/server-actions";
import { TEST_ACCOUNTS } from "../support/test-accounts";

test.describe.configure({ mode: "serial" });

let baseURL = "";
let actions: Record<string, ActionRef>;
let adminCookie = "";
const SESSION = /tracker_session=([^;]+)/;

async function signIn(email: string, password: string) {
  const r = await fetchAction(baseURL, actions.signInAction!, ["$undefined", "$K1"], [["email", email], ["password", password]]);
  const session = r.setCookies.map((c) => SESSION.exec(c)?.[1]).find(Boolean);
  return { ...r, cookie: session ? `tracker_session=${session}` : null, redirect: r.headers.get("x-action-redirect") ?? "" };
}
const asAdmin = (action: string, fields: [string, string][]) => fetchAction(baseURL, actions[action]!, ["$undefined", "$K1"], fields, adminCookie);
const get = (path: string, headers: Record<string, string>) => fetch(`${baseURL}${path}`, { headers, redirect: "manual" });

/**
 * A fresh account, made as an admin makes one on the people page: added with a one-time password,
 * which its owner replaces with their own at first sign-in, then makes an API token on their account page.
 */
async function newAccount(name: string) {
  const email = `${name.toLowerCase()}-${Date.now()}@test.example`;
  const added = await asAdmin("addPersonAction", [["email", email], ["name", name], ["role", "contributor"]]);
  const oneTime = secretOf(added.text);
  const first = await signIn(email, oneTime);
  const password = `${name}-own-password-${Date.now()}`;
  const chosen = await fetchAction(baseURL, actions.changePasswordAction!, ["$undefined", "$K1"], [["password", password], ["confirm", password]], first.cookie!);
  expect(chosen.headers.get("x-action-redirect"), chosen.text.slice(0, 300)).toBeTruthy();
  const made = await fetchAction(baseURL, actions.createTokenAction!, ["$undefined", "$K1"], [["name", "api tests"]], first.cookie!);
  const token = /"token":"(bot_[A-Za-z0-9_-]{43})"/.exec(made.text)?.[1];
  expect(token, made.text.slice(0, 300)).toBeTruthy();
  return { email, password, token: token! };
}

/** The one-time password a people action answered with. */
function secretOf(text: string): string {
  const secret = /"secret":"([A-Za-z0-9]{20})"/.exec(text)?.[1];
  expect(secret, text.slice(0, 400)).toBeTruthy();
  return secret!;
}

test.beforeAll(async ({ baseURL: url }) => {
  baseURL = url!;
  actions = loadActions();
  const admin = await signIn(TEST_ACCOUNTS.admin.email, process.env.TEST_PASSWORD!);
  expect(admin.cookie).toBeTruthy();
  adminCookie = admin.cookie!;
});

test("a disabled account's token and session are refused on the very next request; re-enabled, it signs in again", async () => {
  const bo = await newAccount("Bo");
  const session = await signIn(bo.email, bo.password);
  const bearer = { authorization: `Bearer ${bo.token}` };
  const cookie = { cookie: session.cookie! };
  expect((await get("/api/programs", bearer)).status).toBe(200);
  expect((await get("/api/programs", cookie)).status).toBe(200);
  expect((await get("/account", cookie)).status).toBe(200);

  const disabled = await asAdmin("disableAccountAction", [["email", bo.email]]);
  expect(disabled.text).toContain('"status":"ok","message":"Bo is disabled: their sessions have ended and their API tokens are revoked."');

  await expectProblem(await get("/api/programs", bearer), 401, /unknown, revoked or expired/);
  await expectProblem(await get("/api/programs", cookie), 401, /sign in/);
  const page = await get("/account", cookie);
  expect([page.status, page.headers.get("location")]).toEqual([307, "/sign-in?ended=1"]);
  const form = await fetchAction(baseURL, actions.createTokenAction!, ["$undefined", "$K1"], [["name", "after"]], session.cookie!);
  expect(form.text).toMatch(/"token":null,"error":"sign in, or send Authorization/);

  const again = await signIn(bo.email, bo.password);
  expect([again.cookie, again.text]).toEqual([null, expect.stringContaining("This account is disabled: ask an administrator to enable it.")]);
  // A wrong password says nothing about the account.
  expect((await signIn(bo.email, "not-bo-s-password")).text).toContain("Wrong e-mail or password.");

  expect((await asAdmin("enableAccountAction", [["email", bo.email]])).text).toContain('"status":"ok","message":"Bo can sign in again."');
  const back = await signIn(bo.email, bo.password);
  expect(back.cookie).toBeTruthy();
  expect((await get("/api/programs", { cookie: back.cookie! })).status).toBe(200);
  // The revoked token and the ended session stay dead.
  expect((await get("/api/programs", bearer)).status).toBe(401);
  expect((await get("/api/programs", cookie)).status).toBe(401);
});

test("after a reset, the one-time password's session opens only the password page; the person's token still works", async () => {
  const cy = await newAccount("Cy");
  const oneTime = secretOf((await asAdmin("resetPasswordAction", [["email", cy.email]])).text);
  expect((await signIn(cy.email, cy.password)).cookie).toBeNull();

  const session = await signIn(cy.email, oneTime);
  expect(session.redirect).toMatch(/^\/account\/password/);
  const cookie = { cookie: session.cookie! };
  await expectProblem(await get("/api/programs", cookie), 403, /choose your own password first/);
  const page = await get("/programs/boost-offload", cookie);
  expect([page.status, page.headers.get("location")]).toEqual([307, "/account/password"]);
  expect((await get("/account/password", cookie)).status).toBe(200);
  const form = await fetchAction(baseURL, actions.createTokenAction!, ["$undefined", "$K1"], [["name", "sneaky"]], session.cookie!);
  expect(form.text).toMatch(/"token":null,"error":"choose your own password first/);
  // A token was made on purpose by its owner: a reset leaves it working.
  expect((await get("/api/programs", { authorization: `Bearer ${cy.token}` })).status).toBe(200);

  const changed = await fetchAction(
    baseURL,
    actions.changePasswordAction!,
    ["$undefined", "$K1"],
    [["password", "cy-chose-this-one"], ["confirm", "cy-chose-this-one"], ["next", "/programs/boost-offload"]],
    session.cookie!,
  );
  expect(changed.headers.get("x-action-redirect") ?? "").toMatch(/^\/programs\/boost-offload/);
  expect((await get("/api/programs", cookie)).status).toBe(200);
  expect((await get("/programs/boost-offload", cookie)).status).toBe(200);
});

test("every people action refuses a non-admin in words, and writes nothing", async () => {
  const viewer = await signIn(TEST_ACCOUNTS.viewer.email, process.env.TEST_PASSWORD!);
  const calls: [string, [string, string][]][] = [
    ["addPersonAction", [["email", "new-one@test.example"], ["name", "New One"], ["role", "admin"]]],
    ["setRoleAction", [["email", TEST_ACCOUNTS.viewer.email], ["role", "admin"]]],
    ["resetPasswordAction", [["email", TEST_ACCOUNTS.contributor.email]]],
    ["disableAccountAction", [["email", TEST_ACCOUNTS.admin.email]]],
    ["enableAccountAction", [["email", TEST_ACCOUNTS.contributor.email]]],
  ];
  await nothingWritten(async () => {
    for (const [action, fields] of calls) {
      const r = await fetchAction(baseURL, actions[action]!, ["$undefined", "$K1"], fields, viewer.cookie!);
      expect(r.text, action).toContain(`"status":"error","message":"Not allowed: this needs the admin role; ${TEST_ACCOUNTS.viewer.email} is viewer."`);
    }
  });
  // The page answers 403; its words come in the page's payload (a browser shows them: graph-import-a11y.spec).
  const page = await get("/people", { cookie: viewer.cookie! });
  expect(page.status).toBe(403);
  expect(await page.text()).toMatch(/This page needs the \S*?admin\S*? role; you are signed in as \S*?viewer/);
});
