/**
 * Adding an item to a program, black-box over HTTP: an admin adds it to a program made through the
 * API (which import cannot extend), it reads as not started everywhere, its dependencies go on
 * afterwards; a taken key, an unknown owner, a date to come or a role below admin is refused in
 * words, and nothing is written.
 */
import { expect, test } from "@playwright/test";
import { call } from "../support/api-client";
import { chainIntact, expectProblem, nothingWritten } from "../support/api-answers";
import { TEST_ACCOUNTS } from "../support/test-accounts";

const slug = `added-items-${Date.now()}`;

test.beforeAll(async ({ request }) => {
  const made = await call(request, "admin", "POST", "/api/programs", { slug, name: "Added items", targetDate: "2027-06-30" });
  expect(made.status()).toBe(201);
});

test("an admin adds items to a program made in the tracker; each reads as not started, and a dependency joins them", async ({ request }) => {
  const first = await call(request, "admin", "POST", `/api/programs/${slug}/items`, {
    key: "KV-01",
    title: "Key-value store",
    area: "Foundations",
    owner: TEST_ACCOUNTS.contributor.email.toUpperCase(),
    team: "Node Services",
    estimateWeeks: 8,
    identifiedAt: "2026-01-05",
    targetDate: "2027-03-31",
  });
  expect(first.status(), await first.text()).toBe(201);
  expect(await first.json()).toEqual({ key: "KV-01", version: 1 });
  expect(first.headers()["location"]).toBe(`/api/programs/${slug}/items/KV-01`);
  const second = await call(request, "admin", "POST", `/api/programs/${slug}/items`, { key: "VM-01", title: "VM lifecycle on the card", area: "VM lifecycle", estimateWeeks: 5 });
  expect(second.status(), await second.text()).toBe(201);

  const item = await (await call(request, "viewer", "GET", `/api/programs/${slug}/items/KV-01`)).json();
  expect(item).toMatchObject({ key: "KV-01", title: "Key-value store", area: "Foundations", team: "Node Services", estimateWeeks: 8, trueStatus: "not_started", reportedStatus: "not_started", version: 1 });
  const listed = await call(request, "viewer", "GET", `/api/programs/${slug}/items`);
  expect(listed.headers()["x-total-count"]).toBe("2");
  const readiness = await (await call(request, "viewer", "GET", `/api/programs/${slug}/readiness`)).json();
  expect(readiness.total).toBe(2);
  // Identified today unless told: the bundle says so.
  const bundle = await (await call(request, "admin", "GET", `/api/programs/${slug}/bundle`)).json();
  const vm = bundle.items.find((i: { key: string }) => i.key === "VM-01");
  expect(vm).toMatchObject({ owner: null, team: "", identifiedAt: new Date().toISOString().slice(0, 10), dependsOn: [] });
  expect(bundle.items.find((i: { key: string }) => i.key === "KV-01")).toMatchObject({ owner: TEST_ACCOUNTS.contributor.email, targetDate: "2027-03-31" });

  expect((await call(request, "contributor", "POST", `/api/programs/${slug}/items/VM-01/dependencies`, { dependsOn: "KV-01" })).status()).toBe(201);
  const vmRead = await (await call(request, "viewer", "GET", `/api/programs/${slug}/items/VM-01`)).json();
  expect(vmRead.dependsOn.map((d: { key: string } | string) => (typeof d === "string" ? d : d.key))).toEqual(["KV-01"]);
  await chainIntact(request);
});

test("a taken key, an unknown or disabled owner, a date to come, an empty title or a role below admin is refused, and nothing is written", async ({ request }) => {
  const add = (who: "admin" | "contributor" | "anonymous", body: unknown) => call(request, who, "POST", `/api/programs/${slug}/items`, body);
  const valid = { key: "NEW-1", title: "New", area: "Storage", estimateWeeks: 2 };
  await nothingWritten(async () => {
    await expectProblem(await add("admin", { ...valid, key: "KV-01" }), 409, `${slug} already has an item KV-01: choose another key`);
    const owner = await expectProblem(await add("admin", { ...valid, owner: "nobody@nowhere.example" }), 400);
    expect(owner.errors).toEqual([{ path: "owner", message: "no account nobody@nowhere.example" }]);
    const future = await expectProblem(await add("admin", { ...valid, identifiedAt: "2999-01-01" }), 400);
    expect(future.errors?.map((e) => e.path)).toContain("identifiedAt");
    const empty = await expectProblem(await add("admin", { ...valid, title: "  ", estimateWeeks: 0, key: "bad key" }), 400);
    expect(empty.errors?.map((e) => e.path).sort()).toEqual(["estimateWeeks", "key", "title"]);
    await expectProblem(await add("admin", { ...valid, version: 3 }), 400);
    await expectProblem(await add("contributor", valid), 403, "this needs the admin role");
    await expectProblem(await add("anonymous", valid), 401);
    await expectProblem(await call(request, "admin", "POST", "/api/programs/no-such-program/items", valid), 404);
  }, "refused item");
});
