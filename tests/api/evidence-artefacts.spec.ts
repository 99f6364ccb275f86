/**
 * Files attached to evidence over HTTP, black-box: uploaded as text or base64 with a reported
 * transition, named by digest in the answer and in the item's history with a JUnit report's totals,
 * downloadable byte for byte by a viewer of the program and by nobody from another program; a file
 * over 10 MiB is a 413 problem+json with nothing written, and the report form's action refuses it in
 * words.
 */
import { createHash } from "node:crypto";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { call } from "../support/api-client";
import { chainIntact, expectProblem, nothingWritten } from "../support/api-answers";
import { importSmallProgram } from "../support/programs";
import { actionBody, loadActions, type ActionRef } from "../support/server-actions";
import { TEST_ACCOUNTS } from "../support/test-accounts";

const JUNIT = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites>
  <testsuite name="unit" tests="128" failures="3" errors="0" skipped="2" time="41.2"/>
</testsuites>`;
const sha256 = (b: string | Buffer) => createHash("sha256").update(b).digest("hex");
const transitionsOf = (slug: string) => `/api/programs/${slug}/items/A/transitions`;

test("a contributor attaches a JUnit report as JSON text and a binary file as base64; the history shows the files and the totals", async ({ request }) => {
  const slug = await importSmallProgram(request, "ev-files");
  const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]);
  const res = await call(request, "contributor", "POST", transitionsOf(slug), {
    to: "design",
    evidence: [
      { kind: "test_report", summary: "nightly", artefact: { name: "junit.xml", content: JUNIT } },
      { kind: "other", url: "https://ci.example/run/7", artefact: { name: "trace.png", contentBase64: binary.toString("base64") } },
    ],
  });
  expect(res.status(), await res.text()).toBe(201);
  const answer = await res.json();
  expect(answer.evidence.map((e: { artefact: unknown }) => e.artefact)).toEqual([
    { name: "junit.xml", sha256: sha256(JUNIT), size: Buffer.byteLength(JUNIT) },
    { name: "trace.png", sha256: sha256(binary), size: binary.length },
  ]);

  const item = await (await call(request, "viewer", "GET", `/api/programs/${slug}/items/A`)).json();
  const [junit, trace] = item.history.at(-1).evidence;
  expect(junit).toMatchObject({ kind: "test_report", url: "", artefact: { name: "junit.xml", sha256: sha256(JUNIT) }, junit: { tests: 128, failures: 3, errors: 0, skipped: 2, timeSeconds: 41.2 } });
  expect(trace).toMatchObject({ kind: "other", url: "https://ci.example/run/7", artefact: { name: "trace.png" }, junit: null });

  // A viewer downloads both, byte for byte, as files to save.
  const text = await call(request, "viewer", "GET", `/api/programs/${slug}/artefacts/${sha256(JUNIT)}`);
  expect(text.status()).toBe(200);
  expect(text.headers()["content-disposition"]).toContain('filename="junit.xml"');
  expect(text.headers()["content-type"]).toBe("application/octet-stream");
  expect((await text.body()).toString("utf8")).toBe(JUNIT);
  expect((await (await call(request, "viewer", "GET", `/api/programs/${slug}/artefacts/${sha256(binary)}`)).body()).equals(binary)).toBe(true);

  // Another program's readers do not get it.
  const other = await importSmallProgram(request, "ev-other");
  await expectProblem(await call(request, "viewer", "GET", `/api/programs/${other}/artefacts/${sha256(JUNIT)}`), 404);
  await chainIntact(request);
});

test("a file over 10 MiB, a file given both ways, and evidence with neither link nor file are refused as problem+json, nothing written", async ({ request }) => {
  const slug = await importSmallProgram(request, "ev-refused");
  await nothingWritten(async () => {
    const huge = await call(request, "contributor", "POST", transitionsOf(slug), {
      to: "design",
      evidence: [{ kind: "test_report", artefact: { name: "huge.xml", content: "x".repeat(10 * 1024 * 1024 + 1) } }],
    });
    const problem = await expectProblem(huge, 413, /huge\.xml.*10 MiB/);
    expect(problem.errors?.[0]?.path).toBe("evidence.0.artefact");
    const both = await call(request, "contributor", "POST", transitionsOf(slug), { to: "design", evidence: [{ kind: "other", artefact: { name: "a", content: "a", contentBase64: "YQ==" } }] });
    await expectProblem(both, 400);
    const neither = await call(request, "contributor", "POST", transitionsOf(slug), { to: "design", evidence: [{ kind: "other", summary: "trust me" }] });
    const p = await expectProblem(neither, 400);
    expect(JSON.stringify(p.errors)).toContain("attach a file");
    // A viewer may not upload at all.
    await expectProblem(await call(request, "viewer", "POST", transitionsOf(slug), { to: "design", evidence: [{ kind: "other", artefact: { name: "a", content: "a" } }] }), 403);
  }, "refused evidence files");
});

test("the report form's action refuses a file over 10 MiB in words, even when the page's own check is bypassed, and writes nothing", async ({ request, baseURL }) => {
  const slug = await importSmallProgram(request, "ev-action");
  const origin = new URL(baseURL!).origin;
  const actions = loadActions({ slug, key: "A" });
  const contributor = await playwrightRequest.newContext({ baseURL });
  const send = (action: ActionRef, args: unknown[], fields: [string, string | File][]) =>
    contributor.fetch(action.page, { method: "POST", headers: { "next-action": action.id, accept: "text/x-component", origin }, multipart: actionBody(args, fields), maxRedirects: 0 });
  const signedIn = await send(actions.signInAction!, ["$undefined", "$K1"], [
    ["email", TEST_ACCOUNTS.contributor.email],
    ["password", process.env.TEST_PASSWORD!],
  ]);
  expect(signedIn.status()).toBe(200);
  await nothingWritten(async () => {
    const res = await send(actions.reportTransitionAction!, [slug, "A", "$undefined", "$K1"], [
      ["to", "design"],
      ["evidenceKind", "test_report"],
      ["evidenceUrl", ""],
      ["evidenceSummary", ""],
      ["evidenceFleet", ""],
      ["evidenceFile", new File([Buffer.alloc(10 * 1024 * 1024 + 1, 120)], "huge.xml", { type: "application/xml" })],
    ]);
    expect(res.status()).toBe(200);
    expect(await res.text()).toContain("“huge.xml” is 10.0 MiB: a file attached to evidence may be at most 10 MiB");
  }, "oversized file through the form action");
  await contributor.dispose();
});
