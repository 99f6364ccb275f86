/**
 * DESIGN §13 comments over HTTP: GET/POST /api/programs/{slug}/items/{key}/comments and
 * …/claims/{id}/comments, GET/PATCH/DELETE /api/programs/{slug}/comments/{commentId}. Roles, 404s,
 * invalid bodies, author-only edits and deletions, stale versions — each a problem+json with nothing
 * written (a digest of every table before and after) — then mentions and links, what a deletion
 * leaves, the log as a viewer reads it, the hash chain, and the bundle round trip.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import type { CommentView } from "@/db/queries/comment-views";
import { chainIntact, expectProblem, nothingWritten } from "../support/api-answers";
import { authHeaders, call, type Caller } from "../support/api-client";
import { importSmallProgram } from "../support/programs";
import { TEST_ACCOUNTS } from "../support/test-accounts";

const itemComments = (slug: string, key = "A") => `/api/programs/${slug}/items/${key}/comments`;
const claimComments = (slug: string, id = "c1") => `/api/programs/${slug}/claims/${id}/comments`;
const one = (slug: string, id: number | string) => `/api/programs/${slug}/comments/${id}`;

async function post(request: APIRequestContext, path: string, body: string, who: Caller = "contributor"): Promise<CommentView> {
  const res = await call(request, who, "POST", path, { body });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as CommentView;
}

/** A small program with a claim "c1" on item A. */
async function programWithClaim(request: APIRequestContext, prefix: string): Promise<string> {
  const slug = await importSmallProgram(request, prefix);
  const claim = { id: "c1", date: "2024-03-01", speaker: "CTO", quote: "A is designed", url: "https://claims.example/1", links: [{ item: "A", requires: "design" }] };
  const res = await call(request, "admin", "POST", `/api/programs/${slug}/claims`, claim);
  expect(res.status(), await res.text()).toBe(201);
  return slug;
}

test("viewers read, contributors and up write: 401 without credentials, 403 for a viewer, nothing written", async ({ request }) => {
  const slug = await programWithClaim(request, "cmt-roles");
  await nothingWritten(async () => {
    for (const path of [itemComments(slug), claimComments(slug)]) {
      await expectProblem(await call(request, "anonymous", "POST", path, { body: "hello" }), 401);
      await expectProblem(await call(request, "viewer", "POST", path, { body: "hello" }), 403, "this needs the contributor role");
      await expectProblem(await call(request, "anonymous", "GET", path), 401);
    }
  });
  const byContributor = await post(request, itemComments(slug), "  Blocked on the storage design.  ");
  expect(byContributor).toMatchObject({
    program: slug,
    item: "A",
    claim: null,
    byName: TEST_ACCOUNTS.contributor.name,
    byHandle: "contributor",
    mine: true,
    body: "Blocked on the storage design.",
    editedAt: null,
    deletedAt: null,
    version: 1,
    link: `/programs/${slug}/items/A#comment-${byContributor.id}`,
  });
  await post(request, itemComments(slug), "Seen.", "reviewer");
  await post(request, claimComments(slug), "The claim was early.", "admin");
  const asViewer = (await (await call(request, "viewer", "GET", itemComments(slug))).json()) as CommentView[];
  expect(asViewer.map((c) => [c.byName, c.body, c.mine])).toEqual([
    [TEST_ACCOUNTS.contributor.name, "Blocked on the storage design.", false],
    [TEST_ACCOUNTS.reviewer.name, "Seen.", false],
  ]);
  // Viewers see people named, never e-mailed.
  expect(JSON.stringify(asViewer)).not.toContain("@test.example");
  const onClaim = (await (await call(request, "viewer", "GET", claimComments(slug))).json()) as CommentView[];
  expect(onClaim.map((c) => [c.claim, c.item, c.body])).toEqual([["c1", null, "The claim was early."]]);
  const single = await call(request, "viewer", "GET", one(slug, byContributor.id));
  expect(single.headers().etag).toBe('"1"');
  expect(await single.json()).toMatchObject({ id: byContributor.id, body: "Blocked on the storage design." });
  await chainIntact(request);
});

test("unknown program, item, claim or comment, and a comment of another program: 404 problem+json, nothing written", async ({ request }) => {
  const slug = await programWithClaim(request, "cmt-404");
  const other = await importSmallProgram(request, "cmt-404-other");
  const c = await post(request, itemComments(slug), "here");
  await nothingWritten(async () => {
    await expectProblem(await call(request, "contributor", "POST", itemComments("no-such-program"), { body: "x" }), 404, 'no program "no-such-program"');
    await expectProblem(await call(request, "contributor", "POST", itemComments(slug, "NO-SUCH"), { body: "x" }), 404, `no item "NO-SUCH" in program "${slug}"`);
    await expectProblem(await call(request, "contributor", "POST", claimComments(slug, "no-such-claim"), { body: "x" }), 404, `no claim "no-such-claim"`);
    await expectProblem(await call(request, "viewer", "GET", itemComments(slug, "NO-SUCH")), 404);
    await expectProblem(await call(request, "viewer", "GET", claimComments(other)), 404);
    await expectProblem(await call(request, "viewer", "GET", one(other, c.id)), 404, `no comment #${c.id} in program "${other}"`);
    await expectProblem(await call(request, "contributor", "PATCH", one(other, c.id), { body: "x", version: 1 }), 404);
    await expectProblem(await call(request, "contributor", "DELETE", one(other, c.id)), 404);
    for (const id of ["abc", "0", "-1", "1.5", "1e3", "99999999"]) {
      await expectProblem(await call(request, "viewer", "GET", one(slug, id)), 404);
      await expectProblem(await call(request, "contributor", "PATCH", one(slug, id), { body: "x", version: 1 }), 404);
      await expectProblem(await call(request, "contributor", "DELETE", one(slug, id)), 404);
    }
  });
});

