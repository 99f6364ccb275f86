/**
 * DESIGN §13 "Evidence horizon" over HTTP: a program's `factsUntil` is set, audited and cleared
 * through PATCH; a malformed one is a 400 problem that writes nothing; readiness, claims and a claim's ClaimReview say
 * whether asOf is past it, and a weekly report's stamp whether its cutoff is. Each test imports its own program; the demo is only read.
 */
import { expect, test, type APIResponse } from "@playwright/test";
import { smallBundle } from "../support/small-bundle";
import { call } from "../support/api-client";

const PROBLEM = "application/problem+json";
const run = `${Date.now().toString(36)}${process.pid.toString(36)}`;

async function json(res: APIResponse, status: number) {
  const text = await res.text();
  expect(res.status(), `${res.url()} → ${text.slice(0, 500)}`).toBe(status);
  return JSON.parse(text);
}

test("the demo's readiness is illustrative today and not at its horizon, 2024-12-31", async ({ request }) => {
  const today = await json(await call(request, "viewer", "GET", "/api/programs/boost-offload/readiness"), 200);
  expect(today).toMatchObject({ factsUntil: "2024-12-31", illustrative: true });
  const atHorizon = await json(await call(request, "viewer", "GET", "/api/programs/boost-offload/readiness?asOf=2024-12-31"), 200);
  expect(atHorizon).toMatchObject({ factsUntil: "2024-12-31", illustrative: false });

  const claims = await json(await call(request, "viewer", "GET", "/api/programs/boost-offload/claims?asOf=2024-12-31"), 200);
  for (const c of claims) expect(c).toMatchObject({ factsUntil: "2024-12-31", illustrativeAsOf: false, illustrativeAtClaimDate: c.date > "2024-12-31" });
  const csv = await (await call(request, "viewer", "GET", "/api/programs/boost-offload/claims.csv")).text();
  expect(csv.split("\r\n")[0]).toContain("illustrativeAsOf");
});

