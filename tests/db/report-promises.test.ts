/**
 * The weekly report's section "Promised dates that can no longer be met": small hand-computed
 * programs (weeks counted from the cutoff's day, Sunday 2024-12-29, of 2024-W52), the demo, and a
 * week published before the section existed.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findPerson } from "@/db/accounts/manage-users";
import { importBundle } from "@/db/import-bundle";
import { openDatabase, type Db } from "@/db/index";
import { recordTransition } from "@/db/mutations/record-transition";
import { verifyTransition } from "@/db/mutations/verify-transition";
import { exportWeeklyReport, getWeeklyReport } from "@/db/queries/get-weekly-report";
import { getReportPreview } from "@/db/queries/get-report-preview";
import { listReportWeeks } from "@/db/queries/list-report-weeks";
import { verifyReportFile } from "@/db/queries/verify-report-file";
import { publishedReports } from "@/db/schema";
import { parseCsv, readCsvSeal, renderReportCsv, SEALED_CSV_COLUMNS_BEFORE_PROMISES } from "@/lib/report/render-csv";
import { renderReportHtml } from "@/lib/report/render-html";
import { renderReportJson } from "@/lib/report/render-json";
import { renderReportMarkdown, stampReportMarkdown } from "@/lib/report/render-markdown";
import { readReportFile } from "@/lib/report/read-report-file";
import { sha256Hex } from "@/lib/report/report-digest";
import { withoutPromises } from "@/lib/report/report-model";
import { restatementTable } from "@/lib/report/restatement-table";

const NOW = Date.parse("2026-11-27T08:00:00Z");
const WEEK = "2024-W52";
const HEADING = "## Promised dates that can no longer be met";

/** Items with an estimate, dependencies and an own target; nobody has reported anything. */
function bundle(slug: string, programTarget: string | null, items: { key: string; estimateWeeks: number; dependsOn?: string[]; targetDate?: string }[]) {
  return {
    format: "offload-tracker/v1",
    program: { slug, name: `Program ${slug}`, ...(programTarget ? { targetDate: programTarget } : {}) },
    people: [
      { email: "alice@example.com", name: "Alice", team: "Core" },
      { email: "bob@example.com", name: "Bob", team: "Core" },
    ],
    items: items.map((i) => ({ title: `Item ${i.key}`, area: "Core", owner: "alice@example.com", identifiedAt: "2024-01-01", dependsOn: [], ...i })),
  };
}

/**
 * | item | deps | estimate | target     | earliest finish  | latest finish (limited by)   | late  |
 * | A    |      | 4        | 2025-01-12 | 4 wk, 2025-01-26 | 2 wk (own)                   | 2     |
 * | B    | A    | 2        | 2025-02-23 | 6 wk, 2025-02-09 | 8 wk (own)                   | —     |
 * | C    |      | 1        | 2025-01-05 | 1 wk, 2025-01-05 | 3 − 3 = 0 wk (D's target)    | 1     |
 * | D    | C    | 3        | 2025-01-19 | 4 wk, 2025-01-26 | 3 wk (own)                   | 1     |
 * Program: committed 2025-03-31 (13 1/7 wk), finish 6 wk (2025-02-09): 7.1 weeks to spare.
 */
const LATE = bundle("prom-late", "2025-03-31", [
  { key: "A", estimateWeeks: 4, targetDate: "2025-01-12" },
  { key: "B", estimateWeeks: 2, dependsOn: ["A"], targetDate: "2025-02-23" },
  { key: "C", estimateWeeks: 1, targetDate: "2025-01-05" },
  { key: "D", estimateWeeks: 3, dependsOn: ["C"], targetDate: "2025-01-19" },
]);
/** Committed 2025-01-15 (2 3/7 wk) against 5 weeks of work: X is 2 4/7 weeks late, floored to 2.5. */
const PROGRAM_LATE = bundle("prom-program", "2025-01-15", [{ key: "X", estimateWeeks: 5 }]);
const ALL_MET = bundle("prom-ok", "2026-01-01", [
  { key: "P", estimateWeeks: 2, targetDate: "2025-06-30" },
  { key: "Q", estimateWeeks: 3, dependsOn: ["P"] },
]);
const NOTHING_PROMISED = bundle("prom-none", null, [{ key: "N", estimateWeeks: 2 }]);

let db: Db;
beforeAll(async () => {
  db = await openDatabase(":memory:");
  for (const b of [LATE, PROGRAM_LATE, ALL_MET, NOTHING_PROMISED]) await importBundle(db, b, { actor: null });
  await importBundle(db, JSON.parse(fs.readFileSync(path.resolve(process.cwd(), "db/seed/boost-offload.json"), "utf8")), { actor: null });
});
afterAll(() => db.$client.close());

