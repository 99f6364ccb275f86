/**
 * On a server of this spec's own (port 3122, TOKEN_RATE_LIMIT=20, output captured):
 * a token revoked on the CLI stops at once; the per-token rate limit answers 429 with Retry-After;
 * made-up tokens and sessions are counted per address (UNKNOWN_CREDENTIAL_LIMIT=30), never per credential;
 * failed sign-ins are throttled; sessions expire, end at sign-out, and are never carried over a
 * sign-in (no fixation); a token is made, and an admin adds, resets, promotes or enables an account, from an older session
 * only with the password typed again; and no password, token or session id ever appears in the server's output.
 */
import { sha256 } from "@/lib/auth/secrets";
import { sqlOn } from "../support/sql-on";
import { expect, test } from "@playwright/test";
import { ownPort, OwnServer, trackerCli } from "../support/own-server";
import { actionBody, fetchAction, loadActions, type ActionRef } from "../support/server-actions";
import { TEST_ACCOUNTS } from "../support/test-accounts";

test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);

let server: OwnServer;
let actions: Record<string, ActionRef>;
/** Every secret this spec used: none may show up in the server's output. */
const secrets = new Set<string>();

test.beforeAll(async () => {
  // TRUST_PROXY: the https test below plays the reverse proxy that sets X-Forwarded-Proto.
  server = await OwnServer.start({ port: ownPort(3122), env: { TOKEN_RATE_LIMIT: "20", UNKNOWN_CREDENTIAL_LIMIT: "30", TRUST_PROXY: "1" } });
  actions = loadActions();
  secrets.add(server.password);
  for (const t of Object.values(server.tokens())) secrets.add(t);
});

test.afterAll(async () => {
  await server?.dispose();
});

const SESSION = /tracker_session=([^;]+)/;
async function signIn(email: string, password: string, cookie?: string) {
  secrets.add(password);
  const r = await fetchAction(server.baseURL, actions.signInAction!, ["$undefined", "$K1"], [["email", email], ["password", password]], cookie);
  const set = r.setCookies.map((c) => SESSION.exec(c)?.[1]).find(Boolean);
  if (set) secrets.add(set);
  return { ...r, session: set ?? null };
}
const api = (path: string, headers: Record<string, string>) => fetch(`${server.baseURL}${path}`, { headers, redirect: "manual" });
const withCookie = (session: string) => ({ cookie: `tracker_session=${session}` });

test("a token revoked on the CLI is refused on the very next call", async () => {
  const made = trackerCli(server.databaseUrl, ["token", "create", "--email", TEST_ACCOUNTS.viewer.email, "--name", "to revoke"]);
  expect(made.code, made.stderr).toBe(0);
  const token = made.stdout.trim().split("\n").at(-1)!;
  const id = /token #(\d+)/.exec(made.stdout)![1]!;
  secrets.add(token);
  expect((await api("/api/programs", { authorization: `Bearer ${token}` })).status).toBe(200);
  const revoked = trackerCli(server.databaseUrl, ["token", "revoke", "--id", id]);
  expect(revoked.code, revoked.stderr).toBe(0);
  const after = await api("/api/programs", { authorization: `Bearer ${token}` });
  expect(after.status).toBe(401);
  expect(after.headers.get("content-type")).toContain("application/problem+json");
  expect(after.headers.get("www-authenticate")).toContain("Bearer");
});

