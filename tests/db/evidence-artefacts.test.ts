/**
 * Files attached to evidence, through the function the API route and the report form share:
 * stored once by digest, named (never carried) in the transition's log entry, nothing written on a
 * refusal, JUnit totals read for a test report (passing and failing), a non-JUnit file kept as a
 * plain file, the artefact route finding the file only in its own program, verify-log catching
 * changed bytes, and the bundle round trip carrying the bytes.
 */
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { findPerson } from "@/db/accounts/manage-users";
import { exportBundle } from "@/db/export-bundle";
import { importBundle } from "@/db/import-bundle";
import { openDatabase, type Db } from "@/db/index";
import { recordTransition } from "@/db/mutations/record-transition";
import { findProgramArtefact } from "@/db/queries/find-program-artefact";
import { getItemDetail } from "@/db/queries/get-item-detail";
import { getWeeklyReport } from "@/db/queries/get-weekly-report";
import { listAwaitingReview } from "@/db/queries/list-awaiting-review";
import { artefacts, auditLog, evidence, transitions } from "@/db/schema";
import { verifyLog } from "@/db/verify-log";
import { ARTEFACT_MAX_BYTES } from "@/lib/artefacts/artefact-types";
import { refusal } from "../support/refusal";
import { rowCounts } from "../support/row-counts";

const SLUG = "files";
const ANN = "ann@example.com";
const T0 = Date.UTC(2026, 10, 2, 10);

const FAILING = `<?xml version="1.0"?>
<testsuites>
  <testsuite name="net" tests="100" failures="3" errors="1" skipped="2" time="30.5"/>
  <testsuite name="io" tests="28" failures="0" errors="0" skipped="0" time="10.7"/>
</testsuites>`;
const PASSING = `<testsuite name="kv" tests="12" failures="0" errors="0" skipped="1" time="1.25"/>`;

const digest = (text: string | Buffer) => createHash("sha256").update(text).digest("hex");

async function setUp(slugs: string[] = [SLUG]): Promise<Db> {
  const db = await openDatabase(":memory:");
  for (const slug of slugs)
    await importBundle(
      db,
      {
        format: "offload-tracker/v1",
        program: { slug, name: `Program ${slug}` },
        people: [{ email: ANN, name: "Ann", team: "Core" }],
        items: [{ key: "NET-01", title: "Networking", area: "Net", owner: ANN, estimateWeeks: 2, identifiedAt: "2026-01-01" }],
      },
      { actor: null },
    );
  return db;
}

const report = async (db: Db, evidenceList: unknown[], slug = SLUG, now = T0) =>
  await recordTransition(db, { slug, key: "NET-01", input: { to: "design", evidence: evidenceList }, actor: (await findPerson(db, ANN))!, now });
const testReport = (name: string, content: string, extra: object = {}) => ({ kind: "test_report", summary: "CI run", artefact: { name, content }, ...extra });
const sizes = async (db: Db) => await rowCounts(db, { artefacts, evidence, transitions, log: auditLog });
const history = async (db: Db, slug = SLUG) => (await getItemDetail(db, slug, "NET-01", T0 + 10_000, T0 + 10_000)).history;