const weekOf = async (slug: string) => await getWeeklyReport(db, slug, WEEK, NOW);
/** The lines of the Markdown section, heading to the next section. */
function section(markdown: string): string[] {
  const lines = markdown.split("\n");
  const from = lines.indexOf(HEADING);
  expect(from).toBeGreaterThan(0);
  const to = lines.findIndex((l, n) => n > from && l.startsWith("## "));
  return lines.slice(from, to);
}

describe("items whose promised date cannot be met", () => {
  it("are in the model, most weeks late first, each with its target, earliest finish, lateness and limit", async () => {
    expect((await weekOf("prom-late")).report.promises).toEqual({
      programTarget: { date: "2025-03-31", state: "on_track", earliestFinish: "2025-02-09", slackWeeks: expect.closeTo(50 / 7, 9) },
      promisedItems: 4,
      impossible: [
        { key: "A", title: "Item A", target: "2025-01-12", earliestFinish: "2025-01-26", weeksLate: 2, limitedBy: { key: "A", date: "2025-01-12" } },
        { key: "C", title: "Item C", target: "2025-01-05", earliestFinish: "2025-01-05", weeksLate: 1, limitedBy: { key: "D", date: "2025-01-19" } },
        { key: "D", title: "Item D", target: "2025-01-19", earliestFinish: "2025-01-26", weeksLate: 1, limitedBy: { key: "D", date: "2025-01-19" } },
      ],
    });
  });

  it("are a Markdown table after the forecast, before the claims", async () => {
    const { markdown } = await weekOf("prom-late");
    expect(section(markdown)).toEqual([
      HEADING,
      "",
      "Committed target 2025-03-31: **on track** — earliest finish 2025-02-09, 7.1 weeks to spare.",
      "",
      "3 items cannot finish by a promised date — their own target, the target of an item waiting on them, or the program's committed target — on the estimates and dependencies at the cutoff (an item not done weighs its whole estimate). Most weeks late first.",
      "",
      "| Item | Title | Target | Earliest finish | Weeks late | Limited by |",
      "| --- | --- | --- | --- | ---: | --- |",
      "| A | Item A | 2025-01-12 | 2025-01-26 | 2 | its own target 2025-01-12 |",
      "| C | Item C | 2025-01-05 | 2025-01-05 | 1 | D's target 2025-01-19 |",
      "| D | Item D | 2025-01-19 | 2025-01-26 | 1 | its own target 2025-01-19 |",
      "",
    ]);
    expect(markdown.indexOf("## Forecast")).toBeLessThan(markdown.indexOf(HEADING));
    expect(markdown.indexOf(HEADING)).toBeLessThan(markdown.indexOf("## Public claims"));
  });

  it("are marked on their CSV rows, with the weeks late, and the file stays sealed", async () => {
    const csv = renderReportCsv((await weekOf("prom-late")).report);
    const [header, ...rows] = parseCsv(csv);
    const cells = (key: string) => {
      const row = rows.find((r) => r[0] === key)!;
      return Object.fromEntries(["promiseImpossible", "earliestFinish", "weeksLate", "limitedBy"].map((c) => [c, row[header!.indexOf(c)]]));
    };
    expect(cells("A")).toEqual({ promiseImpossible: "true", earliestFinish: "2025-01-26", weeksLate: "2", limitedBy: "A 2025-01-12" });
    expect(cells("C")).toEqual({ promiseImpossible: "true", earliestFinish: "2025-01-05", weeksLate: "1", limitedBy: "D 2025-01-19" });
    expect(cells("B")).toEqual({ promiseImpossible: "false", earliestFinish: "", weeksLate: "", limitedBy: "" });
    expect(readReportFile(csv)!.sealIntact).toBe(true);
    expect((await verifyReportFile(db, csv, NOW)).matches).toBe(true);
  });

  it("are the structured part of the JSON", async () => {
    const doc = JSON.parse(renderReportJson((await weekOf("prom-late")).report));
    expect(doc.promises.impossible.map((p: { key: string; weeksLate: number }) => [p.key, p.weeksLate])).toEqual([
      ["A", 2],
      ["C", 1],
      ["D", 1],
    ]);
    expect(Object.keys(doc).indexOf("promises")).toBe(Object.keys(doc).indexOf("forecast") + 1);
  });

  it("are a table in the HTML, lateness and the target's state in words", async () => {
    const html = renderReportHtml((await weekOf("prom-late")).report, []);
    expect(html).toContain("<h2>Promised dates that can no longer be met (3)</h2>");
    expect(html).toContain("Committed target 2025-03-31: <strong>on track</strong> — earliest finish 2025-02-09, 7.1 weeks to spare.");
    expect(html).toMatch(/<td><span class="key">A<\/span><\/td><td>Item A<\/td><td>2025-01-12<\/td><td>2025-01-26<\/td><td class="n"><span class="late">2 weeks late<\/span><\/td><td>its own target 2025-01-12<\/td>/);
    expect(html).toContain("D&#39;s target 2025-01-19");
  });

  it("name the program's committed target when it is what cannot be kept, lateness floored", async () => {
    const { report, markdown } = await weekOf("prom-program");
    expect(report.promises!.programTarget).toMatchObject({ date: "2025-01-15", state: "impossible", earliestFinish: "2025-02-02" });
    expect(report.promises!.impossible).toEqual([
      { key: "X", title: "Item X", target: null, earliestFinish: "2025-02-02", weeksLate: expect.closeTo(18 / 7, 9), limitedBy: { key: null, date: "2025-01-15" } },
    ]);
    const lines = section(markdown);
    expect(lines).toContain("Committed target 2025-01-15: **impossible** — earliest finish 2025-02-02, 2.5 weeks late.");
    expect(lines).toContain("| X | Item X | — | 2025-02-02 | 2.5 | the program's committed target 2025-01-15 |");
    expect(lines).toContain("1 item cannot finish by a promised date — its own target, the target of an item waiting on it, or the program's committed target — on the estimates and dependencies at the cutoff (an item not done weighs its whole estimate). Most weeks late first.");
    const [header, row] = parseCsv(renderReportCsv(report));
    expect(row![header!.indexOf("limitedBy")]).toBe("program 2025-01-15");
    expect(renderReportHtml(report, [])).toContain('Committed target 2025-01-15: <strong class="late">impossible</strong>');
  });
});