test("a token made on the CLI lives the days it was given, says so in the list, and opens nothing once expired", async () => {
  const made = trackerCli(server.databaseUrl, ["token", "create", "--email", TEST_ACCOUNTS.viewer.email, "--name", "to expire", "--expires-in-days", "7"]);
  expect(made.code, made.stderr).toBe(0);
  const token = made.stdout.trim().split("\n").at(-1)!;
  const id = /token #(\d+)/.exec(made.stdout)![1]!;
  secrets.add(token);
  const expires = /it expires (\S+);/.exec(made.stdout)![1]!;
  expect(Math.abs(Date.parse(expires) - (Date.now() + 7 * 86_400_000))).toBeLessThan(60_000);
  expect((await api("/api/programs", { authorization: `Bearer ${token}` })).status).toBe(200);
  await sqlOn(server.databaseUrl, "UPDATE api_tokens SET expires_at = ? WHERE id = ?", [Date.now() - 1000, Number(id)]);
  const after = await api("/api/programs", { authorization: `Bearer ${token}` });
  expect(after.status).toBe(401);
  expect(((await after.json()) as { detail: string }).detail).toBe("the bearer token is unknown, revoked or expired");
  const listed = trackerCli(server.databaseUrl, ["token", "list", "--email", TEST_ACCOUNTS.viewer.email]);
  expect(listed.stdout.split("\n").find((l) => l.startsWith(`#${id}\t`))).toMatch(/\texpired \d{4}-\d\d-\d\dT/);
  const refused = trackerCli(server.databaseUrl, ["token", "create", "--email", TEST_ACCOUNTS.viewer.email, "--expires-in-days", "forever"]);
  expect(refused.code).not.toBe(0);
  expect(refused.stderr).toContain('a token lives 1 to 3650 whole days, or never; not "forever"');
});

test("a token over TOKEN_RATE_LIMIT (20 a minute) gets 429 with Retry-After; other tokens go on", async () => {
  const { viewer, contributor } = server.tokens();
  const statuses: number[] = [];
  for (let i = 0; i < 20; i++) statuses.push((await api("/api/programs", { authorization: `Bearer ${viewer}` })).status);
  expect(statuses.every((s) => s === 200), statuses.join(",")).toBe(true);
  const limited = await api("/api/programs", { authorization: `Bearer ${viewer}` });
  expect(limited.status).toBe(429);
  expect(limited.headers.get("content-type")).toContain("application/problem+json");
  const retry = Number(limited.headers.get("retry-after"));
  expect(retry).toBeGreaterThan(0);
  expect(retry).toBeLessThanOrEqual(60);
  const body = await limited.json();
  expect(body.status).toBe(429);
  expect(body.detail).toMatch(/retry in \d+ s/);
  // Writes are limited too, and refused before anything is written.
  expect((await fetch(`${server.baseURL}/api/programs/boost-offload/items/FND-01/transitions`, { method: "POST", headers: { authorization: `Bearer ${viewer}` }, body: "{}" })).status).toBe(429);
  expect((await api("/api/programs", { authorization: `Bearer ${contributor}` })).status).toBe(200);
});

test("made-up tokens and sessions are limited per address, and a real token from that address goes on", async () => {
  // TRUST_PROXY=1: X-Forwarded-For names the address, so this test has addresses of its own.
  const from = (address: string, headers: Record<string, string>) => ({ ...headers, "x-forwarded-for": address });
  const madeUp = (i: number) => ({ authorization: `Bearer bot_${String(i).padStart(43, "A")}` });
  const statuses: number[] = [];
  for (let i = 0; i < 20; i++) statuses.push((await api("/api/programs", from("203.0.113.7", madeUp(i)))).status);
  for (let i = 0; i < 10; i++) statuses.push((await api("/api/programs", from("203.0.113.7", withCookie(`made-up-session-${i}`)))).status);
  expect(statuses.every((s) => s === 401), statuses.join(",")).toBe(true);
  const limited = await api("/api/programs", from("203.0.113.7", madeUp(99)));
  expect(limited.status).toBe(429);
  expect(((await limited.json()) as { detail: string }).detail).toMatch(/from your address with unknown tokens: retry in \d+ s/);
  // A real token is counted as itself, not by the address it comes from.
  const { contributor } = server.tokens();
  expect((await api("/api/programs", from("203.0.113.7", { authorization: `Bearer ${contributor}` }))).status).toBe(200);
  // Another address is not held up by this one's guesses.
  expect((await api("/api/programs", from("203.0.113.8", madeUp(100)))).status).toBe(401);
});

