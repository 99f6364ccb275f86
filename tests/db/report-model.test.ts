/**
 * The weekly report model (DESIGN §8): the demo program's 2024-W52, and a small
 * hand-computed program whose week 2024-W52 has one of every kind of change.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { importBundle } from "@/db/import-bundle";
import { openDatabase, type Db } from "@/db/index";
import { getWeeklyReport } from "@/db/queries/get-weekly-report";
import { AppError } from "@/lib/errors";
import { refusal } from "../support/refusal";
import { GENESIS_HASH } from "@/lib/hash-chain";
import { NO_THROUGHPUT_REASON } from "@/lib/readiness/forecast";
import { parseCsv, renderReportCsv } from "@/lib/report/render-csv";
import { renderReportJson } from "@/lib/report/render-json";
import { parseReportFileName, resolveReportWeek, weeksBetween } from "@/lib/report/report-week";

const NOW = Date.parse("2026-11-27T08:00:00Z");
const seed = () => JSON.parse(fs.readFileSync(path.resolve(process.cwd(), "db/seed/boost-offload.json"), "utf8"));

const PEOPLE = [
  { email: "alice@example.com", name: "Alice Owner", team: "Core" },
  { email: "bob@example.com", name: "Bob Reviewer", team: "Core" },
  { email: "carol@example.com", name: "Carol Builder", team: "Edge" },
];

/**
 * Week under test: 2024-W52 (Mon 2024-12-23 – Sun 2024-12-29); the week before ends 2024-12-22.
 * | item | deps | history                                                                 |
 * | A    |      | design 11-01 (verified); build 12-24 (design doc, verified 12-26)        |
 * | B    | A    | design 12-01, build 12-10 (both verified); back to design 12-27 (note)   |
 * | C    |      | validate 12-20, unverified; no owner                                     |
 * | D    |      | identified 12-25 (during the week)                                       |
 * | E    |      | identified 2025-02-01 (after the cutoff)                                  |
 */
function weekBundle(slug = "rep-model") {
  const doc = (name: string) => ({ kind: "design_doc", url: `https://example.com/${name}`, summary: `Design of ${name}` });
  const item = (key: string, over: Record<string, unknown> = {}) => ({
    key,
    title: `Item ${key}`,
    area: key <= "B" ? "Core" : "Edge",
    owner: "alice@example.com",
    team: "Core",
    estimateWeeks: { A: 2, B: 3, C: 1, D: 4, E: 5 }[key],
    identifiedAt: "2024-01-01",
    dependsOn: [],
    ...over,
  });
  // Of a claim, the report reads its date and links; the words are placeholders.
  const claim = (id: string, date: string, links: { item: string; requires: string }[]) =>
    ({ id, date, speaker: "A speaker", quote: `Claim ${id}`, url: `https://example.com/claims/${id}`, links });
  return {
    format: "offload-tracker/v1",
    program: { slug, name: "Report model test", targetDate: "2025-06-30" },
    people: PEOPLE,
    items: [
      item("A"),
      item("B", { dependsOn: ["A"] }),
      item("C", { owner: null }),
      item("D", { identifiedAt: "2024-12-25" }),
      item("E", { identifiedAt: "2025-02-01" }),
    ],
    transitions: [
      { item: "A", to: "design", effectiveAt: "2024-11-01", by: "alice@example.com", verifiedBy: "bob@example.com", verifiedAt: "2024-11-02" },
      {
        item: "A",
        to: "build",
        effectiveAt: "2024-12-24",
        by: "alice@example.com",
        evidence: [doc("A")],
        verifiedBy: "bob@example.com",
        verifiedAt: "2024-12-26T10:00:00Z",
      },
      { item: "B", to: "design", effectiveAt: "2024-12-01", by: "alice@example.com", verifiedBy: "bob@example.com", verifiedAt: "2024-12-02" },
      { item: "B", to: "build", effectiveAt: "2024-12-10", by: "alice@example.com", evidence: [doc("B")], verifiedBy: "bob@example.com", verifiedAt: "2024-12-11" },
      { item: "B", to: "design", effectiveAt: "2024-12-27", by: "alice@example.com", note: "Design reopened: the interface changed" },
      {
        item: "C",
        to: "validate",
        effectiveAt: "2024-12-20",
        by: "carol@example.com",
        evidence: [doc("C"), { kind: "code_change", url: "https://example.com/C/pr/1", summary: "First cut" }],
      },
    ],
    signals: [
      { item: "A", metric: "test_coverage_pct", value: 35, measuredAt: "2024-12-01" },
      { item: "A", metric: "test_coverage_pct", value: 80, measuredAt: "2025-01-10" },
    ],
    claims: [claim("mid-2024", "2024-06-01", [{ item: "A", requires: "build" }]), claim("later", "2025-01-15", [])],
  };
}

