/**
 * Attacks that once worked, each named after what it tried, on a server of this spec's own (port
 * 3124): reading pages without a session, an open redirect after sign-in, cross-site writes with
 * the session cookie, racing the sign-in throttle, chunked bodies past the limit, junk bearer
 * tokens, what a viewer may see of other accounts, and single sign-on's routes without it.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { sqlOn } from "../support/sql-on";
import { expect, test } from "@playwright/test";
import { ownPort, OwnServer } from "../support/own-server";
import { fetchAction, loadActions, type ActionRef } from "../support/server-actions";
import { TEST_ACCOUNTS } from "../support/test-accounts";

test.setTimeout(180_000);

const SLUG = "boost-offload";
let server: OwnServer;
let actions: Record<string, ActionRef>;

test.beforeAll(async () => {
  server = await OwnServer.start({ port: ownPort(3124), env: { TOKEN_RATE_LIMIT: "20" } });
  actions = loadActions({ slug: SLUG, key: "FND-01", id: "azure-blog-2023-05" });
});

test.afterAll(async () => {
  await server?.dispose();
});

const SESSION = /tracker_session=([^;]+)/;
async function signIn(email: string, password = server.password, next?: string) {
  const fields: [string, string][] = [["email", email], ["password", password]];
  if (next !== undefined) fields.push(["next", next]);
  const r = await fetchAction(server.baseURL, actions.signInAction!, ["$undefined", "$K1"], fields);
  return { ...r, session: r.setCookies.map((c) => SESSION.exec(c)?.[1]).find(Boolean) ?? null };
}

/** Every page of the app, from the files that define them, with its dynamic segments filled. */
function appPages(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "page.tsx") out.push(path.relative("app", dir));
    }
  };
  walk("app");
  const fill: Record<string, string> = { slug: SLUG, key: "FND-01", id: "azure-blog-2023-05" };
  return out
    .map((d) => `/${d.split(path.sep).filter((s) => s && !s.startsWith("(")).join("/")}`.replace(/\[(\w+)\]/g, (_m, n: string) => fill[n]!))
    // The pages of the signed-out (signing in; the provider's sign-out offered) hold no program data.
    .filter((p) => p !== "/sign-in" && p !== "/signed-out")
    .sort();
}

/** A router state tree that says `page`'s layouts are already on screen, as a client navigation sends. */
function routerStateTree(page: string): string {
  const segments = page.split("/").filter(Boolean);
  let node: unknown = ["__PAGE__", {}];
  for (let i = segments.length - 1; i >= 0; i--) {
    const s = segments[i]!;
    const segment = i === 1 && segments[0] === "programs" && s !== "new" ? ["slug", s, "d", null] : s;
    node = [segment, { children: node }];
  }
  return encodeURIComponent(JSON.stringify(["", { children: node }]));
}

/** Strings that only program data contains: item titles, owners' names and e-mails. */
function programMarkers(): string[] {
  const bundle = JSON.parse(fs.readFileSync("db/seed/boost-offload.json", "utf8")) as {
    people: { email: string; name: string }[];
    items: { key: string; title: string }[];
  };
  // Not the keys: a page's own address names its key.
  return [...bundle.people.flatMap((p) => [p.email, p.name]), ...bundle.items.map((i) => i.title)];
}