test("behind the proxy, the address is the hop the proxy appended: hops a client writes before it dodge no limit", async () => {
  const madeUp = (i: number) => ({ authorization: `Bearer bot_${String(i).padStart(43, "B")}` });
  // nginx's $proxy_add_x_forwarded_for: whatever the client sent, then the address it saw.
  const spoofed = (i: number) => ({ ...madeUp(i), "x-forwarded-for": `198.51.100.${i}, 203.0.113.9` });
  const statuses: number[] = [];
  for (let i = 0; i < 30; i++) statuses.push((await api("/api/programs", spoofed(i))).status);
  expect(statuses.every((s) => s === 401), statuses.join(",")).toBe(true);
  expect((await api("/api/programs", spoofed(30))).status).toBe(429);
});

test("failed sign-ins are throttled per account, even with the right password afterwards", async () => {
  const email = "throttle@test.example";
  const password = "throttle-right-password-1";
  expect(trackerCli(server.databaseUrl, ["user", "add", "--email", email, "--name", "Thea Throttle", "--role", "viewer", "--password", password]).code).toBe(0);
  for (let i = 1; i <= 3; i++) {
    const r = await signIn(email, `wrong-password-${i}`);
    expect(r.text).toContain("Wrong e-mail or password.");
    expect(r.session).toBeNull();
  }
  const right = await signIn(email, password);
  expect(right.text).toMatch(/Too many failed sign-ins: try again in \d+ s\./);
  expect(right.session).toBeNull();
  // Unknown accounts are counted the same way: no hint that an e-mail exists.
  for (let i = 0; i < 3; i++) await signIn("nobody-at-all@test.example", `guess-${i}`);
  expect((await signIn("nobody-at-all@test.example", "guess-again")).text).toMatch(/Too many failed sign-ins/);
});