test("a weekly report past the horizon says so in its stamp, in Markdown, CSV and JSON; 2024-W52 does not", async ({ request }) => {
  const STATEMENT = "Illustrative: this week lies past the program's evidence horizon, 2024-12-31; its figures are not evidence";
  const file = async (name: string) => {
    const res = await call(request, "viewer", "GET", `/api/programs/boost-offload/reports/${name}`);
    expect(res.status(), name).toBe(200);
    return res.text();
  };
  const md = (await file("2025-W10.md")).split("\n");
  expect(md[0]).toMatch(/^> \*\*Draft generated on .* — not published\. Illustrative: this week lies past the program's evidence horizon, 2024-12-31; its figures are not evidence\*\*$/);
  // The footer's stamp line says it too, and the sealed footer stays the last line.
  expect(md.at(-4)).toContain(`. ${STATEMENT}** The stamp lines`);
  expect(md.at(-2)).toMatch(/^<!-- offload-tracker-report v1 program=boost-offload week=2025-W10 /);
  const csv = (await file("2025-W10.csv")).trim().split("\r\n");
  expect(csv[0]!.endsWith(",version,stamp")).toBe(true);
  expect(csv).toHaveLength(65);
  // The stamp is the last cell, quoted (it holds commas).
  for (const row of csv.slice(1)) expect(row.endsWith(`. ${STATEMENT}"`)).toBe(true);
  const doc = JSON.parse(await file("2025-W10.json"));
  expect(doc.stamp).toMatchObject({ version: "draft", illustrative: { factsUntil: "2024-12-31" } });
  expect(doc.stamp.text.endsWith(`. ${STATEMENT}`)).toBe(true);

  for (const name of ["2024-W52.md", "2024-W52.csv", "2024-W52.json"]) expect(await file(name), name).not.toContain("llustrative");
  expect(JSON.parse(await file("2024-W52.json")).stamp).not.toHaveProperty("illustrative");
});

test("the ClaimReview JSON-LD says when a claim's verdict rests on records past the horizon", async ({ request }) => {
  const claims = (await json(await call(request, "viewer", "GET", "/api/programs/boost-offload/claims"), 200)) as { id: string; date: string }[];
  const before = claims.find((c) => c.date <= "2024-12-31")!;
  const after = claims.find((c) => c.date > "2024-12-31")!;
  expect(before && after).toBeTruthy();
  const review = async (id: string) => {
    const res = await call(request, "viewer", "GET", `/api/programs/boost-offload/claims/${id}/claimreview`);
    expect(res.headers()["content-type"]).toContain("application/ld+json");
    return json(res, 200);
  };
  const past = await review(after.id);
  expect(past).toMatchObject({ "@type": "ClaimReview", factsUntil: "2024-12-31", illustrative: true });
  expect(past.reviewRating.ratingExplanation).toContain("Illustrative:");
  expect(past.reviewRating.ratingExplanation).toContain("invented continuation, not fact");
  const real = await review(before.id);
  expect(real).toMatchObject({ factsUntil: "2024-12-31", illustrative: false });
  expect(real.reviewRating.ratingExplanation).not.toContain("llustrative");

  // A program without a horizon: never illustrative.
  const slug = `horizon-review-${run}`;
  const bundle = smallBundle(slug);
  await json(
    await call(request, "admin", "POST", "/api/programs/import", {
      ...bundle,
      claims: [{ id: "c1", date: "2025-01-15", speaker: "S", quote: "Q", url: "https://example.com/", links: [{ item: "A", requires: "done" }] }],
    }),
    201,
  );
  const own = await json(await call(request, "viewer", "GET", `/api/programs/${slug}/claims/c1/claimreview`), 200);
  expect(own).toMatchObject({ factsUntil: null, illustrative: false });
});

test("factsUntil is set, logged and cleared through PATCH; readiness follows", async ({ request }) => {
  const slug = `horizon-set-${run}`;
  await json(await call(request, "admin", "POST", "/api/programs/import", smallBundle(slug)), 201);
  expect(await json(await call(request, "viewer", "GET", `/api/programs/${slug}`), 200)).toMatchObject({ factsUntil: null, version: 1 });
  expect(await json(await call(request, "viewer", "GET", `/api/programs/${slug}/readiness`), 200)).toMatchObject({ factsUntil: null, illustrative: false });

  await json(await call(request, "admin", "PATCH", `/api/programs/${slug}`, { factsUntil: "2024-06-30", version: 1 }), 200);
  expect(await json(await call(request, "viewer", "GET", `/api/programs/${slug}`), 200)).toMatchObject({ factsUntil: "2024-06-30", version: 2 });
  expect(await json(await call(request, "viewer", "GET", `/api/programs/${slug}/readiness`), 200)).toMatchObject({ illustrative: true });
  expect(await json(await call(request, "viewer", "GET", `/api/programs/${slug}/readiness?asOf=2024-06-30`), 200)).toMatchObject({ illustrative: false });
  const items = await (await call(request, "viewer", "GET", `/api/programs/${slug}/items.csv`)).text();
  expect(items.split("\r\n")[0]!.endsWith(",illustrative")).toBe(true);
  expect(items.split("\r\n")[1]!.endsWith(",true")).toBe(true);
  const listed = await json(await call(request, "viewer", "GET", `/api/programs/${slug}/items`), 200);
  expect(listed.length).toBeGreaterThan(0);
  for (const i of listed) expect(i).toMatchObject({ illustrative: true });
  const atHorizon = await json(await call(request, "viewer", "GET", `/api/programs/${slug}/items?asOf=2024-06-30`), 200);
  for (const i of atHorizon) expect(i).toMatchObject({ illustrative: false });

  const log = await json(await call(request, "admin", "GET", `/api/audit/log?program=${slug}&limit=1`), 200);
  expect(log[0]).toMatchObject({ action: "update", entity: "program", payload: { factsUntil: "2024-06-30", version: 2 } });

  await json(await call(request, "admin", "PATCH", `/api/programs/${slug}`, { factsUntil: null, version: 2 }), 200);
  expect(await json(await call(request, "viewer", "GET", `/api/programs/${slug}/readiness`), 200)).toMatchObject({ factsUntil: null, illustrative: false });
});

test("a factsUntil that is not a date is a 400 problem naming the field, and nothing is written", async ({ request }) => {
  const slug = `horizon-bad-${run}`;
  await json(await call(request, "admin", "POST", "/api/programs/import", smallBundle(slug)), 201);
  const logBefore = await json(await call(request, "admin", "GET", `/api/audit/log?program=${slug}&limit=1`), 200);
  for (const factsUntil of ["2024-13-45", "end of 2024", "0001-01-01", 20241231]) {
    const res = await call(request, "admin", "PATCH", `/api/programs/${slug}`, { factsUntil, name: "Renamed", version: 1 });
    expect(res.status(), String(factsUntil)).toBe(400);
    expect(res.headers()["content-type"]).toContain(PROBLEM);
    expect(JSON.stringify(await res.json())).toContain("factsUntil");
  }
  expect(await json(await call(request, "viewer", "GET", `/api/programs/${slug}`), 200)).toMatchObject({ name: `Program ${slug}`, factsUntil: null, version: 1 });
  const logAfter = await json(await call(request, "admin", "GET", `/api/audit/log?program=${slug}&limit=1`), 200);
  expect(logAfter[0].seq).toBe(logBefore[0].seq);
});
