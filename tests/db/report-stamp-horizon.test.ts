/**
 * A week whose cutoff lies past the program's evidence horizon says so in its stamp (DESIGN §13),
 * in every format the stamp reaches, outside the sealed bytes: setting the horizon changes no
 * digest and restates no published week, a week on or before it keeps its files byte for byte,
 * and the published Markdown (`version: "published"`) stays exactly as stored.
 */
import fs from "node:fs";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findPerson } from "@/db/accounts/manage-users";
import { importBundle } from "@/db/import-bundle";
import { openDatabase, type Db } from "@/db/index";
import { editProgram } from "@/db/mutations/manage-program";
import { publishReport } from "@/db/mutations/publish-report";
import { exportWeeklyReport, getWeeklyReport } from "@/db/queries/get-weekly-report";
import { verifyReportFile } from "@/db/queries/verify-report-file";
import { chromiumPath } from "@/db/print/print-pdf";
import { readReportFile } from "@/lib/report/read-report-file";
import { parseCsv } from "@/lib/report/render-csv";
import { renderReportHtml } from "@/lib/report/render-html";
import { HAS_PDFTOTEXT, pdfToText } from "../support/pdf-text";
import { smallBundle } from "../support/small-bundle";
import { TEST_ACCOUNTS } from "../support/test-accounts";

const SLUG = "stamp-horizon";
const T = Date.parse("2025-02-03T10:30:00Z");
const STATEMENT = "Illustrative: this week lies past the program's evidence horizon, 2024-12-31; its figures are not evidence";
const DRAFT = "Draft generated on 2025-02-03 10:30 UTC — not published";
const TEXT_FORMATS = ["md", "csv", "json"] as const;
type TextFormat = (typeof TEXT_FORMATS)[number];

let db: Db;
let storedW01 = "";
/** Each week's files before the program had a horizon (2024-W52 on its near side, 2025-W02 past it). */
const before: Record<string, Record<TextFormat | "html", string> & { xlsx: Buffer }> = {};

const text = async (week: string, format: TextFormat, version?: "published") => (await exportWeeklyReport(db, SLUG, week, format, { now: T, version })).body as string;
const xlsx = async (week: string) => (await exportWeeklyReport(db, SLUG, week, "xlsx", { now: T })).body as Buffer;
const html = async (week: string) => {
  const { report, stamp } = await getWeeklyReport(db, SLUG, week, T);
  return renderReportHtml(report, [], stamp);
};
async function files(week: string) {
  const out = { html: await html(week), xlsx: await xlsx(week) } as (typeof before)[string];
  for (const f of TEXT_FORMATS) out[f] = await text(week, f);
  return out;
}
const admin = async () => (await findPerson(db, TEST_ACCOUNTS.admin.email))!;
async function workbookContent(file: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Uint8Array.from(file).buffer);
  return book.worksheets.map((sheet) => ({ name: sheet.name, printed: sheet.headerFooter, rows: sheet.getSheetValues() }));
}

beforeAll(async () => {
  db = await openDatabase(":memory:");
  await importBundle(db, smallBundle(SLUG), { actor: null });
  // A week published while the program had no horizon: its stored file never names one.
  const a = await admin();
  await publishReport(db, { slug: SLUG, week: "2025-W01", publisher: { id: a.id, label: a.email, name: a.name }, now: T });
  storedW01 = await text("2025-W01", "md", "published");
  for (const week of ["2024-W52", "2025-W02"]) before[week] = await files(week);
  await editProgram(db, { slug: SLUG, input: { factsUntil: "2024-12-31", version: 1 }, expectedVersion: undefined, actor: a });
});
afterAll(() => {
  db.$client.close();
});

describe("a week on or before the horizon", () => {
  it("gives the very bytes it gave before the horizon was set, in every format", async () => {
    const after = await files("2024-W52");
    for (const f of [...TEXT_FORMATS, "html"] as const) expect(after[f], f).toBe(before["2024-W52"]![f]);
    // A workbook's zip entries carry the time they were written: compare what it holds.
    expect(await workbookContent(after.xlsx)).toEqual(await workbookContent(before["2024-W52"]!.xlsx));
    expect(after.md).not.toContain("llustrative");
  });
});