test("a forged client-navigation (RSC) request without a session reads no program data, on every page", async () => {
  const pages = appPages();
  expect(pages).toEqual(expect.arrayContaining([`/programs/${SLUG}`, `/programs/${SLUG}/items`, `/programs/${SLUG}/graph`]));
  const markers = programMarkers();
  for (const page of pages) {
    // The tree of a sibling page: the layouts above `page` are "already rendered".
    const sibling = page === `/programs/${SLUG}` ? `/programs/${SLUG}/items` : page.startsWith(`/programs/${SLUG}`) ? `/programs/${SLUG}` : page === "/rules" ? "/" : "/rules";
    for (const cookie of [undefined, "tracker_session=bts_forged-session-value"]) {
      const headers = { rsc: "1", "next-router-state-tree": routerStateTree(sibling), ...(cookie ? { cookie } : {}) };
      let res = await fetch(`${server.baseURL}${page}`, { headers, redirect: "manual" });
      // Next.js first sends an RSC request to the same path with its cache-busting `_rsc` added.
      const busted = res.headers.get("location");
      if (res.status === 307 && busted && new URL(busted, server.baseURL).pathname === page)
        res = await fetch(new URL(busted, server.baseURL), { headers, redirect: "manual" });
      const body = await res.text();
      const leaked = markers.filter((m) => body.includes(m));
      expect(leaked, `${page} (${cookie ? "forged cookie" : "no cookie"}) answered ${res.status} with program data`).toEqual([]);
      // Without a cookie the proxy turns the request away; with a forged one the page itself
      // answers with a redirect to sign-in inside the RSC payload.
      if (cookie) expect(res.status === 200 ? body : "NEXT_REDIRECT;replace;/sign-in", page).toContain("NEXT_REDIRECT;replace;/sign-in");
      else expect([res.status, res.headers.get("location")?.replace(/[?&]_rsc=[^&]*/, "")], page).toEqual([307, `/sign-in${page === "/" ? "" : `?next=${encodeURIComponent(page)}`}`]);
    }
  }
});

test("an open redirect after sign-in (next=/\\evil.example) stays on this site", async () => {
  for (const next of ["/\\evil.example/x", "//evil.example/x", "/\t/evil.example", "https://evil.example/", "/%5Cevil.example", "\\\\evil.example"]) {
    const r = await signIn(TEST_ACCOUNTS.viewer.email, server.password, next);
    const target = r.headers.get("x-action-redirect") ?? r.headers.get("location") ?? "";
    expect(target, `next=${JSON.stringify(next)}`).not.toBe("");
    const resolved = new URL(target.split(";")[0]!, server.baseURL);
    expect(resolved.origin, `next=${JSON.stringify(next)} went to ${target}`).toBe(server.baseURL);
    expect(target).not.toMatch(/evil/);
  }
  // A same-site path is kept.
  const ok = await signIn(TEST_ACCOUNTS.viewer.email, server.password, `/programs/${SLUG}/items?area=Storage`);
  expect(ok.headers.get("x-action-redirect") ?? ok.headers.get("location")).toContain(`/programs/${SLUG}/items?area=Storage`);
});

test("single sign-on's routes on a server without it stay on this site and say so, whatever they are sent", async () => {
  const evil = ["//evil.example/x", "/\\evil.example", "https://evil.example/"];
  const tries = [
    ...evil.map((next) => `/api/auth/oidc/start?next=${encodeURIComponent(next)}`),
    `/api/auth/oidc/callback?code=forged&state=forged&next=${encodeURIComponent(evil[0]!)}`,
    "/api/auth/oidc/callback?error=access_denied",
  ];
  for (const path of tries) {
    const r = await fetch(`${server.baseURL}${path}`, { redirect: "manual", headers: { cookie: "tracker_oidc=forged" } });
    expect(r.status, path).toBe(303);
    expect(r.headers.get("location"), path).toBe("/sign-in?sso=off");
    expect(r.headers.getSetCookie().some((c) => c.startsWith("tracker_session=") && !c.startsWith("tracker_session=;")), path).toBe(false);
  }
  const page = await (await fetch(`${server.baseURL}/sign-in?sso=off`)).text();
  expect(page).toContain("Single sign-on is not set up on this tracker");
  // The sign-out link's route follows only the provider's own sign-out: with none, /sign-in.
  for (const forged of ["https://evil.example/logout", "//evil.example"]) {
    const r = await fetch(`${server.baseURL}/api/auth/oidc/end-session`, { redirect: "manual", headers: { cookie: `tracker_end_session=${encodeURIComponent(forged)}` } });
    expect(r.status).toBe(303);
    expect(r.headers.get("location")).toBe("/sign-in?sso=off");
  }
});

