/**
 * The HTTP contract at its edges, black-box: an address no route takes, a method a route does not
 * take, a JSON body sent as something else, and an upload without a length past its limit — each
 * is problem+json with the right status, and nothing is written.
 */
import { expect, test } from "@playwright/test";
import { authHeaders, call } from "../support/api-client";
import { rawRequest } from "../support/hostile-values";
import { importSmallProgram } from "../support/programs";

const problemOf = (res: { status: number; headers: Record<string, unknown>; body: string }) => {
  expect(String(res.headers["content-type"])).toContain("application/problem+json");
  return JSON.parse(res.body) as { status: number; title: string; detail: string; instance: string };
};

test("an /api address no route takes is a 404 problem, for any method, signed in or not", async ({ baseURL }) => {
  for (const [method, path, headers] of [
    ["GET", "/api/nope", {}],
    ["POST", "/api/programs/x/nothing-here/at-all", authHeaders("admin")],
    ["DELETE", "/api/audit", authHeaders("viewer")],
  ] as const) {
    const res = await rawRequest(baseURL!, { method, path, headers });
    expect(res.status, `${method} ${path}`).toBe(404);
    const problem = problemOf(res);
    expect(problem).toMatchObject({ status: 404, title: "Not found", instance: path });
    expect(problem.detail).toContain("/api/openapi.json");
  }
});

test("a method a route does not take is a 405 problem naming, in Allow, the methods it does", async ({ baseURL }) => {
  const cases: [string, string, string][] = [
    ["PUT", "/api/programs", "GET, POST, HEAD, OPTIONS"],
    ["DELETE", "/api/health", "GET, HEAD, OPTIONS"],
    ["GET", "/api/programs/import", "POST, OPTIONS"],
    ["POST", "/api/audit/log", "GET, HEAD, OPTIONS"],
  ];
  for (const [method, path, allow] of cases) {
    const res = await rawRequest(baseURL!, { method, path, headers: authHeaders("admin") });
    expect(res.status, `${method} ${path}`).toBe(405);
    expect(res.headers.allow, `${method} ${path}`).toBe(allow);
    expect(problemOf(res)).toMatchObject({ status: 405, title: "Method not allowed", detail: `${method} is not taken here; this address takes ${allow}` });
  }
});

test("a JSON body sent as text/plain, or with no type, is a 415 and nothing is written", async ({ request, baseURL }) => {
  const slug = await importSmallProgram(request, "media-type");
  const history = async () => (await (await call(request, "viewer", "GET", `/api/programs/${slug}/items/A`)).json()).history as unknown[];
  const before = await history();
  for (const type of ["text/plain", undefined]) {
    const res = await rawRequest(baseURL!, {
      method: "POST",
      path: `/api/programs/${slug}/items/A/transitions`,
      headers: { ...authHeaders("contributor"), ...(type ? { "content-type": type } : {}) },
      body: JSON.stringify({ to: "design", note: "sent as text" }),
    });
    expect(res.status, String(type)).toBe(415);
    expect(problemOf(res).detail).toBe("the body must be sent as JSON (Content-Type: application/json)");
  }
  expect(await history()).toEqual(before);
  // The same body sent as JSON is taken.
  expect((await call(request, "contributor", "POST", `/api/programs/${slug}/items/A/transitions`, { to: "design", note: "sent as JSON" })).status()).toBe(201);
});

test("a chunked multipart upload past the ingest limit is a 413, counted as it arrives, and records nothing", async ({ request, baseURL }) => {
  const slug = await importSmallProgram(request, "ingest-chunked");
  const boundary = "x-boundary";
  const filler = "a".repeat(45 * 1024 * 1024);
  const body = `--${boundary}\r\ncontent-disposition: form-data; name="note"\r\n\r\n${filler}\r\n--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="lcov.info"\r\ncontent-type: text/plain\r\n\r\nSF:a\nDA:1,1\nend_of_record\n\r\n--${boundary}--\r\n`;
  const res = await rawRequest(baseURL!, {
    method: "POST",
    path: `/api/programs/${slug}/ingest/coverage`,
    headers: { ...authHeaders("contributor"), "content-type": `multipart/form-data; boundary=${boundary}` },
    body,
    chunked: true,
    timeoutMs: 60_000,
  });
  expect(res.status).toBe(413);
  expect(problemOf(res).detail).toMatch(/^the body is larger than \d+ bytes$/);
  const items = (await (await call(request, "viewer", "GET", `/api/programs/${slug}/items/A`)).json()) as { signals: unknown[] };
  expect(items.signals).toEqual([]);
});

test("what a token opened is kept by no cache: the bundle, the log, readiness, an item; a route's own rule stays", async ({ baseURL }) => {
  for (const [path, role] of [
    ["/api/programs/boost-offload/bundle", "admin"],
    ["/api/audit/log?limit=5", "viewer"],
    ["/api/programs/boost-offload/readiness", "viewer"],
    ["/api/programs/boost-offload/items/FND-01", "viewer"],
  ] as const) {
    const res = await rawRequest(baseURL!, { method: "GET", path, headers: authHeaders(role) });
    expect(res.status, path).toBe(200);
    expect(String(res.headers["cache-control"]), path).toMatch(/^private, no-store\b/);
  }
  const counts = await rawRequest(baseURL!, { method: "GET", path: "/api/me/counts", headers: authHeaders("viewer") });
  expect(counts.headers["cache-control"]).toBe("no-store, no-transform");
});
