/** The weekly report as a workbook: read back with the library that wrote it, as a spreadsheet user would see it. */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importBundle } from "@/db/import-bundle";
import { openDatabase, type Db } from "@/db/index";
import { exportWeeklyReport, getWeeklyReport } from "@/db/queries/get-weekly-report";
import { marginWords } from "@/lib/report/promise-words";
import { smallBundle } from "../support/small-bundle";
import { TEST_ACCOUNTS } from "../support/test-accounts";

const NOW = Date.parse("2026-11-27T08:00:00Z");
const SLUG = "xlsx-test";
let db: Db;

beforeAll(async () => {
  db = await openDatabase(":memory:");
  const bundle = smallBundle(SLUG);
  bundle.items[0]!.title = "=HYPERLINK(\"https://evil.example\",\"click\")";
  bundle.transitions = [
    { item: "A", to: "design", effectiveAt: "2024-12-02", by: TEST_ACCOUNTS.contributor.email, verifiedBy: TEST_ACCOUNTS.reviewer.email, verifiedAt: "2024-12-03" },
  ] as never;
  await importBundle(db, bundle, { actor: null });
});
afterAll(() => db.$client.close());

async function workbook() {
  const file = await exportWeeklyReport(db, SLUG, "2024-W52", "xlsx", { now: NOW });
  expect(file.contentType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  expect(file.fileName).toBe(`${SLUG}-2024-W52.xlsx`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Uint8Array.from(file.body as Buffer).buffer);
  return book;
}

const rowValues = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1);

describe("the weekly report as an xlsx workbook", () => {
  it("has the four sheets, each with a frozen, filtered header row in words", async () => {
    const book = await workbook();
    expect(book.worksheets.map((s) => s.name)).toEqual(["Summary", "Areas", "Items", "Claims"]);
    for (const sheet of book.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
      expect(sheet.getRow(1).font?.bold).toBe(true);
    }
    const items = book.getWorksheet("Items")!;
    expect(rowValues(items, 1).slice(0, 9)).toEqual(["Key", "Title", "Area", "Owner", "Owner name", "Team", "Estimate (weeks)", "True status", "Reported status"]);
    expect(items.rowCount).toBe(1 + 4);
  });

  it("shows on Summary, under the headline, the per-area table of the Areas sheet", async () => {
    const book = await workbook();
    const summary = book.getWorksheet("Summary")!;
    const areas = book.getWorksheet("Areas")!;
    let header = 0;
    summary.eachRow((row, n) => {
      if (row.getCell(1).value === "Area") header = n;
    });
    expect(header).toBeGreaterThan(2);
    expect(summary.getRow(header).font?.bold).toBe(true);
    for (let i = 0; i < areas.rowCount; i++) expect(rowValues(summary, header + i)).toEqual(rowValues(areas, 1 + i));
    expect(rowValues(summary, header + areas.rowCount - 1)[0]).toBe("All areas");
  });

  it("writes numbers, booleans and dates as such, and statuses as words", async () => {
    const items = (await workbook()).getWorksheet("Items")!;
    const a = rowValues(items, 2);
    expect(a[0]).toBe("A");
    expect(a[6]).toBe(2);
    expect(a[7]).toBe("Design");
    expect(a[11]).toBe(false);
    const identified = a[14];
    expect(identified).toBeInstanceOf(Date);
    expect((identified as Date).toISOString().slice(0, 10)).toBe("2024-01-01");
    expect(items.getRow(2).getCell(15).numFmt).toBe("yyyy-mm-dd");
  });

  it("neutralises a title a spreadsheet would run as a formula", async () => {
    const items = (await workbook()).getWorksheet("Items")!;
    const title = items.getRow(2).getCell(2);
    expect(title.type).toBe(ExcelJS.ValueType.String);
    expect(title.value).toBe("'=HYPERLINK(\"https://evil.example\",\"click\")");
    expect(title.formula).toBeUndefined();
  });

  it("carries the headline figures of the same report, readiness floored as a percentage cell", async () => {
    const summary = (await workbook()).getWorksheet("Summary")!;
    const figures = new Map<string, unknown>();
    summary.eachRow((row, n) => n > 1 && figures.set(String(row.getCell(1).value), row.getCell(2).value));
    const { report } = await getWeeklyReport(db, SLUG, "2024-W52", NOW);
    expect(figures.get("Week")).toBe("2024-W52");
    expect(figures.get("Items in the program")).toBe(report.headline.total);
    expect(figures.get("Done (verified)")).toBe(report.headline.done);
    expect(figures.get("Started (verified)")).toBe(1);
    expect(figures.get("Readiness (verified done / items, floored)")).toBe(0);
    expect((figures.get("Committed target date") as Date).toISOString().slice(0, 10)).toBe("2025-06-30");
    expect(figures.get("Committed target against the schedule")).toBe(`on track — earliest finish ${report.promises!.programTarget!.earliestFinish}, ${marginWords(report.promises!.programTarget!.slackWeeks)}`);
    expect(figures.get("Promised dates that can no longer be met (items, marked on Items)")).toBe(0);
    expect(figures.get("Promised dates")).toBe("Every promised date can still be met.");
  });

  it("marks, like Inflated, the items whose promised date can no longer be met", async () => {
    const local = await openDatabase(":memory:");
    try {
      const bundle = smallBundle("xlsx-late");
      (bundle.items[2] as Record<string, unknown>).targetDate = "2025-01-05"; // C: after A and B, 6 weeks of work, 1 week allowed
      await importBundle(local, bundle, { actor: null });
      const file = await exportWeeklyReport(local, "xlsx-late", "2024-W52", "xlsx", { now: NOW });
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Uint8Array.from(file.body as Buffer).buffer);
      const items = book.getWorksheet("Items")!;
      expect(rowValues(items, 1).slice(16)).toEqual(["Promise impossible", "Earliest finish", "Weeks late", "Limited by"]);
      const row = (key: string) => {
        for (let n = 2; n <= items.rowCount; n++) if (items.getRow(n).getCell(1).value === key) return rowValues(items, n).slice(16);
        return [];
      };
      expect(row("C")[0]).toBe(true);
      expect((row("C")[1] as Date).toISOString().slice(0, 10)).toBe("2025-02-09");
      expect(row("C").slice(2)).toEqual([5, "its own target 2025-01-05"]);
      expect(row("A").slice(2)).toEqual([5, "C's target 2025-01-05"]); // due 4 weeks (B and C) before C's target: 3 weeks before the cutoff
      expect(row("D")[0]).toBe(false);
      const summary = book.getWorksheet("Summary")!;
      const figures = new Map<string, unknown>();
      summary.eachRow((r) => figures.set(String(r.getCell(1).value), r.getCell(2).value));
      expect(figures.get("Promised dates that can no longer be met (items, marked on Items)")).toBe(3);
      expect(figures.has("Promised dates")).toBe(false);
    } finally {
      local.$client.close();
    }
  });
});
