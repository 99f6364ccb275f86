/**
 * Sending published weeks over HTTP: subscriptions (admin only; a webhook's secret in the 201
 * answer once, never again), the delivery log, sending again (409 for a week that is not
 * published, nothing written), publishing with e-mail but no SMTP server (recorded as not sent,
 * never a crash), and the Atom feed (its token is its only credential; a wrong, rotated, missing or
 * repeated token and an unknown program all look the same: 404).
 */
import { expect, test, type APIResponse } from "@playwright/test";
import { XMLParser } from "fast-xml-parser";
import { webhookSignatureProblem } from "@/lib/delivery/webhook-signature";
import { authHeaders, call } from "../support/api-client";
import { changedTables, databaseDigest } from "../support/db-digest";
import { rawRequest } from "../support/hostile-values";
import { smallBundle } from "../support/small-bundle";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver";

const run = `${Date.now().toString(36)}${process.pid.toString(36)}`;
let slug = "";
let receiver: WebhookReceiver;

async function problem(res: APIResponse, status: number) {
  expect(res.status(), await res.text()).toBe(status);
  expect(res.headers()["content-type"]).toContain("application/problem+json");
  return res.json();
}

test.beforeAll(async ({ request }) => {
  receiver = await startWebhookReceiver();
  slug = `sending-${run}`;
  const res = await call(request, "admin", "POST", "/api/programs/import", smallBundle(slug));
  expect(res.status(), await res.text()).toBe(201);
});
test.afterAll(() => receiver?.close());

test("only admins see or change subscriptions, the feed and the delivery log", async ({ request }) => {
  for (const who of ["viewer", "contributor", "reviewer"] as const) {
    await problem(await call(request, who, "GET", `/api/programs/${slug}/subscriptions`), 403);
    await problem(await call(request, who, "POST", `/api/programs/${slug}/subscriptions`, { kind: "email", target: "x@example.org" }), 403);
    await problem(await call(request, who, "GET", `/api/programs/${slug}/deliveries`), 403);
    await problem(await call(request, who, "POST", `/api/programs/${slug}/feed`, { token: "rotate" }), 403);
    await problem(await call(request, who, "POST", `/api/programs/${slug}/reports/2024-W52/send`), 403);
  }
  await problem(await call(request, "anonymous", "GET", `/api/programs/${slug}/subscriptions`), 401);
});

test("a webhook's secret is in its 201 answer once; listings show it masked, never whole", async ({ request }) => {
  const made = await call(request, "admin", "POST", `/api/programs/${slug}/subscriptions`, { kind: "slack", target: `${receiver.origin}/services/T1/B1/TOKENPART` });
  expect(made.status()).toBe(201);
  const body = await made.json();
  expect(body).toMatchObject({ kind: "slack", target: `${receiver.origin}/…PART`, secret: expect.stringMatching(/^whsec_/), version: 1 });
  const list = await (await call(request, "admin", "GET", `/api/programs/${slug}/subscriptions`)).text();
  expect(list).not.toContain(body.secret);
  expect(list).not.toContain("TOKENPART");
  expect(JSON.parse(list).subscriptions[0]).toMatchObject({ id: body.id, kind: "slack", enabled: true, secretPrefix: body.secret.slice(0, 10) });

  // Refusals name the field and write nothing.
  const before = await databaseDigest();
  const bad = await problem(await call(request, "admin", "POST", `/api/programs/${slug}/subscriptions`, { kind: "webhook", target: "file:///etc/passwd" }), 400);
  expect(bad.errors).toEqual([{ path: "target", message: "must start with https:// or http://" }]);
  await problem(await call(request, "admin", "POST", `/api/programs/${slug}/subscriptions`, { kind: "slack", target: `${receiver.origin}/services/T1/B1/TOKENPART` }), 409);
  await problem(await call(request, "admin", "PATCH", `/api/programs/${slug}/subscriptions/${body.id}`, { enabled: false }), 400); // no version read
  await problem(await call(request, "admin", "PATCH", `/api/programs/${slug}/subscriptions/${body.id}`, { enabled: false, version: 7 }), 409);
  await problem(await call(request, "admin", "DELETE", `/api/programs/${slug}/subscriptions/99999999`), 404);
  await problem(await call(request, "admin", "PATCH", `/api/programs/no-such-program/subscriptions/${body.id}`, { enabled: false, version: 1 }), 404);
  expect(changedTables(before, await databaseDigest())).toEqual([]);

  // Disable with If-Match, enable again, then remove.
  const off = await request.fetch(`/api/programs/${slug}/subscriptions/${body.id}`, {
    method: "PATCH",
    headers: { ...authHeaders("admin"), "if-match": '"1"' },
    data: { enabled: false },
  });
  expect(off.status()).toBe(200);
  expect(off.headers().etag).toBe('"2"');
  expect((await call(request, "admin", "PATCH", `/api/programs/${slug}/subscriptions/${body.id}`, { enabled: true, version: 2 })).status()).toBe(200);
  expect((await call(request, "admin", "DELETE", `/api/programs/${slug}/subscriptions/${body.id}`)).status()).toBe(204);
  expect((await (await call(request, "admin", "GET", `/api/programs/${slug}/subscriptions`)).json()).subscriptions).toEqual([]);
});