let db: Db;

beforeAll(async () => {
  db = await openDatabase(":memory:");
  await importBundle(db, seed(), { actor: null });
  await importBundle(db, weekBundle(), { actor: null });
});
afterAll(() => db.$client.close());
afterEach(() => vi.useRealTimers());

describe("the demo program's report for 2024-W52", () => {
  it("says 0 of 64 done and has no forecast, with the reason", async () => {
    const { report, markdown } = await getWeeklyReport(db, "boost-offload", "2024-W52", NOW);
    expect(report.week).toBe("2024-W52");
    expect(report.cutoff).toBe("2024-12-29T23:59:59.999Z");
    expect(report.headline.total).toBe(64);
    expect(report.headline.done).toBe(0);
    expect(report.headline.readiness).toBe(0);
    expect(report.forecast.date).toBeNull();
    expect(report.forecast.reason).toBe(NO_THROUGHPUT_REASON);
    expect(markdown).toContain("**Done (verified): 0 of 64 items** — readiness 0.0 %, effort readiness 0.0 %");
    expect(markdown).toContain(`- Forecast: **none** — ${NO_THROUGHPUT_REASON}`);
    expect(markdown).toContain(`**No forecast:** ${NO_THROUGHPUT_REASON}. No date is invented.`);
  });

  it("has one CSV row per item and the whole model in JSON", async () => {
    const { report } = await getWeeklyReport(db, "boost-offload", "2024-W52", NOW);
    const rows = parseCsv(renderReportCsv(report));
    expect(rows).toHaveLength(65);
    expect(rows.slice(1).every((r) => r[7] !== "done")).toBe(true);
    const json = JSON.parse(renderReportJson(report));
    expect(json.headline).toMatchObject({ total: 64, done: 0 });
    expect(json.forecast).toMatchObject({ date: null, reason: NO_THROUGHPUT_REASON });
    expect(json.items).toHaveLength(64);
  });

  it("lists the claims made by the cutoff with their three verdicts", async () => {
    const { report } = await getWeeklyReport(db, "boost-offload", "2024-W52", NOW);
    expect(report.claims.length).toBeGreaterThan(0);
    expect(report.claims.every((c) => c.date <= "2024-12-29")).toBe(true);
    for (const c of report.claims) expect(c).toHaveProperty("verdictKnownThen");
  });
});