describe("a file attached to evidence", () => {
  it("is stored once by digest, named by the evidence, and its log entry carries name, digest and size but never the bytes", async () => {
    const db = await setUp();
    const answer = await report(db, [testReport("junit.xml", FAILING)]);
    const ref = { name: "junit.xml", sha256: digest(FAILING), size: Buffer.byteLength(FAILING) };
    expect(answer.evidence).toEqual([{ kind: "test_report", url: "", summary: "CI run", fleetPercent: null, artefact: ref }]);
    expect(Buffer.from((await findProgramArtefact(db, SLUG, ref.sha256)).bytes).toString("utf8")).toBe(FAILING);
    expect((await findProgramArtefact(db, SLUG, ref.sha256)).name).toBe("junit.xml");
    const entry = (await db.select().from(auditLog).where(eq(auditLog.entity, "transition"))).at(-1)!;
    expect(JSON.parse(entry.payload).evidence).toEqual([{ kind: "test_report", url: "", summary: "CI run", fleetPercent: null, artefact: ref }]);
    expect(entry.payload).not.toContain("testsuite");
    expect((await verifyLog(db)).ok).toBe(true);
    // The review inbox names the file, to link it where there is no URL.
    const inbox = await listAwaitingReview(db, { viewer: (await findPerson(db, ANN))!, program: SLUG, now: T0 });
    expect(inbox.items[0]!.evidence).toEqual([{ kind: "test_report", url: "", summary: "CI run", artefactName: "junit.xml", artefactSha256: ref.sha256 }]);
  });

  it("is stored once when the same bytes come again, under another name or beside a link", async () => {
    const db = await setUp();
    await report(db, [testReport("a.xml", PASSING)], SLUG, T0);
    await report(db, [testReport("b.xml", PASSING, { url: "https://ci.example.com/run/2" })], SLUG, T0 + 1000);
    expect(await sizes(db)).toMatchObject({ artefacts: 1, evidence: 2 });
    expect((await history(db)).flatMap((t) => t.evidence.map((e) => [e.url, e.artefact?.name]))).toEqual([
      ["", "a.xml"],
      ["https://ci.example.com/run/2", "b.xml"],
    ]);
  });

  it("takes binary files as base64", async () => {
    const db = await setUp();
    const bytes = Buffer.from([0, 255, 1, 254, 0x89, 0x50]);
    const answer = await report(db, [{ kind: "other", artefact: { name: "trace.bin", contentBase64: bytes.toString("base64") } }]);
    expect(answer.evidence[0]!.artefact).toEqual({ name: "trace.bin", sha256: digest(bytes), size: 6 });
    expect(Buffer.from((await findProgramArtefact(db, SLUG, digest(bytes))).bytes).equals(bytes)).toBe(true);
  });

  it("refuses, writing nothing: a file over 10 MiB (413), evidence with neither link nor file, a file given twice or not at all", async () => {
    const db = await setUp();
    const before = await sizes(db);
    const big = await refusal(async () => await report(db, [testReport("huge.xml", "x".repeat(ARTEFACT_MAX_BYTES + 1))]));
    expect(big.code).toBe("too_large");
    expect(big.message).toContain("huge.xml");
    expect(big.errors[0]).toMatchObject({ path: "evidence.0.artefact" });
    const none = await refusal(async () => await report(db, [{ kind: "test_report", summary: "no link, no file" }]));
    expect(none.code).toBe("invalid");
    expect(none.errors.map((e) => e.message).join(" ")).toContain("attach a file");
    const both = await refusal(async () => await report(db, [{ kind: "other", artefact: { name: "x", content: "a", contentBase64: "YQ==" } }]));
    expect(both.errors.map((e) => e.message).join(" ")).toContain("one of the two");
    expect((await refusal(async () => await report(db, [{ kind: "other", artefact: { name: "x" } }]))).code).toBe("invalid");
    // A gate refusal after the file was read leaves no file behind either.
    const gate = await refusal(async () => await recordTransition(db, { slug: SLUG, key: "NET-01", input: { to: "rollout", evidence: [testReport("j.xml", PASSING)] }, actor: (await findPerson(db, ANN))!, now: T0 }));
    expect(gate.code).toBe("rule");
    expect(await sizes(db)).toEqual(before);
  });
});

describe("a JUnit report attached as a test report", () => {
  it("shows its totals; a report with failures says so in its figures", async () => {
    const db = await setUp();
    await report(db, [testReport("fail.xml", FAILING)], SLUG, T0);
    await report(db, [testReport("pass.xml", PASSING)], SLUG, T0 + 1000);
    const [failing, passing] = (await history(db)).map((t) => t.evidence[0]!.junit);
    expect(failing).toEqual({ tests: 128, failures: 3, errors: 1, skipped: 2, timeSeconds: 41.2 });
    expect(passing).toEqual({ tests: 12, failures: 0, errors: 0, skipped: 1, timeSeconds: 1.25 });
  });

  it("is read once a digest: a view after a write reads no bytes again, so a changed file keeps its digest's totals (the chain check names the change)", async () => {
    const db = await setUp();
    const once = PASSING.replace('name="kv"', `name="kv-${Date.now()}"`);
    await report(db, [testReport("once.xml", once)]);
    expect((await history(db))[0]!.evidence[0]!.junit).toMatchObject({ tests: 12, failures: 0 });
    db.$client.exec("DROP TRIGGER artefacts_no_update");
    db.$client.prepare("UPDATE artefacts SET bytes = ? WHERE sha256 = ?").run(Buffer.from(once.replace('failures="0"', 'failures="5"')), digest(once));
    await report(db, [{ kind: "design_doc", url: "https://docs.example.com/net", summary: "a write" }], SLUG, T0 + 1000);
    expect((await history(db))[0]!.evidence[0]!.junit).toMatchObject({ tests: 12, failures: 0 });
    expect((await verifyLog(db)).firstBad?.reason).toContain(digest(once));
  });

  it("is kept as a plain file, without totals, when it is not JUnit; other kinds never get totals", async () => {
    const db = await setUp();
    await report(db, [testReport("notes.txt", "all green, trust me"), { kind: "other", artefact: { name: "run.xml", content: PASSING } }]);
    expect((await history(db))[0]!.evidence.map((e) => [e.artefact?.name, e.junit])).toEqual([
      ["notes.txt", null],
      ["run.xml", null],
    ]);
  });

  it("is kept as a plain file when no XML reader goes as deep as it is nested: the item's page still opens", async () => {
    const db = await setUp();
    const deep = `<testsuite tests="1">${"<a>".repeat(150)}${"</a>".repeat(150)}</testsuite>`;
    await report(db, [testReport("deep.xml", deep)]);
    expect((await history(db))[0]!.evidence.map((e) => [e.artefact?.name, e.junit])).toEqual([["deep.xml", null]]);
  });
});