describe("when every promise can be kept", () => {
  it("the section says so in words, never an empty table, in every format", async () => {
    const { report, markdown } = await weekOf("prom-ok");
    expect(report.promises).toMatchObject({ programTarget: { state: "on_track" }, promisedItems: 1, impossible: [] });
    expect(section(markdown)).toEqual([HEADING, "", expect.stringMatching(/^Committed target 2026-01-01: \*\*on track\*\* — earliest finish 2025-02-02, \d+(\.\d)? weeks to spare\.$/), "", "Every promised date can still be met.", ""]);
    const html = renderReportHtml(report, []);
    expect(html).toContain(`<h2>Promised dates that can no longer be met (0)</h2>`);
    expect(html).toContain(`<p class="muted">Every promised date can still be met.</p>`);
    const [header, ...rows] = parseCsv(renderReportCsv(report));
    expect(rows.map((r) => r[header!.indexOf("promiseImpossible")])).toEqual(["false", "false"]);
  });

  it("and says when nothing is promised at all", async () => {
    const { report, markdown } = await weekOf("prom-none");
    expect(report.promises).toEqual({ programTarget: null, promisedItems: 0, impossible: [] });
    expect(section(markdown)).toEqual([HEADING, "", "Nothing is promised: neither the program nor any item has a target date.", ""]);
  });
});

describe("the demo program at 2024-W52", () => {
  it("has promised dates that can no longer be met: areas whose target had passed", async () => {
    const { report, markdown } = await weekOf("boost-offload");
    const p = report.promises!;
    expect(p.impossible.length).toBeGreaterThan(0);
    for (const x of p.impossible) expect(x.weeksLate).toBeGreaterThan(0);
    // Foundations were promised for 2024-06-30: already past at the cutoff.
    expect(p.impossible.some((x) => x.key.startsWith("FND-") && x.target === "2024-06-30")).toBe(true);
    const late = p.impossible.map((x) => x.weeksLate);
    expect(late).toEqual([...late].sort((a, b) => b - a));
    expect(section(markdown).filter((l) => l.startsWith("| ") && !l.startsWith("| Item") && !l.startsWith("| ---"))).toHaveLength(p.impossible.length);
  });
});

describe("a restatement", () => {
  it("compares the promised dates when both reports have the section, and leaves them out when the publication has not", async () => {
    const { report } = await weekOf("prom-program");
    const today = { ...report, promises: { ...report.promises!, programTarget: { ...report.promises!.programTarget!, state: "on_track" as const }, impossible: [] } };
    expect(restatementTable(report, today, 4)).toEqual([
      { kind: "figure", what: "Committed target against the schedule", published: "impossible", today: "on track" },
      { kind: "figure", what: "Promised dates that can no longer be met", published: "1", today: "0" },
    ]);
    expect(restatementTable(withoutPromises(report), today, 4)).toEqual([{ kind: "text", what: "Text of the report (notes, names, evidence)", published: "as published", today: "4 lines differ" }]);
  });
});

