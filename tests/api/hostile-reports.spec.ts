/**
 * Hostile input to the weekly reports that reach people, on a real program with a real published
 * week: publishing and sending take nothing but their path, so every body but none or `{}`, every
 * query parameter and every body that is not JSON is refused — 4xx problem+json, never a 5xx,
 * nothing written (every table, the log head) and nothing sent. The Atom feed, outside /api, takes
 * only its own token: every other token, a repeated one, and any other program is the same plain
 * 404, and no answer repeats the token.
 *
 * Requests go out byte for byte (tests/support/hostile-values.ts `rawRequest`): bodies, headers and
 * query strings reach the server exactly as written here.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import { chainIntact, nothingWritten } from "../support/api-answers";
import { INJECTIONS, INVALID_UTF8, nestedArrays, nestedObjects, rawRequest, type RawResponse } from "../support/hostile-values";
import { mintTokens } from "../support/own-server";
import { smallBundle } from "../support/small-bundle";
import { TEST_ACCOUNTS } from "../support/test-accounts";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver";

const MiB = 1024 * 1024;
const PUBLISHED = "2024-W52";
const UNPUBLISHED = "2024-W51";

let slug = "";
let admin = "";
let viewer = "";
let receiver: WebhookReceiver;

const asAdmin = (extra: Record<string, string> = {}) => ({ authorization: `Bearer ${admin}`, ...extra });

/** A 4xx RFC 9457 answer with this status, with no stack, SQL or file path in it. */
function expectProblem(res: RawResponse, status: number, what: string) {
  expect(res.status, `${what} → ${res.status}: ${res.body.slice(0, 300)}`).toBe(status);
  expect(res.headers["content-type"], what).toContain("application/problem+json");
  const problem = JSON.parse(res.body);
  expect(problem.status, what).toBe(status);
  expect(typeof problem.title, what).toBe("string");
  expect(typeof problem.detail, what).toBe("string");
  expect(res.body, what).not.toMatch(/\bat \S+ \(|SqliteError|SQLITE_|node_modules/);
}

async function deliveries(request: APIRequestContext): Promise<{ id: number; status: string }[]> {
  const res = await request.get(`/api/programs/${slug}/deliveries?limit=500`, { headers: asAdmin() });
  expect(res.status()).toBe(200);
  return res.json();
}

/** Waits until no delivery is pending or being sent, so the background sender writes nothing meanwhile. */
async function deliveriesSettled(request: APIRequestContext) {
  await expect.poll(async () => (await deliveries(request)).filter((d) => d.status === "pending" || d.status === "sending").length, { timeout: 30_000 }).toBe(0);
}

test.beforeAll(async ({ request }) => {
  // Tokens of this suite's own: the per-token rate limit of the shared ones stays with other suites.
  [admin, viewer] = mintTokens(process.env.E2E_DATABASE_URL!, [TEST_ACCOUNTS.admin.email, TEST_ACCOUNTS.viewer.email]).map((m) => m.token) as [string, string];
  receiver = await startWebhookReceiver();
  slug = `hostile-reports-${Date.now().toString(36)}`;
  const imported = await request.post("/api/programs/import", { headers: asAdmin(), data: smallBundle(slug) });
  expect(imported.status(), await imported.text()).toBe(201);
  const hook = await request.post(`/api/programs/${slug}/subscriptions`, { headers: asAdmin(), data: { kind: "webhook", target: `${receiver.origin}/hook` } });
  expect(hook.status(), await hook.text()).toBe(201);
  // A real published week, sent once to the webhook; 2024-W51 stays unpublished.
  const published = await request.post(`/api/programs/${slug}/reports/${PUBLISHED}/publish`, { headers: asAdmin() });
  expect(published.status(), await published.text()).toBe(201);
  await expect.poll(() => receiver.on("/hook").length, { timeout: 30_000 }).toBe(1);
  await deliveriesSettled(request);
});

test.afterAll(() => receiver?.close());

// ---------------------------------------------------------------------------------------------
// Publishing and sending

interface Hostile {
  what: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
  query?: string;
  chunked?: boolean;
  status: number;
}

const json = { "content-type": "application/json" };
const HOSTILE: Hostile[] = [
  // Not JSON at all, or JSON cut short.
  ...["[[[", "{", '{"a":', "not json", "{}{}", '{"a":1,}', "\u0000", "{'a':1}"].map((body) => ({ what: `garbage ${JSON.stringify(body)}`, body, headers: json, status: 400 })),
  ...INVALID_UTF8.map((body) => ({ what: `invalid UTF-8 ${body.toString("hex").slice(0, 24)}`, body, headers: json, status: 400 })),
  // JSON, but not an object.
  ...["null", "[]", "[{}]", "42", "-1", '"publish"', "true", "false"].map((body) => ({ what: `wrong type ${body}`, body, headers: json, status: 400 })),
  { what: "1,000 nested arrays", body: nestedArrays(1000), headers: json, status: 400 },
  { what: "500 nested objects", body: nestedObjects(500), headers: json, status: 400 },
  { what: "10,000 nested arrays", body: nestedArrays(10_000), headers: json, status: 413 },
  // Fields a caller might think mean something: none is taken.
  ...[
    { dryRun: true },
    { to: "someone@evil.example" },
    { week: UNPUBLISHED },
    { recipients: [{ kind: "webhook", target: "https://evil.example/hook" }] },
    { force: true, republish: true },
    { origin: "https://evil.example" },
    { "": "" },
    { note: INJECTIONS[0] },
  ].map((b) => ({ what: `unknown field ${JSON.stringify(b).slice(0, 60)}`, body: JSON.stringify(b), headers: json, status: 400 })),
  // Prototype pollution: JSON.parse keeps these as own keys, and they are refused like any other.
  ...['{"__proto__":{"role":"admin"}}', '{"__proto__":null}', '{"constructor":{"prototype":{"role":"admin"}}}', '{"prototype":{}}', '{"__proto__":{"__proto__":{}}}'].map(
    (body) => ({ what: `prototype keys ${body}`, body, headers: json, status: 400 }),
  ),
  // Huge: declared, and counted as it arrives (chunked, no Content-Length).
  { what: "a 1 MiB string field", body: JSON.stringify({ note: "x".repeat(MiB) }), headers: json, status: 413 },
  { what: "a 100 KB string", body: JSON.stringify("y".repeat(100_000)), headers: json, status: 413 },
  { what: "a 64 KB key", body: JSON.stringify({ ["k".repeat(64 * 1024)]: 1 }), headers: json, status: 413 },
  { what: "1 MiB chunked", body: JSON.stringify({ note: "z".repeat(MiB) }), headers: json, chunked: true, status: 413 },
  // A body that is not JSON by its type, even when its text is.
  ...[
    ["text/plain", "{}"],
    ["text/plain;charset=UTF-8", '{"dryRun":true}'],
    ["application/x-www-form-urlencoded", "dryRun=true&to=someone%40evil.example"],
    ["multipart/form-data; boundary=xx", '--xx\r\nContent-Disposition: form-data; name="dryRun"\r\n\r\ntrue\r\n--xx--\r\n'],
    ["application/xml", "<publish/>"],
    ["application/json-patch+json", "{}"],
  ].map(([type, body]) => ({ what: `Content-Type ${type}`, body, headers: { "content-type": type! }, status: 415 })),
  { what: "a body without Content-Type", body: "{}", status: 415 },
  // Query parameters: none is taken, whatever the body.
  ...[
    "dryRun=true",
    `week=${UNPUBLISHED}`,
    "to=someone%40evil.example",
    "__proto__%5Brole%5D=admin",
    "constructor.prototype.role=admin",
    "token=a&token=b",
    `x=${"y".repeat(5000)}`,
    "%ff=1",
    "a=%ff",
    "=",
    "force",
    `q=${encodeURIComponent(INJECTIONS[0])}`,
  ].map((query) => ({ what: `query ?${query.slice(0, 40)}`, query, status: 400 })),
  { what: "query and a good body", query: "dryRun=1", body: "{}", headers: json, status: 400 },
];

const TARGETS = [
  { name: "publish an unpublished week", action: "publish", week: UNPUBLISHED },
  { name: "publish the published week", action: "publish", week: PUBLISHED },
  { name: "send the published week", action: "send", week: PUBLISHED },
] as const;

for (const target of TARGETS) {
  test(`${target.name}: hostile bodies, content types and query values are 4xx problems, nothing written, nothing sent`, async ({ baseURL, request }) => {
    const sent = receiver.requests.length;
    const before = await deliveries(request);
    await nothingWritten(async () => {
      for (const h of HOSTILE) {
        const path = `/api/programs/${slug}/reports/${target.week}/${target.action}${h.query === undefined ? "" : `?${h.query}`}`;
        const res = await rawRequest(baseURL!, { method: "POST", path, headers: asAdmin(h.headers), body: h.body, chunked: h.chunked });
        // The input is read before the week: the same refusal whether the week is published or not.
        expectProblem(res, h.status, `${target.name}: ${h.what}`);
      }
    }, target.name);
    expect(await deliveries(request), "no delivery recorded").toEqual(before);
    // Anything queued would be sent right after its answer: give it the time to show up.
    await new Promise((r) => setTimeout(r, 500));
    expect(receiver.requests.length, "nothing sent").toBe(sent);
    await chainIntact(request);
  });
}

test("what is refused is only ever the input: a viewer is still a 403, and no body or {} is still taken", async ({ baseURL, request }) => {
  // The role is checked before the input, so a refused caller learns nothing about it.
  await nothingWritten(async () => {
    for (const action of ["publish", "send"]) {
      const res = await rawRequest(baseURL!, {
        method: "POST",
        path: `/api/programs/${slug}/reports/${PUBLISHED}/${action}?dryRun=1`,
        headers: { authorization: `Bearer ${viewer}`, "content-type": "text/plain" },
        body: '{"__proto__":{"role":"admin"}}',
      });
      expectProblem(res, 403, `viewer ${action}`);
    }
  }, "viewer");

  // Sending with `{}` as JSON (with a charset) is accepted and reaches the webhook...
  const sent = receiver.on("/hook").length;
  const again = await rawRequest(baseURL!, {
    method: "POST",
    path: `/api/programs/${slug}/reports/${PUBLISHED}/send`,
    headers: asAdmin({ "content-type": "application/json; charset=utf-8" }),
    body: "{}",
  });
  expect(again.status, again.body).toBe(202);
  expect(JSON.parse(again.body).deliveries).toHaveLength(1);
  await expect.poll(() => receiver.on("/hook").length, { timeout: 30_000 }).toBe(sent + 1);
  // ...and publishing with no body at all publishes the week the refusals left alone.
  const published = await rawRequest(baseURL!, { method: "POST", path: `/api/programs/${slug}/reports/${UNPUBLISHED}/publish`, headers: asAdmin() });
  expect(published.status, published.body).toBe(201);
  expect(JSON.parse(published.body)).toMatchObject({ week: UNPUBLISHED });
  await expect.poll(() => receiver.on("/hook").length, { timeout: 30_000 }).toBe(sent + 2);
  await deliveriesSettled(request);
  await chainIntact(request);
});

// ---------------------------------------------------------------------------------------------
// The Atom feed

test("the Atom feed: hostile tokens and hostile slugs are the same plain 404, never a 5xx, never the feed; no answer repeats the token", async ({ baseURL, request }) => {
  const made = await request.post(`/api/programs/${slug}/feed`, { headers: asAdmin(), data: { token: "rotate" } });
  expect(made.status(), await made.text()).toBe(201);
  const feedUrl = new URL((await made.json()).feedUrl);
  const token = feedUrl.searchParams.get("token")!;
  const feed = `/programs/${slug}/reports.atom`;
  expect(feedUrl.pathname).toBe(feed);

  // The right token: the feed, and the token nowhere in the answer.
  const ok = await rawRequest(baseURL!, { method: "GET", path: `${feed}?token=${token}` });
  expect(ok.status).toBe(200);
  expect(ok.headers["content-type"]).toBe("application/atom+xml; charset=utf-8");
  expect(ok.body).toContain("<feed");
  expect(ok.body).not.toContain(token);
  expect(JSON.stringify(ok.headers)).not.toContain(token);

  const notFound = (res: RawResponse, what: string, sentValue?: string) => {
    expect(res.status, what).toBe(404);
    expect(res.body, what).not.toContain("<feed");
    expect(res.body, what).not.toMatch(/\bat \S+ \(|node_modules|SqliteError|URIError/);
    expect(res.body, what).not.toContain(token);
    expect(JSON.stringify(res.headers), what).not.toContain(token);
    if (sentValue && sentValue.length >= 3) expect(res.body, what).not.toContain(sentValue);
  };

  const hostileTokens: [string, string?][] = [
    ["token="],
    ["token"],
    ["TOKEN=" + token],
    ["token%5B%5D=" + token],
    ["token[]=" + token],
    [`token=${"x".repeat(10_000)}`, "x".repeat(10_000)],
    [`token=${encodeURIComponent(`feed_${"é".repeat(44)}`)}`, "é".repeat(44)],
    [`token=${encodeURIComponent(`feed_${"💥".repeat(22)}`)}`, "💥".repeat(22)],
    [`token=${encodeURIComponent("ｆｅｅｄ_" + token.slice(5))}`],
    ["token=%00"],
    [`token=${token}%00`],
    [`token=%00${token}`],
    [`token=${token.slice(0, -1)}%00`],
    [`token=${token}%20`],
    [`token=+${token}`],
    [`token=${token.toUpperCase()}`],
    [`token=${token.slice(0, -1)}`],
    ["token=%ff"],
    ["token=a&token=b"],
    [`token=${token}&token=b`],
    [`token=b&token=${token}`],
    [`token=${token}&token=${token}`],
    [`token=${encodeURIComponent("' OR '1'='1")}`, "' OR '1'='1"],
    [`token=${encodeURIComponent(`feed_${"'".repeat(10)} OR 1=1; --${"a".repeat(27)}`)}`],
    [`token=${encodeURIComponent("feed_%' UNION SELECT token_hash FROM report_feeds --")}`, "UNION SELECT"],
    [`token=${encodeURIComponent("<script>alert(1)</script>")}`, "<script>"],
  ];
  const hostileSlugs = [
    "no-such-program",
    "boost-offload",
    slug.toUpperCase(),
    `${slug}%00`,
    `${slug}%20`,
    `${slug}%2F..`,
    encodeURIComponent("'; DROP TABLE programs; --"),
    "%00",
    "%ff",
    "..%2F..%2Fetc%2Fpasswd",
    "%F0%9F%92%A5",
    "x".repeat(5000),
  ];

  await nothingWritten(async () => {
    for (const [query, sentValue] of hostileTokens) {
      const res = await rawRequest(baseURL!, { method: "GET", path: `${feed}?${query}` });
      notFound(res, `?${query.slice(0, 60)}`, sentValue);
      // A token that is no credential is told nothing more than a wrong one: the same words.
      expect(res.body, query.slice(0, 60)).toBe("Not found\n");
    }
    for (const other of hostileSlugs) {
      const res = await rawRequest(baseURL!, { method: "GET", path: `/programs/${other}/reports.atom?token=${token}` });
      notFound(res, `slug ${other.slice(0, 60)}`);
    }
    // A conditional request with a hostile token is no way in either.
    const etag = ok.headers.etag as string;
    const cond = await rawRequest(baseURL!, { method: "GET", path: `${feed}?token=${token}&token=x`, headers: { "if-none-match": etag } });
    notFound(cond, "If-None-Match with a repeated token");
  }, "feed");
  // The feed still answers its own token.
  expect((await rawRequest(baseURL!, { method: "GET", path: `${feed}?token=${token}` })).status).toBe(200);
});