describe("downloading and checking evidence files", () => {
  it("finds a file only in the program whose evidence carries it", async () => {
    const db = await setUp([SLUG, "other"]);
    await report(db, [testReport("j.xml", PASSING)]);
    expect((await findProgramArtefact(db, SLUG, digest(PASSING))).name).toBe("j.xml");
    expect((await refusal(async () => await findProgramArtefact(db, "other", digest(PASSING)))).code).toBe("not_found");
  });

  it("verify-log names the transition whose evidence file was changed behind the tracker's back", async () => {
    const db = await setUp();
    await report(db, [testReport("j.xml", PASSING)]);
    db.$client.exec("DROP TRIGGER artefacts_no_update");
    db.$client.prepare("UPDATE artefacts SET bytes = ? WHERE sha256 = ?").run(Buffer.from(PASSING.replace('failures="0"', 'failures="5"')), digest(PASSING));
    const verdict = await verifyLog(db);
    expect(verdict.ok).toBe(false);
    expect(verdict.firstBad?.reason).toContain(digest(PASSING));
    const entry = (await db.select().from(auditLog).where(eq(auditLog.entity, "transition"))).at(-1)!;
    expect(verdict.firstBad?.seq).toBe(entry.seq);
  });
});

describe("the bundle", () => {
  it("carries the files with their evidence, and export → import → export is exact", async () => {
    const db = await setUp();
    await report(db, [testReport("fail.xml", FAILING, { url: "https://ci.example.com/1" })], SLUG, T0);
    await report(db, [testReport("again.xml", FAILING)], SLUG, T0 + 1000);
    const bundle = await exportBundle(db, SLUG);
    expect(bundle.transitions.flatMap((t) => t.evidence.map((e) => e.artefact))).toEqual([
      { name: "fail.xml", sha256: digest(FAILING), size: Buffer.byteLength(FAILING) },
      { name: "again.xml", sha256: digest(FAILING), size: Buffer.byteLength(FAILING) },
    ]);
    expect(bundle.artefacts).toEqual([{ sha256: digest(FAILING), name: "fail.xml", contentBase64: Buffer.from(FAILING).toString("base64") }]);
    const copy = await openDatabase(":memory:");
    await importBundle(copy, JSON.parse(JSON.stringify(bundle)), { actor: null });
    expect(await exportBundle(copy, SLUG)).toEqual(bundle);
    expect((await history(copy))[0]!.evidence[0]!.junit).toMatchObject({ tests: 128, failures: 3 });
    expect((await verifyLog(copy)).ok).toBe(true);
  });

  it("refuses, writing nothing, a bundle naming a file it does not carry or whose bytes lie", async () => {
    const db = await setUp();
    await report(db, [testReport("fail.xml", FAILING)]);
    const bundle = JSON.parse(JSON.stringify(await exportBundle(db, SLUG)));
    const copy = await openDatabase(":memory:");
    const missing = await refusal(async () => await importBundle(copy, { ...bundle, artefacts: [] }, { actor: null }));
    expect(missing.errors[0]).toMatchObject({ path: "transitions[0].evidence[0].artefact" });
    expect(missing.errors[0]!.message).toContain("fail.xml");
    const lying = await refusal(async () => await importBundle(copy, { ...bundle, artefacts: [{ ...bundle.artefacts[0], contentBase64: Buffer.from("other").toString("base64") }] }, { actor: null }));
    expect(lying.errors.map((e) => e.path)).toContain("artefacts[0].contentBase64");
    expect(await rowCounts(copy, { artefacts, evidence })).toEqual({ artefacts: 0, evidence: 0 });
    // Into a tracker that already holds the file, the bytes may stay behind.
    await importBundle(db, { ...bundle, artefacts: [] }, { actor: null, slug: "copy" });
    expect((await findProgramArtefact(db, "copy", digest(FAILING))).name).toBe("fail.xml");
  });
});

describe("the weekly report", () => {
  it("names a file attached without a link by its name and digest, and leaves no link empty", async () => {
    const db = await setUp();
    await report(db, [testReport("junit.xml", FAILING)]); // recorded 2026-11-02, in 2026-W45
    const week = await getWeeklyReport(db, SLUG, "2026-W45", T0 + 30 * 86_400_000);
    expect(week.report.changes.evidence).toMatchObject([{ key: "NET-01", kind: "test_report", url: "", file: { name: "junit.xml", sha256: digest(FAILING) } }]);
    expect(week.markdown).toContain(`CI run (file junit.xml, sha256 \`${digest(FAILING)}\`)`);
    expect(week.markdown).not.toContain("]()");
  });
});
