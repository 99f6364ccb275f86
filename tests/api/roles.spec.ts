import { expect, test, type APIRequestContext } from "@playwright/test";
import { smallBundle } from "../support/small-bundle";
import { call, type Caller } from "../support/api-client";

const CALLERS: Caller[] = ["anonymous", "viewer", "contributor", "reviewer", "admin"];
const RANK: Record<Caller, number> = { anonymous: -1, viewer: 0, contributor: 1, reviewer: 2, admin: 3 };
const expected = (who: Caller, needs: Caller, success: number) =>
  who === "anonymous" ? 401 : RANK[who] >= RANK[needs] ? success : 403;

let n = 0;
async function freshProgram(request: APIRequestContext) {
  const slug = `roles-${Date.now()}-${++n}`;
  const res = await call(request, "admin", "POST", "/api/programs/import", smallBundle(slug));
  expect(res.status()).toBe(201);
  return slug;
}

test("reads need credentials; every role may read", async ({ request }) => {
  const slug = await freshProgram(request);
  for (const path of ["/api/programs", `/api/programs/${slug}/items`, "/api/audit/verify", "/api/audit/log?limit=1"]) {
    for (const who of CALLERS) {
      const res = await call(request, who, "GET", path);
      expect(res.status(), `${who} GET ${path}`).toBe(expected(who, "viewer", 200));
      if (res.status() === 401) {
        expect(res.headers()["content-type"]).toContain("application/problem+json");
        expect((await res.json()).status).toBe(401);
      }
    }
  }
});

test("the program bundle names everyone by e-mail: admins only", async ({ request }) => {
  const slug = await freshProgram(request);
  for (const who of CALLERS) {
    const res = await call(request, who, "GET", `/api/programs/${slug}/bundle`);
    expect(res.status(), `${who} GET bundle`).toBe(expected(who, "admin", 200));
  }
});

test("import needs admin", async ({ request }) => {
  for (const who of CALLERS) {
    const res = await call(request, who, "POST", "/api/programs/import", smallBundle(`import-${who}-${Date.now()}`));
    expect(res.status(), who).toBe(expected(who, "admin", 201));
    if (res.status() === 403) expect((await res.json()).detail).toContain("needs the admin role");
  }
});

test("reporting a transition needs contributor or more", async ({ request }) => {
  const slug = await freshProgram(request);
  for (const who of CALLERS) {
    const res = await call(request, who, "POST", `/api/programs/${slug}/items/A/transitions`, { to: "design", note: who });
    expect(res.status(), who).toBe(expected(who, "contributor", 201));
  }
});

test("verifying needs reviewer or more", async ({ request }) => {
  const slug = await freshProgram(request);
  for (const who of CALLERS) {
    const reported = await call(request, "contributor", "POST", `/api/programs/${slug}/items/B/transitions`, { to: "design" });
    const { id } = await reported.json();
    const res = await call(request, who, "POST", `/api/programs/${slug}/transitions/${id}/verify`, {});
    expect(res.status(), who).toBe(expected(who, "reviewer", 201));
  }
});

test("adding and removing a dependency need contributor or more", async ({ request }) => {
  const slug = await freshProgram(request);
  for (const who of CALLERS) {
    const added = await call(request, who, "POST", `/api/programs/${slug}/items/D/dependencies`, { dependsOn: "A" });
    expect(added.status(), `${who} add`).toBe(expected(who, "contributor", 201));
    if (added.status() !== 201) await call(request, "contributor", "POST", `/api/programs/${slug}/items/D/dependencies`, { dependsOn: "A" });
    const removed = await call(request, who, "DELETE", `/api/programs/${slug}/items/D/dependencies/A`);
    expect(removed.status(), `${who} remove`).toBe(expected(who, "contributor", 204));
    if (removed.status() !== 204) await call(request, "contributor", "DELETE", `/api/programs/${slug}/items/D/dependencies/A`);
  }
});

test("an unknown bearer token is a 401 problem, not a session fallback", async ({ request }) => {
  const res = await request.get("/api/programs", { headers: { authorization: "Bearer bot_nonsense" } });
  expect(res.status()).toBe(401);
  expect(res.headers()["www-authenticate"]).toContain("Bearer");
});

test("four eyes: a reviewer cannot verify their own transition nor one on an item they own", async ({ request }) => {
  const slug = await freshProgram(request);
  const own = await (await call(request, "reviewer", "POST", `/api/programs/${slug}/items/A/transitions`, { to: "design" })).json();
  const selfCheck = await call(request, "reviewer", "POST", `/api/programs/${slug}/transitions/${own.id}/verify`, {});
  expect(selfCheck.status()).toBe(422);
  expect((await selfCheck.json()).detail).toBe("four eyes: reviewer@test.example reported this transition and cannot also verify it");

  const onOwned = await (await call(request, "contributor", "POST", `/api/programs/${slug}/items/D/transitions`, { to: "design" })).json();
  const ownerCheck = await call(request, "reviewer", "POST", `/api/programs/${slug}/transitions/${onOwned.id}/verify`, {});
  expect(ownerCheck.status()).toBe(422);
  expect((await ownerCheck.json()).detail).toBe("four eyes: reviewer@test.example owns this item and cannot verify its transitions");

  const byAdmin = await call(request, "admin", "POST", `/api/programs/${slug}/transitions/${onOwned.id}/verify`, {});
  expect(byAdmin.status()).toBe(201);
});

test("every write is in the log under the acting account", async ({ request }) => {
  const slug = await freshProgram(request);
  const t = await (await call(request, "contributor", "POST", `/api/programs/${slug}/items/A/transitions`, { to: "design" })).json();
  await call(request, "reviewer", "POST", `/api/programs/${slug}/transitions/${t.id}/verify`, {});
  await call(request, "contributor", "POST", `/api/programs/${slug}/items/D/dependencies`, { dependsOn: "C" });
  const entries = await (await call(request, "admin", "GET", `/api/audit/log?program=${slug}&limit=3`)).json();
  expect(entries.map((e: { actor: string; action: string; entity: string }) => [e.actor, e.action, e.entity])).toEqual([
    ["contributor@test.example", "add", "dependency"],
    ["reviewer@test.example", "verify", "transition"],
    ["contributor@test.example", "create", "transition"],
  ]);
  // A viewer reads the same history with people named, not e-mailed.
  const named = await (await call(request, "viewer", "GET", `/api/audit/log?program=${slug}&limit=3`)).json();
  expect(named.map((e: { actor: string }) => e.actor)).toEqual(["Carl Contributor", "Rita Reviewer", "Carl Contributor"]);
  const verdict = await (await call(request, "viewer", "GET", "/api/audit/verify")).json();
  expect(verdict).toMatchObject({ ok: true, firstBad: null });
});