describe("a week past the horizon", () => {
  it("ends both Markdown stamp lines with the statement; the sealed bytes and digest are unchanged", async () => {
    const md = await text("2025-W02", "md");
    const lines = md.split("\n");
    expect(lines[0]).toBe(`> **${DRAFT}. ${STATEMENT}**`);
    expect(lines.at(-4)).toMatch(new RegExp(`^> \\*\\*${DRAFT}\\. ${STATEMENT}\\*\\* The stamp lines`));
    const seal = readReportFile(md)!;
    expect(seal).toMatchObject({ sealIntact: true, stamp: `${DRAFT}. ${STATEMENT}` });
    expect(seal.comparable).toBe(readReportFile(before["2025-W02"]!.md)!.comparable);
    expect(seal.sha256).toBe(readReportFile(before["2025-W02"]!.md)!.sha256);
  });

  it("says so in the CSV's stamp column on every row and in the JSON's stamp, outside their digests", async () => {
    const [header, ...rows] = parseCsv(await text("2025-W02", "csv"));
    expect(header!.slice(-2)).toEqual(["version", "stamp"]);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.slice(-2)).toEqual(["draft", `${DRAFT}. ${STATEMENT}`]);
    const csv = readReportFile(await text("2025-W02", "csv"))!;
    expect(csv.sealIntact).toBe(true);
    expect(csv.comparable).toBe(readReportFile(before["2025-W02"]!.csv)!.comparable);

    const doc = JSON.parse(await text("2025-W02", "json"));
    expect(doc.stamp).toEqual({ version: "draft", generatedAt: "2025-02-03T10:30:00.000Z", published: null, illustrative: { factsUntil: "2024-12-31" }, text: `${DRAFT}. ${STATEMENT}` });
    expect(doc.sha256).toBe(JSON.parse(before["2025-W02"]!.json).sha256);
  });

  it("heads and ends the print page, and the workbook's Summary and every sheet's printed header and footer", async () => {
    expect((await html("2025-W02")).split(`${DRAFT}. ${STATEMENT}`.replace("'", "&#39;"))).toHaveLength(3);
    expect(before["2025-W02"]!.html).not.toContain("llustrative");

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Uint8Array.from(await xlsx("2025-W02")).buffer);
    const summary = book.getWorksheet("Summary")!;
    expect((summary.getRow(2).values as unknown[]).slice(1)).toEqual(["Version", `${DRAFT}. ${STATEMENT}`]);
    expect((summary.getRow(summary.rowCount).values as unknown[]).slice(1)).toEqual(["Version", `${DRAFT}. ${STATEMENT}`]);
    expect(book.worksheets.length).toBeGreaterThan(1);
    for (const sheet of book.worksheets) {
      expect(sheet.headerFooter.oddHeader).toBe(`&L${DRAFT}. ${STATEMENT}`);
      expect(sheet.headerFooter.oddFooter).toBe(`&L${DRAFT}. ${STATEMENT}&RPage &P of &N`);
    }
  });

  it("passes verify-report in every sealed format", async () => {
    for (const f of TEXT_FORMATS) expect(await verifyReportFile(db, await text("2025-W02", f), T), f).toMatchObject({ matches: true, publication: null, seal: { sealIntact: true } });
  });
});

describe("a published week past the horizon", () => {
  it("published before the horizon was set: stored bytes as they were, not restated, its current Markdown stamped with the statement", async () => {
    expect(storedW01).not.toContain("llustrative");
    expect(await text("2025-W01", "md", "published")).toBe(storedW01);
    const { publication, stamp } = await getWeeklyReport(db, SLUG, "2025-W01", T);
    expect(publication!.restated).toBe(false);
    expect(stamp).toMatchObject({ version: "published", illustrative: { factsUntil: "2024-12-31" } });

    const md = await text("2025-W01", "md");
    expect(md.split("\n")[0]).toMatch(new RegExp(`^> \\*\\*Published version — .*, sha256 [0-9a-f]{64}\\. ${STATEMENT}\\*\\*$`));
    expect(readReportFile(md)!.comparable).toBe(readReportFile(storedW01)!.comparable);
    expect(await verifyReportFile(db, md, T)).toMatchObject({ matches: true, publication: { matches: true } });
    expect(JSON.parse(await text("2025-W01", "json")).stamp).toMatchObject({ version: "published", illustrative: { factsUntil: "2024-12-31" } });
  });

  it("published past it: the statement is in the stored stamp, and the Markdown is served as stored", async () => {
    const a = await admin();
    const { sha256 } = await publishReport(db, { slug: SLUG, week: "2025-W02", publisher: { id: a.id, label: a.email, name: a.name }, now: T });
    const stored = await text("2025-W02", "md", "published");
    expect(stored.split("\n")[0]).toBe(`> **Published version — published on 2025-02-03 10:30 UTC, by Ada Admin, sha256 ${sha256}. ${STATEMENT}**`);
    expect(Buffer.from(await text("2025-W02", "md")).equals(Buffer.from(stored))).toBe(true);
    expect(await verifyReportFile(db, stored, T)).toMatchObject({ matches: true, publication: { matches: true, sha256 } });

    // With the digest and the statement, the footer (page numbers too) would pass Excel's 255
    // characters: the version words give way, the statement stays whole.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Uint8Array.from(await xlsx("2025-W02")).buffer);
    for (const sheet of book.worksheets) {
      expect(sheet.headerFooter.oddHeader).toBe(`&LPublished version — published on 2025-02-03 10:30 UTC, by Ada Admin, sha256 ${sha256}. ${STATEMENT}`);
      expect(sheet.headerFooter.oddFooter).toMatch(new RegExp(`^&LPublished version — .*, sha256 [0-9a-f]+…\\. ${STATEMENT}&RPage &P of &N$`));
      for (const printed of [sheet.headerFooter.oddHeader!, sheet.headerFooter.oddFooter!]) {
        expect(printed.length).toBeLessThanOrEqual(255);
        expect(printed).toMatch(/^&LPublished version — published on 2025-02-03 10:30 UTC, by Ada Admin/);
        expect(printed).toContain(`. ${STATEMENT}`);
      }
    }
  });
});

describe.skipIf(!fs.existsSync(chromiumPath()) || !HAS_PDFTOTEXT)("the PDF, read back with pdftotext", () => {
  const pages = async (week: string) => {
    const pdf = (await exportWeeklyReport(db, SLUG, week, "pdf", { now: T })).body as Buffer;
    // The header wraps (even inside a date): compare the characters, not the lines.
    return pdfToText(pdf)
      .split("\f")
      .filter((p) => p.trim() !== "")
      .map((p) => p.replace(/\s+/g, ""));
  };

  it("says so at the top of every page of a week past the horizon, and nowhere on a week before it", async () => {
    const past = await pages("2025-W02");
    expect(past.length).toBeGreaterThan(0);
    for (const page of past) {
      expect(page).toContain(STATEMENT.replace(/\s+/g, ""));
      expect(page).toContain("·Illustrative·history");
    }
    for (const page of await pages("2024-W52")) expect(page).not.toContain("llustrative");
  }, 60_000);
});