test("a week that is not published is never sent: 409, nothing written", async ({ request }) => {
  const before = await databaseDigest();
  const p = await problem(await call(request, "admin", "POST", `/api/programs/${slug}/reports/2024-W51/send`), 409);
  expect(p.detail).toBe(`2024-W51 of "${slug}" is not published: only a published week is sent`);
  await problem(await call(request, "admin", "POST", `/api/programs/${slug}/reports/2099-W01/send`), 400);
  await problem(await call(request, "admin", "POST", `/api/programs/${slug}/reports/not-a-week/send`), 400);
  expect(changedTables(before, await databaseDigest())).toEqual([]);
});

test("publishing sends: the webhook gets a signed payload; e-mail without an SMTP server is recorded as not sent", async ({ request }) => {
  const hook = await (await call(request, "admin", "POST", `/api/programs/${slug}/subscriptions`, { kind: "webhook", target: `${receiver.origin}/generic` })).json();
  expect((await call(request, "admin", "POST", `/api/programs/${slug}/subscriptions`, { kind: "email", target: "ops@example.org" })).status()).toBe(201);
  const published = await call(request, "admin", "POST", `/api/programs/${slug}/reports/2024-W52/publish`);
  expect(published.status()).toBe(201);
  const answer = await published.json();
  expect(answer.deliveries.map((d: { kind: string }) => d.kind)).toEqual(["webhook", "email"]);

  await expect.poll(() => receiver.on("/generic").length, { timeout: 30_000 }).toBe(1);
  const r = receiver.on("/generic")[0]!;
  expect(webhookSignatureProblem(hook.secret, { body: r.body, timestamp: r.headers["x-tracker-timestamp"] as string, signature: r.headers["x-tracker-signature"] as string }, Math.floor(Date.now() / 1000))).toBeNull();
  expect(JSON.parse(r.body)).toMatchObject({ program: { slug }, week: "2024-W52", sha256: answer.sha256 });

  await expect
    .poll(async () => (await (await call(request, "admin", "GET", `/api/programs/${slug}/deliveries?week=2024-W52`)).json()).map((d: { status: string }) => d.status).sort(), { timeout: 30_000 })
    .toEqual(["delivered", "not_sent"]);
  const log = await (await call(request, "admin", "GET", `/api/programs/${slug}/deliveries`)).json();
  expect(log.find((d: { subscription: { kind: string } }) => d.subscription.kind === "email")).toMatchObject({ note: "not sent: SMTP not configured (set SMTP_URL)", attempts: [] });
  expect(log.find((d: { subscription: { kind: string } }) => d.subscription.kind === "webhook").attempts).toEqual([
    expect.objectContaining({ attempt: 1, ok: true, statusCode: 200, error: null }),
  ]);
  // The week stays published; sending again is accepted (202).
  const again = await call(request, "admin", "POST", `/api/programs/${slug}/reports/2024-W52/send`);
  expect(again.status()).toBe(202);
  expect((await again.json()).deliveries).toHaveLength(2);
  await expect.poll(() => receiver.on("/generic").length, { timeout: 30_000 }).toBe(2);
  await problem(await call(request, "admin", "GET", `/api/programs/${slug}/deliveries?week=W52`), 400);
});