test("cross-site request forgery with the session cookie is refused (text/plain, foreign Origin, no Origin)", async () => {
  const { session } = await signIn(TEST_ACCOUNTS.contributor.email);
  expect(session).toBeTruthy();
  const url = `${server.baseURL}/api/programs/${SLUG}/items/FND-02/dependencies`;
  const cookie = `tracker_session=${session}`;
  const body = JSON.stringify({ dependsOn: "FND-05" });
  const attempts: Record<string, Record<string, string>> = {
    "text/plain from another port": { cookie, "content-type": "text/plain", origin: "http://127.0.0.1:9999" },
    "text/plain, same origin": { cookie, "content-type": "text/plain", origin: server.baseURL },
    "a form post from a sibling": { cookie, "content-type": "application/x-www-form-urlencoded", origin: "http://127.0.0.1:9999" },
    "JSON from another port": { cookie, "content-type": "application/json", origin: "http://127.0.0.1:9999" },
    "JSON from a sibling subdomain": { cookie, "content-type": "application/json", origin: `http://evil.localhost:${ownPort(3124)}` },
    "JSON, no Origin, cross-site fetch metadata": { cookie, "content-type": "application/json", "sec-fetch-site": "same-site" },
    "JSON, no Origin at all": { cookie, "content-type": "application/json" },
  };
  const before = await bundleOf(server.databaseUrl);
  for (const [name, headers] of Object.entries(attempts)) {
    const res = await fetch(url, { method: "POST", headers, body });
    expect(res.status, name).toBe(403);
    expect(res.headers.get("content-type"), name).toContain("application/problem+json");
  }
  expect(await bundleOf(server.databaseUrl)).toBe(before);
  // The app's own page, with JSON and its Origin, is served; so is a bearer token from anywhere.
  const own = await fetch(url, { method: "POST", headers: { cookie, "content-type": "application/json", origin: server.baseURL }, body });
  expect(own.status).toBe(201);
  const bearer = await fetch(`${server.baseURL}/api/programs/${SLUG}/items/FND-02/dependencies/FND-05`, {
    method: "DELETE",
    headers: { authorization: `Bearer ${server.tokens().contributor}`, origin: "http://127.0.0.1:9999" },
  });
  expect(bearer.status).toBe(204);
});

/** The viewer's sign-in, called as a server action with the right password and `headers` added. */
function signInAction(headers: Record<string, string>) {
  const form = new FormData();
  form.append("_1_email", TEST_ACCOUNTS.viewer.email);
  form.append("_1_password", server.password);
  form.append("0", JSON.stringify(["$undefined", "$K1"]));
  return fetch(new URL(actions.signInAction!.page, server.baseURL), {
    method: "POST",
    headers: { "next-action": actions.signInAction!.id, accept: "text/x-component", ...headers },
    body: form,
    redirect: "manual",
  });
}

async function expectRefusedAction(res: Response, what: string) {
  expect(res.status, what).toBe(403);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  expect(res.headers.getSetCookie().join("")).not.toContain("tracker_session=");
}

test("a server action sent from a foreign Origin is a 403 problem, not a 500", async () => {
  await expectRefusedAction(await signInAction({ origin: "http://127.0.0.1:9999" }), "foreign Origin");
});

test("a server action without an Origin is taken only when the browser marks it same-origin", async () => {
  for (const headers of [{}, { "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-site" }] as Record<string, string>[])
    await expectRefusedAction(await signInAction(headers), JSON.stringify(headers));
  const same = await signInAction({ "sec-fetch-site": "same-origin" });
  expect(same.status).not.toBe(403);
  expect(same.headers.getSetCookie().join("")).toContain("tracker_session=");
});