test("a session opens on sign-in, works for pages and the API, and ends at once on sign-out", async () => {
  const r = await signIn(TEST_ACCOUNTS.reviewer.email, server.password);
  expect(r.session).toMatch(/^bts_/);
  const flags = r.setCookies.find((c) => c.startsWith("tracker_session="))!;
  expect(flags).toMatch(/HttpOnly/i);
  expect(flags).toMatch(/SameSite=lax/i);
  expect(flags).toMatch(/Path=\//);
  expect(flags).not.toMatch(/Secure/i); // plain http here; https gets Secure (below)
  expect((await api("/api/programs", withCookie(r.session!))).status).toBe(200);
  expect((await api("/account", withCookie(r.session!))).status).toBe(200);

  const out = await fetchAction(server.baseURL, actions.signOutAction!, [], [], `tracker_session=${r.session}`);
  expect(out.status).toBeLessThan(400);
  expect((await api("/api/programs", withCookie(r.session!))).status).toBe(401);
  expect((await api("/account", withCookie(r.session!))).status).toBe(307); // to /sign-in

  // Behind an https proxy the cookie is Secure.
  const secure = await fetch(new URL("/sign-in", server.baseURL), {
    method: "POST",
    // As the browser sends it: the page it signs in from is on https.
    headers: { "next-action": actions.signInAction!.id, origin: server.baseURL.replace(/^http:/, "https:"), "x-forwarded-proto": "https" },
    body: actionBody(["$undefined", "$K1"], [["email", TEST_ACCOUNTS.reviewer.email], ["password", server.password]]),
    redirect: "manual",
  });
  const secureCookie = secure.headers.getSetCookie().find((c) => c.startsWith("tracker_session="))!;
  secrets.add(SESSION.exec(secureCookie)![1]!);
  expect(secureCookie).toMatch(/Secure/i);
});

test("a session expires: past its expiry it opens nothing", async () => {
  const r = await signIn(TEST_ACCOUNTS.viewer.email, server.password);
  expect((await api("/api/programs", withCookie(r.session!))).status).toBe(200);
  await sqlOn(server.databaseUrl, "UPDATE sessions SET expires_at = ? WHERE expires_at > ?", [Date.now() - 1000, Date.now()]);
  expect((await api("/api/programs", withCookie(r.session!))).status).toBe(401);
  expect((await api("/", withCookie(r.session!))).status).toBe(307);
});

test("no session fixation: a cookie set before sign-in is replaced, and a sign-in ends the session it came with", async () => {
  // An attacker plants a session id of their choosing, then the victim signs in.
  const planted = "bts_attacker-chosen-session-id-000000000000";
  const victim = await signIn(TEST_ACCOUNTS.contributor.email, server.password, `tracker_session=${planted}`);
  expect(victim.session).toMatch(/^bts_/);
  expect(victim.session).not.toBe(planted);
  expect((await api("/api/programs", withCookie(planted))).status).toBe(401);
  expect((await api("/api/programs", withCookie(victim.session!))).status).toBe(200);

  // Signing in again (as anyone) with a live session ends that session: it cannot be reused.
  const again = await signIn(TEST_ACCOUNTS.admin.email, server.password, `tracker_session=${victim.session}`);
  expect(again.session).not.toBe(victim.session);
  expect((await api("/api/programs", withCookie(victim.session!))).status).toBe(401);
  expect((await api("/api/programs", withCookie(again.session!))).status).toBe(200);
});

test("a token is made from a session only within 15 minutes of its sign-in, then only with the password typed again", async () => {
  const email = "token-maker@test.example";
  const password = "token-maker-password-1";
  secrets.add(password);
  expect(trackerCli(server.databaseUrl, ["user", "add", "--email", email, "--name", "Toby Token", "--role", "viewer", "--password", password]).code).toBe(0);
  const { session } = await signIn(email, password);
  const make = async (fields: [string, string][]) => {
    const r = await fetchAction(server.baseURL, actions.createTokenAction!, ["$undefined", "$K1"], [["name", "cron"], ...fields], `tracker_session=${session}`);
    const token = /"token":"(bot_[A-Za-z0-9_-]{43})"/.exec(r.text)?.[1] ?? null;
    if (token) secrets.add(token);
    return { text: r.text, token };
  };
  expect((await make([])).token, "just signed in").toMatch(/^bot_/);

  // The same session 16 minutes later: a stolen cookie alone makes no token.
  await sqlOn(server.databaseUrl, "UPDATE sessions SET created_at = ? WHERE id = ?", [Date.now() - 16 * 60_000, sha256(session!)]);
  const refused = await make([]);
  expect(refused.token).toBeNull();
  expect(refused.text).toContain('"error":"Confirm your password to make a token: a token outlives this session, so one is made only within 15 minutes of signing in, or with your password."');
  expect(refused.text).toContain('"confirm":"password"');
  const wrong = await make([["password", "not-the-password"]]);
  expect([wrong.token, wrong.text]).toEqual([null, expect.stringContaining('"error":"Wrong password: type the one you sign in with.","name":"cron","days":"90","confirm":"password"')]);
  const confirmed = await make([["password", password]]);
  expect(confirmed.token).toMatch(/^bot_/);
  expect((await api("/api/programs", { authorization: `Bearer ${confirmed.token}` })).status).toBe(200);
  const made = await sqlOn<{ n: number }>(server.databaseUrl, "SELECT count(*) AS n FROM api_tokens t JOIN people p ON p.id = t.person_id WHERE p.email = ?", [email]);
  expect(made[0]!.n, "tokens made: the fresh one and the confirmed one").toBe(2);
});

test("an older admin session adds, resets or promotes no account until the password is typed again; disabling never waits", async () => {
  const { session } = await signIn(TEST_ACCOUNTS.admin.email, server.password);
  const act = (name: string, fields: [string, string][], cookie = session!) => fetchAction(server.baseURL, actions[name]!, ["$undefined", "$K1"], fields, `tracker_session=${cookie}`);
  const newcomer = `newcomer-${Date.now()}@test.example`;
  const fields: [string, string][] = [["email", newcomer], ["name", "Nina Newcomer"], ["team", ""], ["role", "admin"]];
  await sqlOn(server.databaseUrl, "UPDATE sessions SET created_at = ? WHERE id = ?", [Date.now() - 16 * 60_000, sha256(session!)]);
  const why = "Confirm your password to change accounts: an account, a role or a new password outlives this session, so they are changed only within 15 minutes of signing in, or with your password.";
  const guarded: [string, [string, string][]][] = [
    ["addPersonAction", fields],
    ["resetPasswordAction", [["email", TEST_ACCOUNTS.viewer.email]]],
    ["setRoleAction", [["email", TEST_ACCOUNTS.viewer.email], ["role", "admin"]]],
  ];
  for (const [name, f] of guarded) expect((await act(name, f)).text, name).toContain(`"status":"error","message":"${why}"`);
  const people = async () => await sqlOn<{ email: string; role: string }>(server.databaseUrl, "SELECT email, role FROM people WHERE email IN (?, ?) ORDER BY email", [newcomer, TEST_ACCOUNTS.viewer.email]);
  expect(await people()).toEqual([{ email: TEST_ACCOUNTS.viewer.email, role: "viewer" }]);

  // Cutting access off needs no confirmation.
  const outsider = `outsider-${Date.now()}@test.example`;
  expect(trackerCli(server.databaseUrl, ["user", "add", "--email", outsider, "--name", "Otto Outsider", "--role", "viewer"]).code).toBe(0);
  expect((await act("disableAccountAction", [["email", outsider]])).text).toContain('"status":"ok","message":"Otto Outsider is disabled');
  // Turning it back on does.
  expect((await act("enableAccountAction", [["email", outsider]])).text).toContain(why);

  const confirm = (password: string) => fetchAction(server.baseURL, actions.confirmSignInAction!, ["/people", "$undefined", "$K1"], [["password", password]], `tracker_session=${session}`);
  expect((await confirm("not-the-admin-password")).text).toContain('"message":"Wrong password: type the one you sign in with."');
  const confirmed = await confirm(server.password);
  const renewed = confirmed.setCookies.map((c) => SESSION.exec(c)?.[1]).find(Boolean)!;
  secrets.add(renewed);
  expect(renewed).toMatch(/^bts_/);
  expect((await api("/api/programs", withCookie(session!))).status, "the older session ended").toBe(401);
  expect((await act("addPersonAction", fields, renewed)).text).toContain('"status":"ok","message":"Added Nina Newcomer');
  expect(await people()).toEqual([
    { email: newcomer, role: "admin" },
    { email: TEST_ACCOUNTS.viewer.email, role: "viewer" },
  ]);
});

test("no password, token or session id appears in the server's output", async () => {
  // Make the server talk: errors, unknown actions, bad tokens, a failed sign-in with the password typed as the e-mail.
  await signIn(server.password, server.password);
  await api("/api/programs/%ff/items", {});
  await fetch(`${server.baseURL}/`, { method: "POST", headers: { "next-action": "0".repeat(42) }, body: "x" });
  for (const t of Object.values(server.tokens())) await api("/api/audit/verify", { authorization: `Bearer ${t}` });
  await new Promise((r) => setTimeout(r, 300)); // let the last lines arrive
  expect(server.output.length).toBeGreaterThan(0);
  const leaked = [...secrets].filter((s) => s.length >= 8 && server.output.includes(s));
  expect(leaked.map((s) => `${s.slice(0, 6)}… (${s.length} chars)`), `secrets in the server output:\n${server.output.slice(0, 2000)}`).toEqual([]);
  // Nor any token-shaped or session-shaped string at all.
  expect(server.output).not.toMatch(/\b(bot|bts)_[A-Za-z0-9_-]{20,}/);
  test.info().annotations.push({ type: "figures", description: `${secrets.size} secrets checked against ${server.output.length} characters of server output` });
});