test("the Atom feed: its token is the credential; any wrong, rotated or missing token and any unknown program is a 404", async ({ request }) => {
  const feed = `/programs/${slug}/reports.atom`;
  expect((await request.get(feed, { maxRedirects: 0 })).status()).toBe(404); // no address made yet: 404, not a redirect to sign-in
  const made = await call(request, "admin", "POST", `/api/programs/${slug}/feed`, { token: "rotate" });
  expect(made.status()).toBe(201);
  const { feedUrl } = await made.json();
  const url = new URL(feedUrl);
  expect(url.pathname).toBe(feed);
  const ok = await request.get(`${url.pathname}${url.search}`, { maxRedirects: 0 });
  expect(ok.status()).toBe(200);
  expect(ok.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  const doc = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === "entry" }).parse(await ok.text());
  expect(doc.feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
  expect(doc.feed.entry.map((e: { id: string }) => e.id)).toEqual([`urn:offload-tracker:report:${slug}:2024-W52`]);
  const etag = ok.headers().etag!;
  expect((await request.get(`${url.pathname}${url.search}`, { headers: { "if-none-match": etag } })).status()).toBe(304);

  const token = url.searchParams.get("token")!;
  const before = await databaseDigest();
  const hostile = [
    "",
    "feed_",
    token.slice(0, -1),
    `${token}x`,
    token.toUpperCase(),
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    `bot_${token.slice(5)}`,
    "x".repeat(10_000),
  ];
  for (const t of hostile) {
    const r = await request.get(`${feed}?token=${encodeURIComponent(t)}`, { maxRedirects: 0 });
    expect(r.status(), t.slice(0, 30)).toBe(404);
    expect(await r.text()).toBe("Not found\n");
  }
  for (const other of ["no-such-program", "boost-offload", "%ff", "..%2F..%2Fetc", "x".repeat(300)]) {
    const r = await rawRequest(new URL(feedUrl).origin, { method: "GET", path: `/programs/${other}/reports.atom?token=${token}` });
    expect(r.status, other).toBe(404);
    expect(r.body).not.toMatch(/\bat \S+ \(|node_modules|SqliteError/);
  }
  // A repeated token is no credential, even when one of them is right.
  for (const q of [`token=${token}&token=other`, `token=other&token=${token}`, `token=${token}&token=${token}`])
    expect((await request.get(`${feed}?${q}`)).status(), q).toBe(404);
  expect(changedTables(before, await databaseDigest())).toEqual([]);

  // Rotated: the old address stops at once; turned off: every address stops.
  const next = new URL((await (await call(request, "admin", "POST", `/api/programs/${slug}/feed`, { token: "rotate" })).json()).feedUrl);
  expect((await request.get(`${url.pathname}${url.search}`)).status()).toBe(404);
  expect((await request.get(`${next.pathname}${next.search}`)).status()).toBe(200);
  expect((await call(request, "admin", "POST", `/api/programs/${slug}/feed`, { token: "none" })).status()).toBe(200);
  expect((await request.get(`${next.pathname}${next.search}`)).status()).toBe(404);
  await problem(await call(request, "admin", "POST", `/api/programs/${slug}/feed`, { token: "rotate", extra: 1 }), 400);
});