test("without a live session, a server action larger than the sign-in form, or without its length, is a 413 problem before Next.js reads it", async () => {
  const big = new FormData();
  big.append("_1_email", "x".repeat(2_000_000));
  big.append("0", JSON.stringify(["$undefined", "$K1"]));
  const headers = { "next-action": actions.signInAction!.id, accept: "text/x-component", origin: server.baseURL };
  const url = new URL(actions.signInAction!.page, server.baseURL);
  const refused = await fetch(url, { method: "POST", headers, body: big, redirect: "manual" });
  expect(refused.status).toBe(413);
  expect(refused.headers.get("content-type")).toContain("application/problem+json");
  expect(((await refused.json()) as { detail: string }).detail).toBe("a form sent without signing in carries at most 64 KiB, with its length said");
  // A streamed body says no length: refused the same way.
  const stream = new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode('["$undefined","$K1"]')), c.close()) });
  const unsized = await fetch(url, { method: "POST", headers: { ...headers, "content-type": "text/plain;charset=UTF-8" }, body: stream, duplex: "half", redirect: "manual" } as RequestInit);
  expect(unsized.status).toBe(413);
  // A cookie that opens no session is no credential: anyone can send one.
  for (const cookie of ["tracker_session=x", `tracker_session=bts_${"A".repeat(43)}`]) {
    const forged = await fetch(url, { method: "POST", headers: { ...headers, cookie }, body: big, redirect: "manual" });
    expect(forged.status, cookie).toBe(413);
  }
  // The sign-in form itself still works, and a live session's large form reaches its action.
  const session = /tracker_session=([^;]+)/.exec((await signInAction({ origin: server.baseURL })).headers.getSetCookie().join(""))?.[1];
  expect(session).toBeTruthy();
  const live = await fetch(url, { method: "POST", headers: { ...headers, cookie: `tracker_session=${session}` }, body: big, redirect: "manual" });
  expect(live.status).not.toBe(413);
});

test("a form posted without JavaScript (no Next-Action header) meets the same rules: its Origin, and its size signed out", async () => {
  const url = new URL("/sign-in", server.baseURL);
  const form = () => {
    const f = new FormData();
    f.append("email", TEST_ACCOUNTS.viewer.email);
    return f;
  };
  for (const headers of [{}, { origin: "http://127.0.0.1:9999" }, { "sec-fetch-site": "cross-site" }] as Record<string, string>[])
    await expectRefusedAction(await fetch(url, { method: "POST", headers, body: form(), redirect: "manual" }), `multipart, ${JSON.stringify(headers)}`);
  const encoded = await fetch(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "email=x", redirect: "manual" });
  await expectRefusedAction(encoded, "URL-encoded, no Origin");
  const big = form();
  big.append("pad", "a".repeat(2_000_000));
  const tooLarge = await fetch(url, { method: "POST", headers: { origin: server.baseURL }, body: big, redirect: "manual" });
  expect(tooLarge.status).toBe(413);
  expect(tooLarge.headers.get("content-type")).toContain("application/problem+json");
});

test("racing the sign-in throttle: after three failures, twenty parallel right-password attempts all wait", async () => {
  const email = TEST_ACCOUNTS.reviewer.email;
  for (let i = 0; i < 3; i++) expect((await signIn(email, `wrong-${i}`)).session).toBeNull();
  await new Promise((r) => setTimeout(r, 2100)); // the 2 s wait after the third failure is over
  const results = await Promise.all(Array.from({ length: 20 }, (_v, i) => signIn(email, `wrong-again-${i}`)));
  const checked = results.filter((r) => !/Too many failed sign-ins/.test(r.text));
  // One guess after the wait, a second only if the server took longer than the next wait (4 s).
  expect(checked.length, "attempts checked at once after the wait").toBeLessThanOrEqual(2);
  // Now only the right password, twenty times at once: none gets in before the wait is over.
  const right = await Promise.all(Array.from({ length: 20 }, () => signIn(email)));
  expect(right.filter((r) => r.session).length).toBe(0);
});

test("racing the sign-in throttle: thirty parallel wrong guesses are each counted or refused", async () => {
  const email = "nobody-races@test.example";
  const results = await Promise.all(Array.from({ length: 30 }, (_v, i) => signIn(email, `guess-${i}`)));
  const checked = results.filter((r) => !/Too many failed sign-ins/.test(r.text)).length;
  // Three free attempts, then the 2 s wait (a fourth only if the server needed longer than that).
  expect(checked).toBeGreaterThanOrEqual(3);
  expect(checked).toBeLessThanOrEqual(4);
  const [row] = await sqlOn<{ failures: number }>(server.databaseUrl, "SELECT failures FROM sign_in_failures WHERE email = ?", [email]);
  expect(row!.failures).toBe(checked);
});

