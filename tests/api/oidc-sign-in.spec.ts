// Single sign-on against a real OpenID provider (oidc-provider on a free port, its own login and
// consent pages), walked with fetch: a tracker of its own (port 3130) configured for it.
import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { sqlOn } from "../support/sql-on";
import { expect, test } from "@playwright/test";
import { CookieBrowser, signInThroughProvider } from "../support/browse-oidc";
import { GROUP_ROLES, startLocalProvider, trackerSettings, type LocalProvider } from "../support/local-oidc-provider";
import { ownPort, OwnServer, trackerCli } from "../support/own-server";
import { fetchAction, loadActions, type ActionRef } from "../support/server-actions";
import { TEST_ACCOUNTS } from "../support/test-accounts";

const PORT = ownPort(3130);
const APP = `http://127.0.0.1:${PORT}`;
const SESSION = "tracker_session";
/** A second tracker on the same database, told that Entra's `xms_edov` vouches for the e-mail. */
const ENTRA_PORT = PORT + 3;

let provider: LocalProvider;
let server: OwnServer;
let actions: Record<string, ActionRef>;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  actions = loadActions();
  provider = await startLocalProvider([`${APP}/api/auth/oidc/callback`, `http://127.0.0.1:${ENTRA_PORT}/api/auth/oidc/callback`], [`${APP}/sign-in`], {
    ada: { email: "Ada@Example.org", email_verified: true, name: "Ada Admin", groups: ["admins", "staff"] },
    bob: { email: "bob@example.org", email_verified: true, name: "Bob Nogroup", groups: [] },
    eve: { email: "eve@evil.example", email_verified: true, name: "Eve Elsewhere", groups: ["admins"] },
    una: { email: "una@example.org", email_verified: false, name: "Una Unverified", groups: [] },
    tess: { email: "tess@example.org", email_verified: false, xms_edov: true, name: "Tess Entra", groups: [] },
    vic: { email: "vic@example.org", email_verified: true, name: "Vic Noxms", groups: [] },
  });
  server = await OwnServer.start({
    port: PORT,
    env: trackerSettings(provider, { ...GROUP_ROLES, OIDC_ROLE_MAP: "admins=admin,reviewers=reviewer" }),
  });
});

test.afterAll(async () => {
  await server?.dispose();
  await provider?.stop();
});

async function account(email: string) {
  const [person] = await sqlOn<{ id: number; email: string; name: string; role: string; passwordHash: string | null }>(
    server.databaseUrl,
    'SELECT id, email, name, role, password_hash AS "passwordHash", disabled_at AS "disabledAt" FROM people WHERE email = ?',
    [email],
  );
  const log = await sqlOn<{ actor: string; action: string; payload: string }>(
    server.databaseUrl,
    "SELECT actor, action, payload FROM audit_log WHERE entity = 'person' AND entity_id = ? ORDER BY seq",
    [email],
  );
  return { person, log };
}

/** The answer of an admin-only read with the browser's session cookie. */
async function bundleStatus(browser: CookieBrowser) {
  return (await browser.fetch(`${APP}/api/programs/boost-offload/bundle`)).status;
}

async function signInPageSays(browser: CookieBrowser, location: string | null, text: RegExp) {
  expect(location).toMatch(/^\/sign-in\?sso=[a-z_]+$/);
  const page = await browser.fetch(`${APP}${location}`);
  expect(page.status).toBe(200);
  expect(await page.text()).toMatch(text);
}

test("the admin signs in through the provider's login and consent pages and lands as admin, with the next page asked for", async () => {
  const browser = new CookieBrowser();
  const r = await signInThroughProvider(browser, APP, "ada", `/api/auth/oidc/start?next=${encodeURIComponent("/people?x=1")}`);
  expect(r.pages).toEqual(["login", "consent"]);
  expect(r.callbackUrl).toMatch(/[?&]code=[^&]+/);
  expect(r.status).toBe(303);
  expect(r.location).toBe("/people?x=1");
  expect(browser.cookie(APP, SESSION)).toMatch(/^bts_/);
  expect(browser.cookie(APP, "tracker_oidc")).toBeUndefined(); // the attempt's cookie is spent
  expect(await bundleStatus(browser)).toBe(200);
  const { person, log } = await account("ada@example.org");
  expect(person).toMatchObject({ name: "Ada Admin", role: "admin", passwordHash: null });
  expect(log.map((e) => `${e.actor} ${e.action}`)).toEqual(["sso create", "sso add", "ada@example.org sign-in"]);
});