describe("a week published before the section existed", () => {
  const SLUG = "prom-late";
  const T1 = Date.parse("2025-01-06T09:00:00Z");
  const T2 = Date.parse("2025-02-03T09:00:00Z");

  /** Stores the week as a publication made by the version before promises would have stored it. */
  beforeAll(async () => {
    const legacy = withoutPromises((await weekOf(SLUG)).report);
    const markdown = renderReportMarkdown(legacy);
    expect(markdown).not.toContain(HEADING);
    const sha256 = sha256Hex(markdown);
    const program = db.$client.prepare("SELECT id FROM programs WHERE slug = ?").get(SLUG) as { id: number };
    await db.insert(publishedReports).values({
      programId: program.id,
      isoWeek: WEEK,
      markdown: stampReportMarkdown(markdown, { version: "published", publishedAt: "2025-01-06T09:00:00.000Z", publishedBy: "cli", sha256 }),
      json: renderReportJson(legacy, null),
      sha256,
      logHead: "0".repeat(64),
      publishedAt: T1,
      publishedById: null,
    });
  });

  it("is not restated by the new section, and stays that publication in every format", async () => {
    const { publication, stamp, report, markdown, published } = await getWeeklyReport(db, SLUG, WEEK, T1 + 1000);
    expect(publication).toMatchObject({ restated: false, differences: [], lines: [] });
    expect(stamp.version).toBe("published");
    expect(report.promises).toBeUndefined();
    expect(markdown).not.toContain(HEADING);
    expect((await exportWeeklyReport(db, SLUG, WEEK, "md", { now: T1 + 1000 })).body).toBe(published!.markdown);
    const csv = String((await exportWeeklyReport(db, SLUG, WEEK, "csv", { now: T1 + 1000 })).body);
    expect(parseCsv(csv)[0]!.slice(0, SEALED_CSV_COLUMNS_BEFORE_PROMISES.length)).toEqual(SEALED_CSV_COLUMNS_BEFORE_PROMISES);
    expect(readCsvSeal(csv)).toMatchObject({ consistent: true, program: SLUG, week: WEEK });
    expect(readReportFile(csv)!.sealIntact).toBe(true);
    const json = JSON.parse(String((await exportWeeklyReport(db, SLUG, WEEK, "json", { now: T1 + 1000 })).body));
    expect(json.promises).toBeUndefined();
    // The published file still verifies against the history.
    expect(await verifyReportFile(db, published!.markdown, T1 + 1000)).toMatchObject({ matches: true, publication: { matches: true } });
    expect((await listReportWeeks(db, SLUG, { now: T1 + 1000 })).weeks.find((w) => w.week === WEEK)!.publication!.restated).toBe(false);
    expect((await getReportPreview(db, SLUG, WEEK, T1 + 1000)).report.promises).toBeUndefined();
  });

  it("once restated by a backfill, lists the real differences only, and the regenerated week has the section", async () => {
    const alice = (await findPerson(db, "alice@example.com"))!;
    const bob = (await findPerson(db, "bob@example.com"))!;
    const t = await recordTransition(db, { slug: SLUG, key: "B", input: { to: "design", effectiveAt: "2024-12-24", note: "Backfilled" }, actor: alice, now: T2 });
    await verifyTransition(db, { slug: SLUG, transitionId: t.id, input: {}, actor: bob, now: T2 });
    const { publication, report, markdown } = await getWeeklyReport(db, SLUG, WEEK, T2 + 1000);
    expect(publication!.restated).toBe(true);
    expect(publication!.differences.filter((d) => d.kind === "item").map((d) => d.what)).toEqual(["B trueStatus", "B reportedStatus"]);
    expect(publication!.lines.some((l) => l.text.includes("Promised dates") || l.text.includes("its own target"))).toBe(false);
    expect(report.promises!.impossible.map((p) => p.key)).toEqual(["A", "C", "D"]);
    expect(markdown).toContain(HEADING);
    const preview = await getReportPreview(db, SLUG, WEEK, T2 + 1000);
    expect(preview.restatement.map((r) => r.what)).not.toContain("Promised dates that can no longer be met");
    expect(preview.restatement.length).toBeGreaterThan(0);
  });
});