test("a chunked 300 MB body without Content-Length is cut off at the limit, not read whole", async () => {
  const { contributor } = server.tokens();
  // Transitions take evidence files (two at 10 MiB as base64): 30 MiB; import 64 MiB.
  for (const target of [`/api/programs/${SLUG}/items/FND-01/transitions`, "/api/programs/import"]) {
    const [token, limit] = target.endsWith("import") ? [server.tokens().admin, 64 * 1024 * 1024] : [contributor, 30 * 1024 * 1024];
    const { status, sent } = await streamUntilAnswered(`${server.baseURL}${target}`, token, 300 * 1024 * 1024);
    expect(status, target).toBe(413);
    // The limit plus what sits in socket buffers on the way, far from the 300 MB offered.
    expect(sent, `${target}: bytes sent before the answer`).toBeLessThan(limit + 16 * 1024 * 1024);
  }
});

test("junk bearer tokens are refused before they reach the rate limiter", async () => {
  // TOKEN_RATE_LIMIT is 20 on this server: a junk token counted by the limiter would see 429.
  const junk = `Bearer ${"x".repeat(15_000)}`;
  for (let i = 0; i < 25; i++) {
    const res = await fetch(`${server.baseURL}/api/programs`, { headers: { authorization: junk } });
    expect(res.status).toBe(401);
  }
  const shaped = `Bearer bot_${"A".repeat(43)}`;
  expect((await fetch(`${server.baseURL}/api/programs`, { headers: { authorization: shaped } })).status).toBe(401);
});

test("a viewer sees actors by name in the log, and no account administration, e-mails of others or the bundle", async () => {
  const viewer = { authorization: `Bearer ${server.tokens().viewer}` };
  const admin = { authorization: `Bearer ${server.tokens().admin}` };
  const seen = await (await fetch(`${server.baseURL}/api/audit/log?limit=1000`, { headers: viewer })).json();
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.filter((e: { entity: string }) => ["person", "api-token", "account", "user"].includes(e.entity))).toEqual([]);
  expect(seen.every((e: { programSlug: string | null }) => e.programSlug !== null)).toBe(true);
  const text = JSON.stringify(seen);
  expect(text).not.toMatch(/@(test\.)?example\.com/);
  expect(text).toContain("Priya Raman");
  // An admin sees everything, e-mails and account events included.
  const all = await (await fetch(`${server.baseURL}/api/audit/log?limit=1000`, { headers: admin })).json();
  expect(all.some((e: { entity: string }) => e.entity === "api-token")).toBe(true);
  expect(JSON.stringify(all)).toContain("priya.raman@example.com");
  const bundle = await fetch(`${server.baseURL}/api/programs/${SLUG}/bundle`, { headers: viewer });
  expect(bundle.status).toBe(403);
  expect((await fetch(`${server.baseURL}/api/programs/${SLUG}/bundle`, { headers: admin })).status).toBe(200);
});

test("an unknown item page answers 404 with the app's navigation", async () => {
  const { session } = await signIn(TEST_ACCOUNTS.viewer.email);
  const res = await fetch(`${server.baseURL}/programs/${SLUG}/items/NOPE-99`, { headers: { cookie: `tracker_session=${session}` } });
  expect(res.status).toBe(404);
  const html = await res.text();
  // Inside the program's page: its name, its navigation, and the program's own not-found words.
  expect(html).toContain("Boost offload program");
  expect(html).toContain("ProgramNav");
  expect(html).toContain("There is no item or claim by that name in this program");
});

/** The log's length and head, read straight from the database: "nothing was written". */
async function bundleOf(url: string): Promise<string> {
  return JSON.stringify(await sqlOn(url, "SELECT count(*) AS n, max(seq) AS head FROM audit_log"));
}

/** Streams `total` bytes of JSON-ish junk with chunked encoding until the server answers. */
function streamUntilAnswered(url: string, token: string, total: number): Promise<{ status: number; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = http.request(url, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "transfer-encoding": "chunked" } });
    req.on("response", (res) => {
      answered = true;
      res.resume();
      resolve({ status: res.statusCode ?? 0, sent });
      req.destroy();
    });
    req.on("error", (e) => (answered ? undefined : reject(e)));
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    req.write("[");
    pump();
  });
}