test("a person in no mapped group gets the default role", async () => {
  const browser = new CookieBrowser();
  const r = await signInThroughProvider(browser, APP, "bob");
  expect([r.status, r.location]).toEqual([303, "/"]);
  expect((await account("bob@example.org")).person?.role).toBe("viewer");
  expect(await bundleStatus(browser)).toBe(403);
  // The session is an ordinary one: a page opens with it.
  expect((await browser.fetch(`${APP}/my-work`)).status).toBe(200);
});

test("a person of a disallowed domain, or with an unverified e-mail, is refused with a readable page and no account", async () => {
  for (const [login, email, text] of [
    ["eve", "eve@evil.example", /not of a domain allowed to sign in/],
    ["una", "una@example.org", /has not verified your e-mail address/],
  ] as const) {
    const browser = new CookieBrowser();
    const r = await signInThroughProvider(browser, APP, login);
    expect(r.status).toBe(303);
    await signInPageSays(browser, r.location, text);
    expect(browser.cookie(APP, SESSION)).toBeUndefined();
    expect((await account(email)).person).toBeUndefined();
  }
});

test("a tampered state, a callback without a started attempt, and an answer of another attempt are refused", async () => {
  const browser = new CookieBrowser();
  const start = await browser.fetch(`${APP}/api/auth/oidc/start`);
  const to = new URL(start.headers.get("location")!);
  expect(to.origin).toBe(provider.issuer);
  expect(to.searchParams.get("code_challenge_method")).toBe("S256");
  expect(to.searchParams.get("nonce")).toBeTruthy();
  const state = to.searchParams.get("state")!;
  const tampered = await browser.fetch(`${APP}/api/auth/oidc/callback?code=abc&state=${state}x`);
  expect(tampered.status).toBe(303);
  await signInPageSays(browser, tampered.headers.get("location"), /could not be matched to one started here/);

  const stranger = new CookieBrowser();
  const none = await stranger.fetch(`${APP}/api/auth/oidc/callback?code=abc&state=${state}`);
  await signInPageSays(stranger, none.headers.get("location"), /could not be matched/);

  // A real code and state from one browser, replayed into another: its cookie is not there.
  const victim = new CookieBrowser();
  const r = await signInThroughProvider(new CookieBrowser(), APP, "bob").catch(() => null);
  expect(r).not.toBeNull();
  const replay = await victim.fetch(r!.callbackUrl);
  await signInPageSays(victim, replay.headers.get("location"), /could not be matched/);
  expect(victim.cookie(APP, SESSION)).toBeUndefined();
});

test("a forged code with the right state is refused by the provider, read as a readable page, never a 500", async () => {
  const browser = new CookieBrowser();
  const start = await browser.fetch(`${APP}/api/auth/oidc/start`);
  const state = new URL(start.headers.get("location")!).searchParams.get("state")!;
  const forged = await browser.fetch(`${APP}/api/auth/oidc/callback?code=forged&state=${state}&iss=${encodeURIComponent(provider.issuer)}`);
  expect(forged.status).toBe(303);
  await signInPageSays(browser, forged.headers.get("location"), /identity provider/);
  expect(browser.cookie(APP, SESSION)).toBeUndefined();
});

test("next is kept only when it is a path of this site", async () => {
  for (const next of ["https://evil.example/x", "//evil.example", "/\\evil.example", "javascript:alert(1)"]) {
    const browser = new CookieBrowser();
    const r = await signInThroughProvider(browser, APP, "bob", `/api/auth/oidc/start?next=${encodeURIComponent(next)}`);
    expect(r.location, next).toBe("/");
  }
});