test("a comment needs text: missing, blank, non-text, too long or malformed bodies are 400 naming the field, nothing written", async ({ request }) => {
  const slug = await programWithClaim(request, "cmt-400");
  const c = await post(request, itemComments(slug), "fine");
  await nothingWritten(async () => {
    for (const body of [{}, { body: "" }, { body: "   " }, { body: 7 }, { body: null }, { body: ["x"] }, { text: "the field is body" }, { body: "x".repeat(5001) }]) {
      for (const path of [itemComments(slug), claimComments(slug)]) {
        const problem = await expectProblem(await call(request, "contributor", "POST", path, body), 400, "invalid comment");
        expect(problem.errors?.map((e) => e.path)).toEqual(["body"]);
      }
      await expectProblem(await call(request, "contributor", "PATCH", one(slug, c.id), { ...body, version: 1 }), 400, "invalid comment");
    }
    const raw = await request.post(itemComments(slug), {
      headers: { ...authHeaders("contributor"), "content-type": "application/json" },
      data: Buffer.from("{not json"),
    });
    await expectProblem(raw, 400, "not valid JSON");
  });
});

test("only the author edits or deletes (403 for anyone else, an admin too); stale or missing versions and deleted comments are refused; nothing written", async ({ request }) => {
  const slug = await programWithClaim(request, "cmt-author");
  const c = await post(request, itemComments(slug), "first words");
  await nothingWritten(async () => {
    for (const who of ["reviewer", "admin"] as const) {
      await expectProblem(await call(request, who, "PATCH", one(slug, c.id), { body: "hijacked", version: 1 }), 403, `only its author (${TEST_ACCOUNTS.contributor.name}) may edit`);
      await expectProblem(await call(request, who, "DELETE", one(slug, c.id)), 403, "may delete");
    }
    await expectProblem(await call(request, "viewer", "PATCH", one(slug, c.id), { body: "x", version: 1 }), 403, "this needs the contributor role");
    await expectProblem(await call(request, "viewer", "DELETE", one(slug, c.id)), 403);
    await expectProblem(await call(request, "contributor", "PATCH", one(slug, c.id), { body: "no version" }), 400, "invalid comment #");
    await expectProblem(await call(request, "contributor", "PATCH", one(slug, c.id), { body: "stale", version: 2 }), 409, "was changed by someone else");
    const staleHeader = await request.fetch(one(slug, c.id), { method: "PATCH", headers: { ...authHeaders("contributor"), "if-match": '"7"' }, data: { body: "stale" } });
    await expectProblem(staleHeader, 409);
    await expectProblem(await request.fetch(one(slug, c.id), { method: "DELETE", headers: { ...authHeaders("contributor"), "if-match": '"7"' } }), 409);
  });

  // The ETag of a GET is the If-Match of an edit.
  const etag = (await call(request, "viewer", "GET", one(slug, c.id))).headers().etag!;
  const edited = await request.fetch(one(slug, c.id), { method: "PATCH", headers: { ...authHeaders("contributor"), "if-match": etag }, data: { body: "second words" } });
  expect(edited.status(), await edited.text()).toBe(200);
  expect(edited.headers().etag).toBe('"2"');
  const editedBody = (await edited.json()) as CommentView;
  expect(editedBody).toMatchObject({ body: "second words", version: 2 });
  expect(editedBody.editedAt).not.toBeNull();
  // The same text again writes nothing.
  await nothingWritten(async () => {
    const same = await call(request, "contributor", "PATCH", one(slug, c.id), { body: "second words", version: 2 });
    expect(same.status()).toBe(200);
    expect(await same.json()).toMatchObject({ version: 2 });
  });

  const deleted = await call(request, "contributor", "DELETE", one(slug, c.id));
  expect(deleted.status(), await deleted.text()).toBe(200);
  expect(await deleted.json()).toMatchObject({ id: c.id, body: null, mentions: [], version: 3, byName: TEST_ACCOUNTS.contributor.name });
  await nothingWritten(async () => {
    await expectProblem(await call(request, "contributor", "DELETE", one(slug, c.id)), 409, "cannot be deleted again");
    await expectProblem(await call(request, "contributor", "PATCH", one(slug, c.id), { body: "back", version: 3 }), 409, "cannot be edited");
  });
  await chainIntact(request);
});

