/**
 * Ingesting artefacts over HTTP, black-box: JSON, multipart and raw bodies give the same figures;
 * a dry run writes nothing; contributors and up may ingest, viewers may not; malformed files,
 * unknown kinds and oversized bodies are problem+json with nothing written; the stored file comes
 * back byte for byte from the program it was ingested for, and from no other.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { authHeaders, call, type Caller } from "../support/api-client";
import { importSmallProgram } from "../support/programs";

const LCOV = ["SF:src/a/x.rs", "DA:1,1", "DA:2,0", "DA:3,1", "end_of_record", "SF:src/b/y.rs", "DA:1,0", "end_of_record", "SF:misc/z.rs", "DA:1,1", "end_of_record"].join("\n");
const OPENVMM_LOCK = fs.readFileSync("tests/fixtures/real/openvmm/Cargo.lock", "utf8");

async function withComponents(request: APIRequestContext, prefix: string) {
  const slug = await importSmallProgram(request, prefix);
  for (const [key, components] of [["A", ["src/a/**"]], ["B", ["src/b/**", "underhill_core"]]] as const) {
    const res = await request.patch(`/api/programs/${slug}/items/${key}`, { headers: { ...authHeaders("contributor"), "if-match": '"1"' }, data: { components } });
    expect(res.status(), await res.text()).toBe(200);
  }
  return slug;
}

const ingestUrl = (slug: string, kind: string, query = "") => `/api/programs/${slug}/ingest/${kind}${query}`;
const signalsOf = async (request: APIRequestContext, slug: string, key: string) =>
  (await (await call(request, "viewer", "GET", `/api/programs/${slug}/items/${key}`)).json()).signals as { metric: string; value: number; source: { files: { sha256: string }[] } | null }[];

async function expectProblem(res: Awaited<ReturnType<APIRequestContext["post"]>>, status: number): Promise<{ detail: string }> {
  expect(res.status(), await res.text()).toBe(status);
  expect(res.headers()["content-type"]).toContain("application/problem+json");
  return (await res.json()) as { detail: string };
}

test("a contributor ingests coverage as JSON: the dry run writes nothing, the recording gives each mapped item its figure and source", async ({ request }) => {
  const slug = await withComponents(request, "ingest-json");
  const body = { files: [{ name: "lcov.info", content: LCOV }], measuredAt: "2026-11-02" };
  const dry = await call(request, "contributor", "POST", ingestUrl(slug, "coverage", "?dryRun=1"), body);
  expect(dry.status()).toBe(200);
  const preview = await dry.json();
  expect(preview.figures.map((f: { item: string; value: number }) => [f.item, f.value])).toEqual([["A", 66.6], ["B", 0]]);
  expect(preview.unmapped).toEqual(["misc/z.rs"]);
  expect(await signalsOf(request, slug, "A")).toEqual([]);

  const res = await call(request, "contributor", "POST", ingestUrl(slug, "coverage"), body);
  expect(res.status()).toBe(201);
  const recorded = await res.json();
  const digest = createHash("sha256").update(LCOV).digest("hex");
  expect(recorded).toMatchObject({ dryRun: false, files: [{ name: "lcov.info", sha256: digest }], figures: preview.figures });
  const [signal] = await signalsOf(request, slug, "A");
  expect(signal).toMatchObject({ metric: "test_coverage_pct", value: 66.6, source: { files: [{ sha256: digest }] } });

  // The stored file, byte for byte, to any reader of this program; not from another program.
  const file = await call(request, "viewer", "GET", `/api/programs/${slug}/artefacts/${digest}`);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-disposition"]).toContain('filename="lcov.info"');
  expect((await file.body()).toString("utf8")).toBe(LCOV);
  const other = await importSmallProgram(request, "ingest-other");
  expect((await call(request, "viewer", "GET", `/api/programs/${other}/artefacts/${digest}`)).status()).toBe(404);
});

test("multipart and a raw body give the same figures as JSON; a Cargo.lock with no vetting data says so", async ({ request }) => {
  const slug = await withComponents(request, "ingest-forms");
  const multipart = await request.post(ingestUrl(slug, "coverage", "?dryRun=1"), {
    headers: authHeaders("contributor"),
    multipart: { file: { name: "lcov.info", mimeType: "text/plain", buffer: Buffer.from(LCOV) }, measuredAt: "2026-11-02" },
  });
  expect(multipart.status(), await multipart.text()).toBe(200);
  const raw = await request.post(ingestUrl(slug, "coverage", "?dryRun=1&name=lcov.info"), { headers: { ...authHeaders("contributor"), "content-type": "text/plain" }, data: LCOV });
  expect(raw.status(), await raw.text()).toBe(200);
  expect((await raw.json()).figures).toEqual((await multipart.json()).figures);

  const cargo = await request.post(ingestUrl(slug, "cargo", "?dryRun=1&name=Cargo.lock"), { headers: { ...authHeaders("contributor"), "content-type": "text/plain" }, data: OPENVMM_LOCK });
  expect(cargo.status(), await cargo.text()).toBe(200);
  const answer = await cargo.json();
  const crates = answer.figures.find((f: { item: string; metric: string }) => f.item === "B" && f.metric === "third_party_crates");
  expect(crates.value).toBeGreaterThan(0);
  expect(answer.notes.join(" ")).toContain("no vetting data");
  expect(answer.unmapped.length).toBeGreaterThan(0);
});

test("who may ingest: nobody without credentials, not a viewer; a contributor may", async ({ request }) => {
  const slug = await withComponents(request, "ingest-roles");
  const body = { files: [{ name: "lcov.info", content: LCOV }] };
  const expected: [Caller, number][] = [["anonymous", 401], ["viewer", 403], ["contributor", 200], ["reviewer", 200], ["admin", 200]];
  for (const [who, status] of expected) expect((await call(request, who, "POST", ingestUrl(slug, "coverage", "?dryRun=1"), body)).status(), who).toBe(status);
});

test("refusals are problem+json and write nothing: a malformed file names its line, an unknown kind is a 404, a too large file a 413", async ({ request }) => {
  const slug = await withComponents(request, "ingest-bad");
  const bad = await expectProblem(await call(request, "contributor", "POST", ingestUrl(slug, "coverage"), { files: [{ name: "lcov.info", content: "SF:a\nDA:1,1\nDA:oops\nend_of_record" }] }), 400);
  expect(bad.detail).toMatch(/line 3/);
  // A large file is read in a worker thread: its refusal comes back the same, naming its line.
  const large = `SF:a\nDA:1,1\nDA:oops\nend_of_record\n${"SF:pad\nDA:1,1\nend_of_record\n".repeat(4000)}`;
  const badLarge = await expectProblem(await call(request, "contributor", "POST", ingestUrl(slug, "coverage"), { files: [{ name: "lcov.info", content: large }] }), 400);
  expect(badLarge.detail).toBe(bad.detail);
  // Nested deeper than the XML reader goes: the sender's error, not the server's.
  const deep = `<coverage line-rate="1">${"<a>".repeat(150)}${"</a>".repeat(150)}</coverage>`;
  expect((await expectProblem(await call(request, "contributor", "POST", ingestUrl(slug, "coverage"), { files: [{ name: "coverage.xml", content: deep }] }), 400)).detail).toMatch(/the XML reader refused it/);
  await expectProblem(await call(request, "contributor", "POST", ingestUrl(slug, "pdf"), { files: [{ name: "x", content: "x" }] }), 404);
  await expectProblem(await call(request, "contributor", "POST", ingestUrl(slug, "coverage"), { files: [] }), 400);
  const big = "x".repeat(10 * 1024 * 1024 + 1);
  await expectProblem(await request.post(ingestUrl(slug, "coverage"), { headers: { ...authHeaders("contributor"), "content-type": "text/plain" }, data: big }), 413);
  expect(await signalsOf(request, slug, "A")).toEqual([]);
});