test("the callback lands on this site only: a next added to the callback URL, or forged into the attempt's cookie, is not followed off-site", async () => {
  // The provider's redirect carrying a next of its own: the callback reads next from the attempt only.
  for (const next of ["//evil.example", "https://evil.example/x"]) {
    const browser = new CookieBrowser();
    const r = await signInThroughProvider(browser, APP, "ada", `/api/auth/oidc/start?next=${encodeURIComponent("/people")}`, (u) => `${u}&next=${encodeURIComponent(next)}`);
    expect([r.status, r.location], next).toEqual([303, "/people"]);
  }
  // The attempt's cookie is not signed: a next forged into it is checked again at the callback.
  for (const next of ["//evil.example", "https://evil.example/x", "/\\evil.example"]) {
    const browser = new CookieBrowser();
    const r = await signInThroughProvider(browser, APP, "ada", "/api/auth/oidc/start", (u) => {
      const pending = JSON.parse(Buffer.from(browser.cookie(APP, "tracker_oidc")!, "base64url").toString("utf8")) as Record<string, string>;
      browser.setCookie(APP, "tracker_oidc", Buffer.from(JSON.stringify({ ...pending, next }), "utf8").toString("base64url"));
      return u;
    });
    expect([r.status, r.location], next).toEqual([303, "/"]);
    expect(browser.cookie(APP, SESSION)).toMatch(/^bts_/);
  }
});

test("removing the group and signing in again demotes at once, and the change is logged", async () => {
  provider.accounts.get("ada")!.groups = ["staff"];
  const browser = new CookieBrowser();
  const r = await signInThroughProvider(browser, APP, "ada");
  expect(r.status).toBe(303);
  expect((await account("ada@example.org")).person?.role).toBe("viewer");
  expect(await bundleStatus(browser)).toBe(403);
  const roleChanges = (await account("ada@example.org")).log.filter((e) => e.action === "set-role");
  expect(roleChanges.map((e) => [e.actor, JSON.parse(e.payload)])).toEqual([["sso", { from: "admin", to: "viewer", claim: "groups" }]]);
});

test("OIDC_EMAIL_VERIFIED_CLAIM=xms_edov (Entra ID): that claim vouches for the e-mail, email_verified alone no longer does", async () => {
  // The default setting refuses Tess: her provider sends email_verified: false.
  const before = await signInThroughProvider(new CookieBrowser(), APP, "tess");
  expect(before.location).toBe("/sign-in?sso=email_unverified");
  const entra = await OwnServer.start({
    port: ENTRA_PORT,
    databaseUrl: server.databaseUrl,
    env: trackerSettings(provider, { OIDC_ALLOWED_DOMAINS: "example.org", OIDC_EMAIL_VERIFIED_CLAIM: "xms_edov" }),
  });
  try {
    const browser = new CookieBrowser();
    const r = await signInThroughProvider(browser, entra.baseURL, "tess");
    expect([r.status, r.location]).toEqual([303, "/"]);
    expect(browser.cookie(entra.baseURL, SESSION)).toMatch(/^bts_/);
    expect((await browser.fetch(`${entra.baseURL}/my-work`)).status).toBe(200);
    expect((await account("tess@example.org")).person).toMatchObject({ name: "Tess Entra", role: "viewer" });

    const vic = new CookieBrowser();
    const refused = await signInThroughProvider(vic, entra.baseURL, "vic");
    expect(refused.location).toBe("/sign-in?sso=email_unverified");
    expect(vic.cookie(entra.baseURL, SESSION)).toBeUndefined();
    expect((await account("vic@example.org")).person).toBeUndefined();
  } finally {
    await entra.kill();
  }
});

async function sessionRow(token: string) {
  const id = createHash("sha256").update(token).digest("hex");
  return (await sqlOn<{ idToken: string | null }>(server.databaseUrl, 'SELECT id_token AS "idToken" FROM sessions WHERE id = ?', [id]))[0];
}

/**
 * Signs out with the header's form, as a browser does: `script` — React's fetch of the action,
 * whose redirect is the `x-action-redirect` header; no script — the form posted as a page, whose
 * redirect is a 303's Location. Returns where the person is sent next, and the cookies set.
 */
