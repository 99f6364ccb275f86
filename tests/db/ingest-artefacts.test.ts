/**
 * Ingesting artefacts through the function the API route, the page and the CLI share: per-item
 * signals with their source, the files stored once by digest, the log carrying the digests, a dry
 * run writing nothing, a malformed file refused whole, and a changed artefact caught by verify-log.
 */
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { exportBundle } from "@/db/export-bundle";
import { importBundle } from "@/db/import-bundle";
import { openDatabase, type Db } from "@/db/index";
import { editItem } from "@/db/mutations/edit-item";
import { ingestArtefacts } from "@/db/mutations/ingest-artefacts";
import { findPerson } from "@/db/accounts/manage-users";
import { findProgramArtefact } from "@/db/queries/find-program-artefact";
import { getItemDetail } from "@/db/queries/get-item-detail";
import { getWeeklyReport } from "@/db/queries/get-weekly-report";
import { artefacts, auditLog, signals, signalSources } from "@/db/schema";
import { verifyLog } from "@/db/verify-log";
import { refusal } from "../support/refusal";
import { rowCounts } from "../support/row-counts";

const SLUG = "ingest";
const ANN = "ann@example.com";
const T0 = Date.UTC(2026, 10, 2, 10);

// Two files: net 3 of 4 lines hit, storage 1 of 3; tools/ matches no item.
const LCOV = [
  "SF:vm/devices/net/mana.rs", "DA:1,1", "DA:2,0", "DA:3,5", "DA:4,1", "end_of_record",
  "SF:vm/devices/storage/nvme.rs", "DA:1,1", "DA:2,0", "DA:3,0", "end_of_record",
  "SF:tools/gen.rs", "DA:1,1", "end_of_record",
].join("\n");

async function setUp(): Promise<Db> {
  const db = await openDatabase(":memory:");
  await importBundle(
    db,
    {
      format: "offload-tracker/v1",
      program: { slug: SLUG, name: "Ingest" },
      people: [{ email: ANN, name: "Ann", team: "Core" }],
      items: [
        { key: "NET-01", title: "Networking", area: "Net", owner: ANN, estimateWeeks: 2, identifiedAt: "2026-01-01", components: ["vm/devices/net/**"] },
        { key: "STO-01", title: "Storage", area: "Storage", owner: ANN, estimateWeeks: 2, identifiedAt: "2026-01-01", components: ["vm/devices/storage/**"] },
        { key: "OPS-01", title: "Nothing mapped", area: "Ops", owner: ANN, estimateWeeks: 2, identifiedAt: "2026-01-01" },
      ],
    },
    { actor: null },
  );
  return db;
}

const ann = async (db: Db) => {
  const p = (await findPerson(db, ANN))!;
  return { id: p.id, label: p.email };
};
const ingest = async (db: Db, content: string, dryRun = false, name = "lcov.info") =>
  await ingestArtefacts(db, { slug: SLUG, kind: "coverage", input: { files: [{ name, content }], measuredAt: "2026-11-01" }, actor: await ann(db), dryRun, now: T0 });
const sizes = async (db: Db) => await rowCounts(db, { signals, sources: signalSources, artefacts, log: auditLog });

