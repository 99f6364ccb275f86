/**
 * GET /api/me/counts over HTTP: the header's numbers for whoever asks, counted as a page load
 * counts them (db/queries/count-nav.ts). A report adds one to every reviewer's count but the
 * reporter's, and one to the reporter's My work; a viewer has no reviewer's count; without
 * credentials a 401 problem; it writes nothing and is never cached.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectProblem, nothingWritten } from "../support/api-answers";
import { call, type Caller } from "../support/api-client";
import { importSmallProgram } from "../support/programs";

interface Counts {
  myWorkNew: number;
  reviewable: number | null;
  countedAt: string;
}

async function counts(request: APIRequestContext, who: Caller): Promise<Counts> {
  const res = await call(request, who, "GET", "/api/me/counts");
  expect(res.status(), await res.text()).toBe(200);
  expect(res.headers()["cache-control"]).toContain("no-store");
  const body = (await res.json()) as Counts;
  expect(Object.keys(body).sort()).toEqual(["countedAt", "myWorkNew", "reviewable"]);
  expect(new Date(body.countedAt).toISOString()).toBe(body.countedAt);
  return body;
}

test("a report moves the reviewer's count and the reporter's My work by one; a viewer has no reviewer's count", async ({ request }) => {
  const slug = await importSmallProgram(request, "me-counts");
  const before = { reviewer: await counts(request, "reviewer"), admin: await counts(request, "admin"), contributor: await counts(request, "contributor") };
  expect((await counts(request, "viewer")).reviewable).toBeNull();
  expect(before.contributor.reviewable).toBeNull();

  const res = await call(request, "contributor", "POST", `/api/programs/${slug}/items/A/transitions`, {
    to: "design",
    evidence: [{ kind: "design_doc", url: "https://docs.example.com/A", summary: "Design of A" }],
  });
  expect(res.status(), await res.text()).toBe(201);

  const after = { reviewer: await counts(request, "reviewer"), admin: await counts(request, "admin"), contributor: await counts(request, "contributor") };
  expect(after.reviewer.reviewable).toBe(before.reviewer.reviewable! + 1);
  expect(after.admin.reviewable).toBe(before.admin.reviewable! + 1);
  expect(after.contributor.myWorkNew).toBe(before.contributor.myWorkNew + 1);
  expect(Date.parse(after.reviewer.countedAt)).toBeGreaterThanOrEqual(Date.parse(before.reviewer.countedAt));
});

test("without credentials a 401 problem; asking writes nothing", async ({ request }) => {
  await nothingWritten(async () => {
    await expectProblem(await call(request, "anonymous", "GET", "/api/me/counts"), 401);
    await counts(request, "contributor");
  });
});

test("the OpenAPI document lists it", async ({ request }) => {
  const doc = await (await request.get("/api/openapi.json")).json();
  expect(Object.keys(doc.paths["/api/me/counts"])).toEqual(["get"]);
});