async function signOut(token: string, script: boolean): Promise<{ location: string; setCookies: string[] }> {
  if (script) {
    const out = await fetchAction(APP, actions.signOutAction!, [], [], `${SESSION}=${token}`);
    expect(out.setCookies.some((c) => c.startsWith(`${SESSION}=;`))).toBe(true);
    return { location: out.headers.get("x-action-redirect")!.replace(/;(push|replace)$/, ""), setCookies: out.setCookies };
  }
  const form = new FormData();
  form.append(`$ACTION_ID_${actions.signOutAction!.id}`, "");
  const out = await fetch(`${APP}/`, { method: "POST", headers: { cookie: `${SESSION}=${token}`, origin: APP }, body: form, redirect: "manual" });
  expect(out.status).toBe(303);
  expect(out.headers.getSetCookie().some((c) => c.startsWith(`${SESSION}=;`))).toBe(true);
  return { location: out.headers.get("location")!, setCookies: out.headers.getSetCookie() };
}

const END_SESSION = "tracker_end_session";

/** GET /api/auth/oidc/end-session with the given end-session cookie (or none): where it sends the person. */
async function endSessionHop(kept: string | null) {
  const hop = await fetch(`${APP}/api/auth/oidc/end-session`, { headers: kept === null ? {} : { cookie: `${END_SESSION}=${kept}` }, redirect: "manual" });
  expect(hop.status).toBe(303);
  expect(hop.headers.getSetCookie().some((c) => c.startsWith(`${END_SESSION}=;`))).toBe(kept !== null);
  return hop.headers.get("location")!;
}