test("a forged X-Forwarded-Host does not move the ClaimReview's url (forwarding headers are not trusted by default)", async () => {
  const res = await fetch(`${server.baseURL}/api/programs/${SLUG}/claims/azure-blog-2023-05/claimreview`, {
    headers: { authorization: `Bearer ${server.tokens().viewer}`, "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" },
  });
  expect(res.status).toBe(200);
  expect((await res.json()).url).toBe(`${server.baseURL}/programs/${SLUG}/claims/azure-blog-2023-05`);
});

test.describe("with PUBLIC_URL, a per-address sign-in limit and a per-session limit", () => {
  let limited: OwnServer;
  test.beforeAll(async () => {
    limited = await OwnServer.start({
      port: ownPort(3125),
      env: { PUBLIC_URL: "https://tracker.example.org", SIGN_IN_ADDRESS_LIMIT: "12", SESSION_RATE_LIMIT: "15" },
    });
  });
  test.afterAll(async () => {
    await limited?.dispose();
  });

  const signInThere = async (email: string, password: string, origin = "https://tracker.example.org", extra: Record<string, string> = {}) => {
    const f = new FormData();
    f.append("_1_email", email);
    f.append("_1_password", password);
    f.append("0", JSON.stringify(["$undefined", "$K1"]));
    const r = await fetch(new URL("/sign-in", limited.baseURL), {
      method: "POST",
      headers: { "next-action": actions.signInAction!.id, accept: "text/x-component", origin, ...extra },
      body: f,
      redirect: "manual",
    });
    const cookie = r.headers.getSetCookie().find((c) => SESSION.test(c));
    return { text: await r.text(), session: (cookie && SESSION.exec(cookie)?.[1]) ?? null, secure: /;\s*Secure/i.test(cookie ?? "") };
  };

  test("the ClaimReview's url and the allowed Origin come from PUBLIC_URL", async () => {
    const review = await (
      await fetch(`${limited.baseURL}/api/programs/${SLUG}/claims/azure-blog-2023-05/claimreview`, { headers: { authorization: `Bearer ${limited.tokens().viewer}` } })
    ).json();
    expect(review.url).toBe(`https://tracker.example.org/programs/${SLUG}/claims/azure-blog-2023-05`);
    // The server's own address is not the public origin: a form from it is foreign.
    expect((await signInThere(TEST_ACCOUNTS.viewer.email, limited.password, limited.baseURL)).session).toBeNull();
  });

  test("a cookie session over SESSION_RATE_LIMIT gets 429 with Retry-After", async () => {
    const { session, secure } = await signInThere(TEST_ACCOUNTS.viewer.email, limited.password);
    expect(session).toBeTruthy();
    expect(secure, "an https PUBLIC_URL makes the session cookie Secure").toBe(true);
    const statuses: number[] = [];
    for (let i = 0; i < 16; i++) statuses.push((await fetch(`${limited.baseURL}/api/programs`, { headers: { cookie: `tracker_session=${session}` } })).status);
    expect(statuses.slice(0, 15).every((s) => s === 200), statuses.join(",")).toBe(true);
    const last = await fetch(`${limited.baseURL}/api/programs`, { headers: { cookie: `tracker_session=${session}` } });
    expect(last.status).toBe(429);
    expect(Number(last.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  test("spraying passwords over many accounts from one address is limited, whatever X-Forwarded-For says", async () => {
    const answers: string[] = [];
    // One sign-in already happened above; 11 more fit in the minute.
    for (let i = 0; i < 14; i++) answers.push((await signInThere(`spray-${i}@test.example`, "a wrong password", undefined, { "x-forwarded-for": `10.0.0.${i}` })).text);
    const limitedAnswers = answers.filter((t) => /Too many requests from your address/.test(t));
    expect(limitedAnswers.length).toBe(3);
    // The right password from the same address waits too.
    expect((await signInThere(TEST_ACCOUNTS.admin.email, limited.password)).session).toBeNull();
  });
});