test("mentions name readers by handle, links stay text in the API, and a deletion leaves a dated line without text — in the API and the viewer's log", async ({ request }) => {
  const slug = await programWithClaim(request, "cmt-mention");
  const body = "@priya.raman please read https://ci.example.com/run/7 — @reviewer too; @nobody and viewer@test.example are not mentions";
  const c = await post(request, itemComments(slug), body);
  expect(c.body).toBe(body);
  expect(c.mentions).toEqual([
    { handle: "priya.raman", name: "Priya Raman" }, // a demo person
    { handle: "reviewer", name: TEST_ACCOUNTS.reviewer.name },
  ]);
  const secret = await post(request, itemComments(slug), "@viewer the staging password is in https://vault.example/x");
  expect((await call(request, "contributor", "DELETE", one(slug, secret.id))).status()).toBe(200);
  const listed = (await (await call(request, "viewer", "GET", itemComments(slug))).json()) as CommentView[];
  expect(listed.map((x) => [x.id, x.body === null, x.deletedAt === null])).toEqual([
    [c.id, false, true],
    [secret.id, true, false],
  ]);
  expect(JSON.stringify(listed)).not.toContain("staging password");

  const viewerLog = await (await call(request, "viewer", "GET", `/api/audit/log?program=${slug}&limit=20`)).json();
  const entries = (viewerLog as { entity: string; entityId: string; action: string; payload: Record<string, unknown> }[]).filter((e) => e.entity === "comment");
  expect(entries.filter((e) => e.entityId === String(secret.id)).map((e) => e.action)).toEqual(["delete", "create"]);
  expect(JSON.stringify(entries)).not.toContain("staging password");
  expect(entries.find((e) => e.entityId === String(c.id))!.payload).toMatchObject({ body, mentions: ["Priya Raman", TEST_ACCOUNTS.reviewer.name] });
  // Admins read the log as written: the text stays there, the chain is never rewritten.
  const adminLog = await (await call(request, "admin", "GET", `/api/audit/log?program=${slug}&limit=20`)).json();
  expect(JSON.stringify(adminLog)).toContain("staging password");
  await chainIntact(request);
});

test("comments travel in the bundle (offload-tracker/v1): export → import under another slug → export is equal", async ({ request }) => {
  const slug = await programWithClaim(request, "cmt-trip");
  const a = await post(request, itemComments(slug), "@reviewer first");
  expect((await call(request, "contributor", "PATCH", one(slug, a.id), { body: "@reviewer first, edited", version: 1 })).status()).toBe(200);
  await post(request, claimComments(slug), "on the claim", "reviewer");
  const gone = await post(request, itemComments(slug, "B"), "to delete");
  expect((await call(request, "contributor", "DELETE", one(slug, gone.id))).status()).toBe(200);

  const exported = await (await call(request, "admin", "GET", `/api/programs/${slug}/bundle`)).json();
  expect(exported.format).toBe("offload-tracker/v1");
  expect(exported.comments).toHaveLength(3);
  expect(exported.comments[0]).toMatchObject({ item: "A", by: TEST_ACCOUNTS.contributor.email, body: "@reviewer first, edited" });
  expect(exported.comments[0].editedAt).toEqual(expect.any(String));
  expect(exported.comments[1]).toMatchObject({ claim: "c1", by: TEST_ACCOUNTS.reviewer.email, body: "on the claim" });
  expect(exported.comments[2]).toMatchObject({ item: "B", deletedAt: expect.any(String) });
  expect(exported.comments[2]).not.toHaveProperty("body");

  const copy = `${slug}-copy`;
  const imported = await call(request, "admin", "POST", `/api/programs/import?slug=${copy}`, exported);
  expect(imported.status(), await imported.text()).toBe(201);
  expect((await imported.json()).counts).toMatchObject({ comments: 3 });
  const back = await (await call(request, "admin", "GET", `/api/programs/${copy}/bundle`)).json();
  expect({ ...back, program: { ...back.program, slug } }).toEqual(exported);
  const copied = (await (await call(request, "viewer", "GET", itemComments(copy))).json()) as CommentView[];
  expect(copied[0]).toMatchObject({ body: "@reviewer first, edited", mentions: [{ handle: "reviewer", name: TEST_ACCOUNTS.reviewer.name }] });
  await chainIntact(request);
});

test("the OpenAPI document describes the comment endpoints with their bodies", async ({ request }) => {
  const doc = await (await request.get("/api/openapi.json")).json();
  expect(doc.paths["/api/programs/{slug}/items/{key}/comments"].post.requestBody.content["application/json"].schema.required).toEqual(["body"]);
  expect(Object.keys(doc.paths["/api/programs/{slug}/claims/{id}/comments"])).toEqual(["get", "post"]);
  const single = doc.paths["/api/programs/{slug}/comments/{commentId}"];
  expect(Object.keys(single)).toEqual(["get", "patch", "delete"]);
  expect(single.patch.parameters.map((p: { name: string }) => p.name)).toEqual(["slug", "commentId"]);
  expect(Object.keys(single.delete.responses)).toEqual(expect.arrayContaining(["200", "401", "403", "404", "409"]));
});
