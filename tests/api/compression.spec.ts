/**
 * Next.js compresses answers for clients that accept gzip; HTTP_COMPRESSION=off leaves that to a
 * reverse proxy in front, and every answer goes out as it is. An answer under 1 KiB goes out as it
 * is either way: gzip would save nothing and cost the server turns of its event loop.
 */
import { expect, test } from "@playwright/test";
import { tokenFor } from "../support/api-client";
import { ownPort, OwnServer } from "../support/own-server";

/** The readiness answer as a gzip-accepting client gets it (fetch decodes the body, the header stays). */
async function readiness(baseURL: string, token: string) {
  const r = await fetch(`${baseURL}/api/programs/boost-offload/readiness`, { headers: { authorization: `Bearer ${token}`, "accept-encoding": "gzip" } });
  return { status: r.status, encoding: r.headers.get("content-encoding"), body: (await r.json()) as { total: number } };
}

test("by default a client that accepts gzip gets the readiness answer gzipped", async ({ baseURL }) => {
  const answer = await readiness(baseURL!, tokenFor("viewer"));
  expect(answer).toMatchObject({ status: 200, encoding: "gzip", body: { total: 64 } });
});

test("a short answer goes out uncompressed, marked no-transform: health, a problem, a person's counts", async ({ baseURL }) => {
  const gzip = { "accept-encoding": "gzip" };
  const auth = { ...gzip, authorization: `Bearer ${tokenFor("viewer")}` };
  const answers = [
    await fetch(`${baseURL}/api/health`, { headers: gzip }),
    await fetch(`${baseURL}/api/programs/no-such-program/readiness`, { headers: auth }),
    await fetch(`${baseURL}/api/me/counts`, { headers: auth }),
  ];
  expect(answers.map((r) => [r.status, r.headers.get("content-encoding"), r.headers.get("cache-control")])).toEqual([
    [200, null, "no-transform"],
    [404, null, "no-transform"],
    [200, null, "no-store, no-transform"], // the route's own no-store is kept
  ]);
  expect(await answers[0]!.json()).toEqual({ ok: true });
  expect(answers[1]!.headers.get("content-type")).toBe("application/problem+json");
  expect(Object.keys((await answers[2]!.json()) as object).length).toBeGreaterThan(0);
});

test("with HTTP_COMPRESSION=off the same request gets the answer as it is", async () => {
  test.setTimeout(120_000);
  const server = await OwnServer.start({ port: ownPort(3129), env: { HTTP_COMPRESSION: "off" } });
  try {
    const answer = await readiness(server.baseURL, server.tokens().viewer);
    expect(answer).toMatchObject({ status: 200, encoding: null, body: { total: 64 } });
  } finally {
    await server.dispose();
  }
});