describe("ingesting a coverage report", () => {
  it("records each mapped item's coverage, floored, with the file's digest as its source; unmapped files are listed", async () => {
    const db = await setUp();
    const a = await ingest(db, LCOV);
    const digest = createHash("sha256").update(LCOV).digest("hex");
    expect(a).toMatchObject({ program: SLUG, kind: "coverage", dryRun: false, files: [{ name: "lcov.info", sha256: digest, size: Buffer.byteLength(LCOV) }] });
    expect(a.figures.map((f) => [f.item, f.metric, f.value])).toEqual([
      ["NET-01", "test_coverage_pct", 75],
      ["STO-01", "test_coverage_pct", 33.3],
    ]);
    expect(a.unmapped).toEqual(["tools/gen.rs"]);
    const detail = await getItemDetail(db, SLUG, "STO-01", T0, T0);
    expect(detail.signals).toEqual([
      {
        metric: "test_coverage_pct",
        value: 33.3,
        measuredAt: "2026-11-01",
        source: { id: a.source, kind: "coverage", files: a.files, tool: a.tool, ingestedBy: "Ann", recordedAt: new Date(T0).toISOString() },
      },
    ]);
    expect(await findProgramArtefact(db, SLUG, digest)).toMatchObject({ name: "lcov.info" });
    expect(Buffer.from((await findProgramArtefact(db, SLUG, digest)).bytes).toString("utf8")).toBe(LCOV);
    // The log names the digest, and every signal.
    const entries = (await db.select().from(auditLog).where(eq(auditLog.programSlug, SLUG))).filter((e) => e.entity === "artefact" || (e.entity === "signal" && e.action === "record"));
    expect(entries.map((e) => e.entity)).toEqual(["artefact", "signal", "signal"]);
    expect(entries[0]!.payload).toContain(digest);
    expect((await verifyLog(db)).ok).toBe(true);
  });

  it("a dry run answers the same figures and writes nothing", async () => {
    const db = await setUp();
    const before = await sizes(db);
    const dry = await ingest(db, LCOV, true);
    expect(dry.dryRun).toBe(true);
    expect(dry.source).toBeNull();
    expect(await sizes(db)).toEqual(before);
    const real = await ingest(db, LCOV);
    expect(real.figures).toEqual(dry.figures);
  });

  it("stores a file ingested twice once, and keeps two sources", async () => {
    const db = await setUp();
    await ingest(db, LCOV);
    await ingest(db, LCOV);
    expect(await sizes(db)).toMatchObject({ artefacts: 1, sources: 2, signals: 4 });
  });

  it("refuses a malformed file, naming its line, and writes nothing", async () => {
    const db = await setUp();
    const before = await sizes(db);
    const e = await refusal(async () => await ingest(db, "SF:a.rs\nDA:1,1\nDA:x,1\nend_of_record\n"));
    expect(e.code).toBe("invalid");
    expect(e.message).toMatch(/line 3/);
    expect(await sizes(db)).toEqual(before);
  });

  it("refuses an unknown kind, a future date, an empty file list and an unknown program", async () => {
    const db = await setUp();
    const actor = await ann(db);
    const run = async (over: Partial<Parameters<typeof ingestArtefacts>[1]>) =>
      await refusal(async () => await ingestArtefacts(db, { slug: SLUG, kind: "coverage", input: { files: [{ name: "lcov.info", content: LCOV }] }, actor, dryRun: false, now: T0, ...over }));
    expect((await run({ kind: "pdf" })).code).toBe("invalid");
    expect((await run({ input: { files: [{ name: "lcov.info", content: LCOV }], measuredAt: "2026-12-01" } })).errors).toEqual([{ path: "measuredAt", message: "must not be in the future" }]);
    expect((await run({ input: { files: [] } })).code).toBe("invalid");
    expect((await run({ slug: "nope" })).code).toBe("not_found");
    expect((await sizes(db)).sources).toBe(0);
  });

  it("verify-log reports an artefact whose bytes were changed behind the tracker's back", async () => {
    const db = await setUp();
    const a = await ingest(db, LCOV);
    db.$client.exec("DROP TRIGGER artefacts_no_update");
    db.$client.prepare("UPDATE artefacts SET bytes = ? WHERE sha256 = ?").run(Buffer.from(LCOV.replace("DA:2,0", "DA:2,9")), a.files[0]!.sha256);
    const verdict = await verifyLog(db);
    expect(verdict.ok).toBe(false);
    expect(verdict.firstBad?.reason).toContain(a.files[0]!.sha256);
  });

  it("a file not behind the program's signals is not downloadable from it", async () => {
    const db = await setUp();
    expect((await refusal(async () => await findProgramArtefact(db, SLUG, "0".repeat(64)))).code).toBe("not_found");
    expect((await refusal(async () => await findProgramArtefact(db, SLUG, "../../etc/passwd"))).code).toBe("not_found");
  });
});

describe("components", () => {
  it("are edited with the item, deduplicated, validated, and travel in the bundle", async () => {
    const db = await setUp();
    const actor = (await findPerson(db, ANN))!;
    // An item without components leaves the field out, as bundles written before it did.
    expect((await exportBundle(db, SLUG)).items.find((i) => i.key === "OPS-01")).not.toHaveProperty("components");
    await editItem(db, { slug: SLUG, key: "OPS-01", input: { components: ["ops/**", "tracker_core", "ops/**"] }, expectedVersion: 1, actor });
    expect((await getItemDetail(db, SLUG, "OPS-01", Date.now(), Date.now())).components).toEqual(["ops/**", "tracker_core"]);
    const e = await refusal(async () => await editItem(db, { slug: SLUG, key: "OPS-01", input: { components: ["two words"] }, expectedVersion: 2, actor }));
    expect(e.errors[0]).toMatchObject({ path: "components[0]" });
    const bundle = await exportBundle(db, SLUG);
    expect(bundle.items.find((i) => i.key === "OPS-01")).toMatchObject({ components: ["ops/**", "tracker_core"] });
    expect(bundle.items.find((i) => i.key === "NET-01")).toMatchObject({ components: ["vm/devices/net/**"] });
    const copy = await openDatabase(":memory:");
    await importBundle(copy, { ...bundle, program: { ...bundle.program, slug: "copy" } }, { actor: null });
    expect((await exportBundle(copy, "copy")).items).toEqual(bundle.items);
  });
});

describe("the weekly report", () => {
  it("cites the artefacts behind its latest signals by digest, from the week they were measured; a week before cites none", async () => {
    const db = await setUp();
    const a = await ingest(db, LCOV); // measured 2026-11-01, a Sunday: the last day of 2026-W44
    const cited = await getWeeklyReport(db, SLUG, "2026-W44", T0 + 86_400_000 * 30);
    expect(cited.report.quality.artefacts).toEqual([{ kind: "coverage", files: [{ name: "lcov.info", sha256: a.files[0]!.sha256 }], tool: a.tool, measuredAt: "2026-11-01", signals: 2 }]);
    expect(cited.markdown).toContain("### Artefacts behind the latest signals (1)");
    expect(cited.markdown).toContain(a.files[0]!.sha256);
    const before = await getWeeklyReport(db, SLUG, "2026-W43", T0 + 86_400_000 * 30);
    expect(before.report.quality.artefacts).toEqual([]);
    expect(before.markdown).not.toContain("Artefacts behind");
  });
});