describe("a week with every kind of change", () => {
  const get = async () => (await getWeeklyReport(db, "rep-model", "2024-W52", NOW)).report;

  it("counts only the items identified by the cutoff", async () => {
    const r = await get();
    expect(r.items.map((i) => i.key)).toEqual(["A", "B", "C", "D"]);
    expect(r.headline).toMatchObject({ total: 4, done: 0, reportedDone: 0, inflated: 1, blocked: 1, notYetIdentified: 1 });
  });

  it("lists true-status changes since the previous cutoff, up and down", async () => {
    expect((await get()).changes.trueStatus).toEqual([
      { key: "A", title: "Item A", from: "design", to: "build", direction: "up" },
      { key: "B", title: "Item B", from: "build", to: "design", direction: "down" },
    ]);
  });

  it("lists regressions reported during the week with their note", async () => {
    expect((await get()).changes.regressions).toEqual([
      { key: "B", title: "Item B", from: "build", to: "design", effectiveAt: "2024-12-27", note: "Design reopened: the interface changed" },
    ]);
  });

  it("lists verifications made during the week and evidence recorded during it", async () => {
    const c = (await get()).changes;
    expect(c.verifications).toEqual([
      { key: "A", title: "Item A", to: "build", effectiveAt: "2024-12-24", verifiedAt: "2024-12-26T10:00:00.000Z", verifiedBy: "Bob Reviewer" },
    ]);
    expect(c.evidence).toEqual([
      { key: "A", title: "Item A", to: "build", recordedAt: "2024-12-24", kind: "design_doc", url: "https://example.com/A", summary: "Design of A", fleetPercent: null },
    ]);
    expect(c.newItems).toEqual([{ key: "D", title: "Item D", identifiedAt: "2024-12-25" }]);
  });

  it("shows inflated, blocked, the critical path, no forecast, quality and unowned items", async () => {
    const r = await get();
    expect(r.inflated).toEqual([{ key: "C", title: "Item C", reported: "validate", true: "not_started" }]);
    expect(r.blocked).toEqual([{ key: "B", title: "Item B", trueStatus: "design", waitingOn: ["A"] }]);
    expect(r.criticalPath).toEqual({ keys: ["A", "B"], remainingWeeks: 5, earliestByDependencies: "2025-02-02" });
    expect(r.forecast.date).toBeNull();
    expect(r.quality.breaches).toEqual([
      { key: "A", title: "Item A", metric: "test_coverage_pct", value: 35, threshold: ">= 70", measuredAt: "2024-12-01" },
    ]);
    expect(r.quality.unowned).toEqual([{ key: "C", title: "Item C" }]);
    expect(r.items.find((i) => i.key === "A")).toMatchObject({ trueStatusPreviousWeek: "design", trueSince: "2024-12-24", onCriticalPath: true });
  });

  it("judges the claims made by the cutoff: on their date, as known then, at the cutoff", async () => {
    const [claim, ...rest] = (await get()).claims;
    expect(rest).toEqual([]);
    expect(claim).toMatchObject({ id: "mid-2024", verdictAtClaimDate: "contradicted", verdictKnownThen: "contradicted", verdictAtCutoff: "supported" });
  });

  it("by area: true and reported counts", async () => {
    const r = await get();
    expect(r.areas.map((a) => [a.area, a.total, a.true.build, a.reported.validate])).toEqual([
      ["Core", 2, 1, 0],
      ["Edge", 2, 0, 1],
    ]);
  });

  it("does not depend on knownAt once every record is known (the generation time never shows)", async () => {
    const a = await getWeeklyReport(db, "rep-model", "2024-W52", NOW);
    const b = await getWeeklyReport(db, "rep-model", "2024-W52", NOW + 400 * 86_400_000);
    expect(b.markdown).toBe(a.markdown);
    expect(renderReportCsv(b.report)).toBe(renderReportCsv(a.report));
    expect(renderReportJson(b.report)).toBe(renderReportJson(a.report));
    expect(a.markdown).not.toContain("2026-11-27");
  });
});

describe("the history head hash at the cutoff", () => {
  it("is the hash of the last log entry written by the cutoff, genesis before any", async () => {
    const local = await openDatabase(":memory:");
    try {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(new Date("2024-12-24T12:00:00Z")); // the import is logged during 2024-W52
      const b = weekBundle("rep-head");
      await importBundle(local, { ...b, items: b.items.slice(0, 3), transitions: b.transitions.slice(0, 1), signals: [], claims: [] }, { actor: null });
      vi.useRealTimers();
      const last = local.$client.prepare("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1").get() as { hash: string };
      expect((await getWeeklyReport(local, "rep-head", "2024-W52", NOW)).report.logHeadAtCutoff).toBe(last.hash);
      expect((await getWeeklyReport(local, "rep-head", "2024-W51", NOW)).report.logHeadAtCutoff).toBe(GENESIS_HASH);
      expect((await getWeeklyReport(local, "rep-head", "2024-W52", NOW)).markdown).toContain(last.hash);
    } finally {
      local.$client.close();
    }
  });
});

describe("weeks", () => {
  const refused = async (label: string, now = NOW) => (await refusal(() => resolveReportWeek(label, now))).message;

  it("parses YYYY-Www, including week 53 of a long year", () => {
    expect(resolveReportWeek("2024-W52", NOW)).toMatchObject({ start: Date.parse("2024-12-23T00:00:00Z"), end: Date.parse("2024-12-29T23:59:59.999Z") });
    expect(resolveReportWeek("2020-W53", NOW).label).toBe("2020-W53");
  });

  it("refuses malformed weeks and weeks with no such number", async () => {
    for (const bad of ["2024-52", "2024-W5", "2024-W00", "2021-W53", "W52-2024", "2024-w52", ""]) expect(await refused(bad)).toMatch(/is not an ISO week/);
  });

  it("refuses a week whose cutoff has not passed, naming the last complete week", async () => {
    expect(await refused("2026-W48")).toMatch(/2026-W48 is in the future/);
    expect(() => resolveReportWeek("2026-W48", Date.parse("2026-11-29T23:59:59.999Z"))).not.toThrow();
    expect((await refusal(() => resolveReportWeek("2030-W01", NOW))).errors[0]!.message).toContain("the last complete week is 2026-W47");
  });

  it("splits a file name into week and format", () => {
    expect(parseReportFileName("2024-W52.md")).toEqual({ week: "2024-W52", format: "md" });
    expect(parseReportFileName("2024-W52.pdf")).toEqual({ week: "2024-W52", format: "pdf" });
    expect(() => parseReportFileName("2024-W52.docx")).toThrow(/unknown report format/);
    expect(() => parseReportFileName("2024-W52")).toThrow(AppError);
  });

  it("lists weeks newest first across a year boundary", () => {
    const weeks = weeksBetween(Date.parse("2024-12-20T00:00:00Z"), resolveReportWeek("2025-W02", NOW)).map((w) => w.label);
    expect(weeks).toEqual(["2025-W02", "2025-W01", "2024-W52", "2024-W51"]);
  });
});