test("sign-out ends the tracker session, then sends the person to the provider's end-session URL with the ID token as hint", async () => {
  const endSessionEndpoint = ((await (await fetch(`${provider.issuer}/.well-known/openid-configuration`)).json()) as { end_session_endpoint: string }).end_session_endpoint;
  expect(endSessionEndpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  for (const script of [true, false]) {
    const browser = new CookieBrowser();
    await signInThroughProvider(browser, APP, "ada");
    const token = browser.cookie(APP, SESSION)!;
    const idToken = (await sessionRow(token))?.idToken;
    expect(idToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/); // kept server-side with the session
    expect(token).toMatch(/^bts_[\w-]+$/); // the cookie is the session's secret only

    const out = await signOut(token, script);
    let to: URL;
    if (script) to = new URL(out.location);
    else {
      // A form posted without JavaScript may not be redirected off-site (CSP form-action 'self'):
      // a page of the tracker offers the provider's sign-out, whose URL a short-lived cookie keeps.
      expect(out.location).toBe("/signed-out");
      const kept = /^tracker_end_session=([^;]+);/.exec(out.setCookies.find((c) => c.startsWith(`${END_SESSION}=`)) ?? "")?.[1];
      expect(kept).toBeTruthy();
      expect(out.setCookies.find((c) => c.startsWith(`${END_SESSION}=`))).toMatch(/HttpOnly/i);
      const page = await fetch(`${APP}/signed-out`, { headers: { cookie: `${END_SESSION}=${kept}` } });
      expect(page.status).toBe(200);
      const html = (await page.text()).replaceAll("<!-- -->", "");
      expect(html).toContain("You are signed out of the tracker. You are still signed in at Example ID");
      expect(html).toMatch(/<a[^>]*href="\/api\/auth\/oidc\/end-session"[^>]*>Sign out of Example ID too<\/a>/);
      expect(html).not.toContain(kept!); // the ID token is never written into the page
      to = new URL(await endSessionHop(decodeURIComponent(kept!)));
    }
    expect(`${to.origin}${to.pathname}`, `script: ${script}`).toBe(endSessionEndpoint);
    expect(to.searchParams.get("id_token_hint")).toBe(idToken);
    expect(to.searchParams.get("post_logout_redirect_uri")).toBe(`${APP}/sign-in`);

    // The tracker session is gone, its ID token with it; a page sends the old cookie to sign-in.
    expect(await sessionRow(token)).toBeUndefined();
    const page = await fetch(`${APP}/my-work`, { headers: { cookie: `${SESSION}=${token}` }, redirect: "manual" });
    expect(page.status).toBe(307);
    expect(new URL(page.headers.get("location")!, APP).pathname).toBe("/sign-in");
    // The provider takes the hint and the return address: its sign-out confirmation, not an error.
    const confirm = await browser.fetch(to.href);
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toMatch(/<form[^>]*logout/i);
  }
});

test("a person signed in with a password signs out to /sign-in as before", async () => {
  for (const script of [true, false]) {
    const signIn = await fetchAction(APP, actions.signInAction!, ["$undefined", "$K1"], [["email", TEST_ACCOUNTS.viewer.email], ["password", server.password]]);
    const token = /tracker_session=([^;]+)/.exec(signIn.setCookies.join("\n"))![1]!;
    expect(await sessionRow(token)).toEqual({ idToken: null });
    const out = await signOut(token, script);
    expect(out.location, `script: ${script}`).toBe("/sign-in");
    expect(out.setCookies.some((c) => c.startsWith(`${END_SESSION}=`))).toBe(false);
    expect(await sessionRow(token)).toBeUndefined();
  }
});

test("the sign-out link goes to the provider's end-session endpoint only: a forged or missing cookie goes to /sign-in", async () => {
  expect(await endSessionHop(null)).toBe("/sign-in");
  for (const forged of ["https://evil.example/end?x=1", `${provider.issuer}/elsewhere`, "//evil.example", "javascript:alert(1)", "not a url"])
    expect(await endSessionHop(forged), forged).toBe("/sign-in");
  // The page that offers it is there only right after such a sign-out.
  const page = await fetch(`${APP}/signed-out`, { redirect: "manual" });
  expect(page.status).toBe(307);
  expect(new URL(page.headers.get("location")!, APP).pathname).toBe("/sign-in");
});

test("a disabled account stays disabled: refused with a readable page", async () => {
  const cli = trackerCli(server.databaseUrl, ["user", "disable", "--email", "bob@example.org"]);
  expect(cli.code, cli.stderr).toBe(0);
  const browser = new CookieBrowser();
  const r = await signInThroughProvider(browser, APP, "bob");
  await signInPageSays(browser, r.location, /This account is disabled/);
  expect(browser.cookie(APP, SESSION)).toBeUndefined();
});

test("the sign-in page offers the provider beside the password form", async () => {
  const html = await (await fetch(`${APP}/sign-in?next=%2Fpeople`)).text();
  expect(html).toContain("Sign in with Example ID");
  expect(html).toContain('href="/api/auth/oidc/start?next=%2Fpeople"');
  expect(html).toMatch(/type="password"/);
});

test("LOCAL_SIGN_IN=off: the sign-in page offers the provider only", async () => {
  // A second server on the same database, configured without passwords.
  const noPasswords = await OwnServer.start({
    port: PORT + 1,
    databaseUrl: server.databaseUrl,
    env: trackerSettings(provider, { LOCAL_SIGN_IN: "off" }),
  });
  try {
    const html = await (await fetch(`${noPasswords.baseURL}/sign-in`)).text();
    expect(html).toContain("Sign in with Example ID");
    expect(html).not.toMatch(/type="password"/);
  } finally {
    await noPasswords.kill();
  }
});

test("a provider that cannot be reached is a readable sentence on the sign-in page, never a 500", async () => {
  // A port nobody listens on: a tracker of its own on the same database points there.
  const closed = await new Promise<number>((resolve) => {
    const probe = http.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
  const down = await OwnServer.start({
    port: PORT + 4,
    databaseUrl: server.databaseUrl,
    env: trackerSettings(provider, { OIDC_ISSUER: `http://127.0.0.1:${closed}` }),
  });
  try {
    const browser = new CookieBrowser();
    const start = await browser.fetch(`${down.baseURL}/api/auth/oidc/start`);
    expect(start.status).toBe(303);
    expect(start.headers.get("location")).toBe("/sign-in?sso=provider");
    expect(browser.cookie(down.baseURL, "tracker_oidc")).toBeUndefined(); // no attempt begun
    const page = await browser.fetch(`${down.baseURL}/sign-in?sso=provider`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("The identity provider could not be reached or did not answer as expected.");
  } finally {
    await down.kill();
  }
});

test("a bad setting stops the start with a one-line reason", async () => {
  const bad = await OwnServer.start({ port: PORT + 2, databaseUrl: server.databaseUrl, env: { OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: "x" } }).catch(
    (e: Error) => e,
  );
  expect(bad).toBeInstanceOf(Error);
  expect(String(bad)).toContain("tracker: cannot start: OIDC_CLIENT_SECRET is required with OIDC_ISSUER");
});
