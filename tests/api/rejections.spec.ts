/**
 * DESIGN §13 "rejection" over HTTP: POST /api/programs/{slug}/items/{key}/transitions/{id}/reject
 * with `{reason}`. Roles, 404s, invalid bodies, four eyes, one decision per transition — each a
 * problem+json with nothing written (a digest of every table before and after) — then what a
 * rejection changes (history, status, knownAt), the hash chain, and the bundle round trip.
 * The small bundle's A, B, C are owned by the contributor account, D by the reviewer account.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import { chainIntact, expectProblem, nothingWritten } from "../support/api-answers";
import { authHeaders, call, type Caller } from "../support/api-client";
import { importSmallProgram } from "../support/programs";
import { TEST_ACCOUNTS } from "../support/test-accounts";

const DESIGN_DOC = { kind: "design_doc", url: "https://dev.example.com/design/A", summary: "design of A" };

async function report(request: APIRequestContext, slug: string, key: string, body: object = { to: "build", evidence: [DESIGN_DOC] }, who: Caller = "contributor") {
  const res = await call(request, who, "POST", `/api/programs/${slug}/items/${key}/transitions`, body);
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: number; recordedAt: string };
}

const rejectPath = (slug: string, key: string, id: number | string) => `/api/programs/${slug}/items/${key}/transitions/${id}/reject`;
const reject = (request: APIRequestContext, slug: string, key: string, id: number | string, body: unknown, who: Caller = "reviewer") =>
  call(request, who, "POST", rejectPath(slug, key, id), body);

test("only a reviewer (or an admin) may reject: 401 without credentials, 403 for viewers and contributors, nothing written", async ({ request }) => {
  const slug = await importSmallProgram(request, "rej-roles");
  const t = await report(request, slug, "A");
  await nothingWritten(async () => {
    await expectProblem(await reject(request, slug, "A", t.id, { reason: "no" }, "anonymous"), 401);
    await expectProblem(await reject(request, slug, "A", t.id, { reason: "no" }, "viewer"), 403);
    await expectProblem(await reject(request, slug, "A", t.id, { reason: "no" }, "contributor"), 403);
  });
  const res = await reject(request, slug, "A", t.id, { reason: "  the design doc link is a draft  " });
  expect(res.status(), await res.text()).toBe(201);
  expect(await res.json()).toMatchObject({
    transition: t.id,
    item: "A",
    to: "build",
    rejectedBy: TEST_ACCOUNTS.reviewer.email,
    reason: "the design doc link is a draft",
  });
  const other = await report(request, slug, "B");
  expect((await reject(request, slug, "B", other.id, { reason: "no test plan" }, "admin")).status()).toBe(201);
  await chainIntact(request);
});

test("unknown program, item or transition, and a transition of another item: 404 problem+json, nothing written", async ({ request }) => {
  const slug = await importSmallProgram(request, "rej-404");
  const t = await report(request, slug, "A");
  await nothingWritten(async () => {
    await expectProblem(await reject(request, "no-such-program", "A", t.id, { reason: "r" }), 404);
    await expectProblem(await reject(request, slug, "NO-SUCH", t.id, { reason: "r" }), 404);
    await expectProblem(await reject(request, slug, "B", t.id, { reason: "r" }), 404, `no transition #${t.id} of item "B"`);
    await expectProblem(await reject(request, slug, "A", 99_999_999, { reason: "r" }), 404);
    for (const id of ["abc", "0", "-1", "1.5", "1e3"]) await expectProblem(await reject(request, slug, "A", id, { reason: "r" }), 404);
  });
});

test("a rejection needs a reason: a missing, blank or non-text reason and a malformed body are 400 naming the field, nothing written", async ({ request }) => {
  const slug = await importSmallProgram(request, "rej-400");
  const t = await report(request, slug, "A");
  await nothingWritten(async () => {
    for (const body of [{}, { reason: "" }, { reason: "   " }, { reason: 7 }, { reason: null }, { note: "a note is not a reason" }]) {
      const problem = await expectProblem(await reject(request, slug, "A", t.id, body), 400, "invalid rejection");
      expect(problem.errors?.map((e) => e.path)).toEqual(["reason"]);
      expect(problem.errors?.[0]?.message).toContain("must say why the transition is rejected");
    }
    await expectProblem(await reject(request, slug, "A", t.id, { reason: "x".repeat(5001) }), 400);
    const raw = await request.post(rejectPath(slug, "A", t.id), {
      headers: { ...authHeaders("reviewer"), "content-type": "application/json" },
      data: Buffer.from("{not json"),
    });
    await expectProblem(raw, 400, "not valid JSON");
  });
});

test("four eyes, the same rule as verifying: the reporter and the item's owner are refused (422), nothing written", async ({ request }) => {
  const slug = await importSmallProgram(request, "rej-eyes");
  const onD = await report(request, slug, "D", { to: "design" }); // D is the reviewer's
  const byAdmin = await report(request, slug, "A", { to: "design" }, "admin");
  await nothingWritten(async () => {
    const owner = await expectProblem(await reject(request, slug, "D", onD.id, { reason: "r" }), 422);
    expect(owner.detail).toBe(`four eyes: ${TEST_ACCOUNTS.reviewer.email} owns this item and cannot reject its transitions`);
    expect(owner.errors).toEqual([{ path: "rejectedBy", message: owner.detail }]);
    // The verify endpoint says the same of the same person, in its own words.
    const verify = await call(request, "reviewer", "POST", `/api/programs/${slug}/transitions/${onD.id}/verify`, {});
    expect((await expectProblem(verify, 422)).detail).toBe(`four eyes: ${TEST_ACCOUNTS.reviewer.email} owns this item and cannot verify its transitions`);
    const own = await expectProblem(await reject(request, slug, "A", byAdmin.id, { reason: "r" }, "admin"), 422);
    expect(own.detail).toBe(`four eyes: ${TEST_ACCOUNTS.admin.email} reported this transition and cannot also reject it`);
  });
});

test("one decision per transition: reject twice, verify a rejected one, reject a verified one — 409 with a clear detail, nothing written", async ({ request }) => {
  const slug = await importSmallProgram(request, "rej-409");
  const rejected = await report(request, slug, "A");
  expect((await reject(request, slug, "A", rejected.id, { reason: "draft" })).status()).toBe(201);
  const verified = await report(request, slug, "B");
  expect((await call(request, "reviewer", "POST", `/api/programs/${slug}/transitions/${verified.id}/verify`, { note: "ok" })).status()).toBe(201);
  await nothingWritten(async () => {
    await expectProblem(await reject(request, slug, "A", rejected.id, { reason: "again" }, "admin"), 409, `transition #${rejected.id} is already rejected (by ${TEST_ACCOUNTS.reviewer.name} on`);
    await expectProblem(
      await call(request, "admin", "POST", `/api/programs/${slug}/transitions/${rejected.id}/verify`, {}),
      409,
      "a rejected transition cannot be verified; report it again with new evidence",
    );
    await expectProblem(await reject(request, slug, "B", verified.id, { reason: "too late" }, "admin"), 409, "a verified transition cannot be rejected");
  });
  await chainIntact(request);
});

test("after a rejection: reported status unchanged, true status not raised, the rejection on the item (not before it was known), in the log", async ({ request }) => {
  const slug = await importSmallProgram(request, "rej-view");
  const t = await report(request, slug, "A");
  const res = await reject(request, slug, "A", t.id, { reason: "the design doc is a draft" });
  const rejection = await res.json();
  const item = await (await call(request, "viewer", "GET", `/api/programs/${slug}/items/A`)).json();
  expect(item).toMatchObject({ reportedStatus: "build", trueStatus: "not_started" });
  expect(item.history[0].rejection).toEqual({
    by: TEST_ACCOUNTS.reviewer.name,
    byName: TEST_ACCOUNTS.reviewer.name,
    rejectedAt: rejection.rejectedAt,
    recordedAt: rejection.rejectedAt,
    reason: "the design doc is a draft",
  });
  expect(item.reportedRejection).toEqual(item.history[0].rejection);
  const list = await (await call(request, "viewer", "GET", `/api/programs/${slug}/items`)).json();
  expect(list.find((i: { key: string }) => i.key === "A")).toMatchObject({ reportedStatus: "build", trueStatus: "not_started", inflated: true });
  // Known at the moment the transition was recorded (before the rejection): no rejection yet.
  const then = await (await call(request, "viewer", "GET", `/api/programs/${slug}/items/A?knownAt=${encodeURIComponent(t.recordedAt)}`)).json();
  expect(then.history[0].rejection).toBeNull();
  expect(then.reportedRejection).toBeNull();
  const log = await (await call(request, "viewer", "GET", `/api/audit/log?program=${slug}&limit=5`)).json();
  expect(log[0]).toMatchObject({ action: "reject", entity: "transition", entityId: String(t.id), payload: { reason: "the design doc is a draft" } });
  await chainIntact(request);
});

test("reported again with new evidence and verified with a note by a second reviewer; export → import gives the same program", async ({ request }) => {
  const slug = await importSmallProgram(request, "rej-trip");
  const first = await report(request, slug, "A");
  expect((await reject(request, slug, "A", first.id, { reason: "the design doc is a draft" })).status()).toBe(201);
  // The rejected transition's design doc no longer counts.
  const bare = await call(request, "contributor", "POST", `/api/programs/${slug}/items/A/transitions`, { to: "build" });
  expect((await expectProblem(bare, 422, "lacks a design_doc")).detail).toContain("evidence on a rejected transition no longer counts");
  const again = await report(request, slug, "A", { to: "build", evidence: [{ ...DESIGN_DOC, url: "https://dev.example.com/design/A-v2" }] });
  const verified = await call(request, "admin", "POST", `/api/programs/${slug}/transitions/${again.id}/verify`, { note: "final design reviewed" });
  expect(verified.status()).toBe(201);
  const item = await (await call(request, "viewer", "GET", `/api/programs/${slug}/items/A`)).json();
  expect(item).toMatchObject({ reportedStatus: "build", trueStatus: "build", reportedRejection: null });
  expect(item.history.map((h: { id: number; rejection: { reason: string } | null; verification: { note: string } | null }) => [h.id, h.rejection?.reason ?? null, h.verification?.note ?? null])).toEqual([
    [first.id, "the design doc is a draft", null],
    [again.id, null, "final design reviewed"],
  ]);

  const exported = await (await call(request, "admin", "GET", `/api/programs/${slug}/bundle`)).json();
  expect(exported.format).toBe("offload-tracker/v1");
  expect(exported.transitions[0]).toMatchObject({ rejectedBy: TEST_ACCOUNTS.reviewer.email, rejectionReason: "the design doc is a draft", verifiedBy: null });
  expect(exported.transitions[1]).toMatchObject({ verifiedBy: TEST_ACCOUNTS.admin.email, verificationNote: "final design reviewed" });
  expect(exported.transitions[1]).not.toHaveProperty("rejectedBy");
  const copy = `${slug}-copy`;
  const imported = await call(request, "admin", "POST", "/api/programs/import", { ...exported, program: { ...exported.program, slug: copy } });
  expect(imported.status(), await imported.text()).toBe(201);
  expect((await imported.json()).counts).toMatchObject({ transitions: 2, verifications: 1, rejections: 1 });
  const back = await (await call(request, "admin", "GET", `/api/programs/${copy}/bundle`)).json();
  expect({ ...back, program: { ...back.program, slug } }).toEqual(exported);
  const copied = await (await call(request, "viewer", "GET", `/api/programs/${copy}/items/A`)).json();
  expect(copied.history[0].rejection).toMatchObject({ by: TEST_ACCOUNTS.reviewer.name, reason: "the design doc is a draft" });
  // An admin reads who acted by e-mail; a viewer by name only.
  const asAdmin = await (await call(request, "admin", "GET", `/api/programs/${copy}/items/A`)).json();
  expect(asAdmin.history[0]).toMatchObject({ by: TEST_ACCOUNTS.contributor.email, rejection: { by: TEST_ACCOUNTS.reviewer.email } });
  expect(JSON.stringify(copied.history)).not.toMatch(/[\w.-]+@[\w-]+\.[\w.]+/);
  await chainIntact(request);
});

test("the OpenAPI document describes the reject endpoint with its body", async ({ request }) => {
  const doc = await (await request.get("/api/openapi.json")).json();
  const op = doc.paths["/api/programs/{slug}/items/{key}/transitions/{id}/reject"].post;
  expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(["slug", "key", "id"]);
  expect(op.requestBody.content["application/json"].schema.required).toEqual(["reason"]);
  expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(["201", "400", "401", "403", "404", "409", "422"]));
});