describe("the details a week's report loads", () => {
  it("include a transition rejected in the week though it was effective and recorded the week before", async () => {
    const { tinyValidBundle } = await import("../support/bundle-arbitrary");
    const { loadReportSource } = await import("@/db/queries/get-weekly-report");
    const { loadWeekDetails } = await import("@/db/queries/load-report-details");
    const { isoWeekOf } = await import("@/lib/iso-week");
    const bundle = tinyValidBundle();
    // NET-01's design, effective and recorded on Friday 2024-03-01 (W09), rejected on Monday (W10).
    Object.assign(bundle.transitions[3]!, { rejectedBy: "bob@example.com", rejectedAt: "2024-03-04T10:00:00Z", rejectionReason: "no design doc linked" });
    const db = await openDatabase(":memory:");
    await importBundle(db, bundle, { actor: null });
    const source = await loadReportSource(db, "tiny");
    const rejected = source.history.items.find((i) => i.key === "NET-01")!.transitions.find((t) => t.rejectionRecordedAt != null)!;
    const w10 = await loadWeekDetails(db, source.program, isoWeekOf(Date.parse("2024-03-04T10:00:00Z")));
    expect(w10.get(rejected.recordingOrder)?.rejection).toMatchObject({ rejecter: "Bo Chen", reason: "no design doc linked" });
    const w11 = await loadWeekDetails(db, source.program, isoWeekOf(Date.parse("2024-03-11T10:00:00Z")));
    expect(w11.has(rejected.recordingOrder)).toBe(false);
  });

  it("are enough: the report equals the one built with every transition's details", async () => {
    const fc = (await import("fast-check")).default;
    const { generateBundle } = await import("../../scripts/generate-bundle");
    const { loadReportSource } = await import("@/db/queries/get-weekly-report");
    const { loadWeekDetails } = await import("@/db/queries/load-report-details");
    const { buildWeeklyReport } = await import("@/lib/report/report-model");
    const { isoWeekOf } = await import("@/lib/iso-week");
    const db = await openDatabase(":memory:");
    const bundle = generateBundle({ items: 120, seed: 11 });
    await importBundle(db, bundle, { actor: null });
    const source = await loadReportSource(db, bundle.program.slug);
    const all = await loadWeekDetails(db, source.program, { label: "all", start: 0, end: Number.MAX_SAFE_INTEGER });
    const first = Date.parse("2022-01-03T00:00:00Z");
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 255 }), async (weeks) => {
        const week = isoWeekOf(first + weeks * 7 * 86_400_000);
        const details = await loadWeekDetails(db, source.program, week);
        // Exactly the transitions effective, recorded, verified or rejected during the week, no more.
        const inWeek = (x: number | null) => x !== null && x >= week.start && x <= week.end;
        const needsDetails = (t: { effectiveAt: number; recordedAt: number; verifiedAt: number | null; rejectedAt: number | null }) =>
          inWeek(t.effectiveAt) || inWeek(t.recordedAt) || inWeek(t.verifiedAt) || inWeek(t.rejectedAt);
        const named = source.history.items
          .flatMap((i) => i.transitions)
          .filter((t) => {
            const known = all.get(t.recordingOrder)!;
            return needsDetails({ ...t, verifiedAt: known.verification?.verifiedAt ?? null, rejectedAt: known.rejection?.rejectedAt ?? null });
          });
        expect([...details.keys()].sort((a, b) => a - b)).toEqual(named.map((t) => t.recordingOrder).sort((a, b) => a - b));
        const input = {
          program: { slug: "s", name: "S", targetDate: null },
          snapshot: await source.snapshotAt(week.end, NOW),
          claims: source.claims,
          week,
          logHeadAtCutoff: GENESIS_HASH,
        };
        expect(buildWeeklyReport({ ...input, details })).toEqual(buildWeeklyReport({ ...input, details: all }));
      }),
      { numRuns: 25 },
    );
  });
});
