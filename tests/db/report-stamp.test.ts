/**
 * Every rendered report says whether it is the published version or a draft (report-stamp.ts),
 * in its header and its footer, outside the sealed report: the sealed bytes and their digest stay
 * a function of the history, verify-report passes on a draft and on the published file, and the
 * published Markdown is served exactly as it was stored.
 */
import fs from "node:fs";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findPerson } from "@/db/accounts/manage-users";
import { firstRow } from "@/db/first-row";
import { importBundle } from "@/db/import-bundle";
import { openDatabase, type Db } from "@/db/index";
import { publishReport } from "@/db/mutations/publish-report";
import { recordTransition } from "@/db/mutations/record-transition";
import { verifyTransition } from "@/db/mutations/verify-transition";
import { exportWeeklyReport, getWeeklyReport } from "@/db/queries/get-weekly-report";
import { verifyReportFile } from "@/db/queries/verify-report-file";
import { publishedReports } from "@/db/schema";
import type { AppError } from "@/lib/errors";
import { chromiumPath } from "@/db/print/print-pdf";
import { readReportFile } from "@/lib/report/read-report-file";
import { parseCsv, renderReportCsv, REPORT_CSV_COLUMNS } from "@/lib/report/render-csv";
import { renderReportHtml } from "@/lib/report/render-html";
import { renderReportJson } from "@/lib/report/render-json";
import { readMarkdownFooter, sha256Hex } from "@/lib/report/report-digest";
import { HAS_PDFTOTEXT, pdfToText } from "../support/pdf-text";
import { smallBundle } from "../support/small-bundle";
import { TEST_ACCOUNTS } from "../support/test-accounts";

const SLUG = "stamp-test";
const T1 = Date.parse("2025-01-06T09:00:00Z"); // the Monday after 2024-W52
const T2 = Date.parse("2025-02-03T10:30:00Z"); // a backfill, a month later
const DRAFT = "Draft generated on 2025-01-06 09:00 UTC — not published";
const SEALED_FORMATS = ["md", "csv", "json"] as const;

let db: Db;
beforeAll(async () => {
  db = await openDatabase(":memory:");
  await importBundle(db, smallBundle(SLUG), { actor: null });
});
afterAll(() => {
  db.$client.close();
});

const text = async (format: "md" | "csv" | "json", now: number, week = "2024-W52") => (await exportWeeklyReport(db, SLUG, week, format, { now })).body as string;

describe("a draft", () => {
  it("says so at the head and the foot of its Markdown, outside the sealed report", async () => {
    const md = await text("md", T1);
    const lines = md.split("\n");
    expect(lines[0]).toBe(`> **${DRAFT}**`);
    expect(lines[2]).toBe(`# Weekly report: Program ${SLUG} — 2024-W52`);
    expect(lines.at(-3)).toBe("");
    expect(lines.at(-4)).toBe(`> **${DRAFT}** The stamp lines (this one and the first) are not part of the sealed report: the SHA-256 on the last line covers every byte between them.`);
    expect(lines.at(-2)).toMatch(/^<!-- offload-tracker-report v1 program=stamp-test week=2024-W52 .* -->$/);
    // Without its stamp lines, the file is the sealed report, whose digest the stamp did not change.
    const { markdown } = await getWeeklyReport(db, SLUG, "2024-W52", T1);
    const parts = readMarkdownFooter(md)!;
    expect(parts.unstamped).toBe(markdown);
    expect(parts.sha256).toBe(sha256Hex(parts.body));
    expect(parts.stamp).toBe(DRAFT);
  });

  it("carries the stamp on every CSV row and in a JSON field, both outside their digests", async () => {
    const { report } = await getWeeklyReport(db, SLUG, "2024-W52", T1);
    const [header, ...rows] = parseCsv(await text("csv", T1));
    expect(header).toEqual([...REPORT_CSV_COLUMNS]);
    expect(header!.slice(-2)).toEqual(["version", "stamp"]);
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row.slice(-2)).toEqual(["draft", DRAFT]);
    const unstamped = parseCsv(renderReportCsv(report));
    expect(rows[0]![19]).toBe(unstamped[1]![19]); // reportSha256: the same digest stamped or not

    const doc = JSON.parse(await text("json", T1));
    expect(doc.stamp).toEqual({ version: "draft", generatedAt: "2025-01-06T09:00:00.000Z", published: null, text: DRAFT });
    expect(doc.sha256).toBe(JSON.parse(renderReportJson(report)).sha256);
    expect(Object.keys(doc).slice(-3)).toEqual(["publication", "stamp", "sha256"]);
  });

  it("heads and ends the print page, and is the first and last row of the spreadsheet's Summary", async () => {
    const { report, stamp } = await getWeeklyReport(db, SLUG, "2024-W52", T1);
    const html = renderReportHtml(report, [], stamp);
    expect(html.split(DRAFT)).toHaveLength(3);
    expect(html.indexOf(DRAFT)).toBeLessThan(html.indexOf("<h1>"));

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Uint8Array.from((await exportWeeklyReport(db, SLUG, "2024-W52", "xlsx", { now: T1 })).body as Buffer).buffer);
    const summary = book.getWorksheet("Summary")!;
    expect((summary.getRow(2).values as unknown[]).slice(1)).toEqual(["Version", DRAFT]);
    expect((summary.getRow(summary.rowCount).values as unknown[]).slice(1)).toEqual(["Version", DRAFT]);
    for (const sheet of book.worksheets) expect(sheet.headerFooter.oddHeader).toBe(`&L${DRAFT}`);
  });

  it("keeps the same sealed bytes when made again; the stamp says when it was generated", async () => {
    const first = Object.fromEntries(await Promise.all(SEALED_FORMATS.map(async (f) => [f, await text(f, T1)] as const)));
    // Later, with the history as it was: the same files, stamp included (it names the generation).
    for (const f of SEALED_FORMATS) expect(await text(f, T1 + 3_600_000)).toBe(first[f]);
    // A write elsewhere moves the log head: a new draft, generated now, with the same sealed report.
    await importBundle(db, smallBundle(`${SLUG}-other`), { actor: null });
    for (const f of SEALED_FORMATS) {
      const again = await text(f, T1 + 7_200_000);
      expect(again).not.toBe(first[f]);
      expect(readReportFile(again)!.stamp).toBe("Draft generated on 2025-01-06 11:00 UTC — not published");
      expect(readReportFile(again)!.comparable).toBe(readReportFile(first[f]!)!.comparable);
    }
  });

  it("passes verify-report in every sealed format", async () => {
    for (const f of SEALED_FORMATS) {
      const v = await verifyReportFile(db, await text(f, T1), T1);
      expect(v).toMatchObject({ matches: true, publication: null, seal: { format: f, sealIntact: true, stamp: expect.stringMatching(/^Draft generated on /) } });
    }
  });
});

describe("the published version", () => {
  let stored = "";
  let sha256 = "";

  it("is stamped at publication and its Markdown download is the stored bytes, byte for byte", async () => {
    const ada = (await findPerson(db, TEST_ACCOUNTS.admin.email))!;
    sha256 = (await publishReport(db, { slug: SLUG, week: "2024-W52", publisher: { id: ada.id, label: ada.email, name: ada.name }, now: T1 })).sha256;
    stored = (await firstRow(db.select().from(publishedReports).where(eq(publishedReports.isoWeek, "2024-W52"))))!.markdown;
    const md = (await exportWeeklyReport(db, SLUG, "2024-W52", "md", { now: T1 + 60_000 })).body as string;
    expect(Buffer.from(md).equals(Buffer.from(stored))).toBe(true);
    const published = `Published version — published on 2025-01-06 09:00 UTC, by Ada Admin, sha256 ${sha256}`;
    expect(md.split("\n")[0]).toBe(`> **${published}**`);
    expect(sha256Hex(readMarkdownFooter(md)!.unstamped)).toBe(sha256);

    // The other formats name the same publication, whenever they are made.
    const [, row] = parseCsv(await text("csv", T2));
    expect(row!.slice(-2)).toEqual(["published", published]);
    expect(JSON.parse(await text("json", T2)).stamp).toMatchObject({ version: "published", publishedBy: "Ada Admin", sha256, text: published });
  });

  it("passes verify-report, which also finds the publication the stamp names", async () => {
    for (const f of SEALED_FORMATS) {
      const v = await verifyReportFile(db, await text(f, T1), T1);
      expect(v).toMatchObject({ matches: true, seal: { sealIntact: true }, publication: { matches: true, sha256 } });
    }
  });

  it("is not claimed by a draft dressed up as published", async () => {
    const week51 = await text("md", T1, "2024-W51");
    const forged = week51.replaceAll(/^> \*\*Draft generated on [^*]*\*\*/gm, `> **Published version — published on 2025-01-06 09:00 UTC, by Ada Admin, sha256 ${sha256}**`);
    expect(forged).not.toBe(week51);
    const v = await verifyReportFile(db, forged, T1);
    // The sealed report is intact and true; the claim to be the publication is not.
    expect(v).toMatchObject({ matches: true, seal: { sealIntact: true }, publication: { matches: false, sha256: null } });
  });

  it("after a backfill, downloads are drafts that say they differ, and the published Markdown stays as stored", async () => {
    const carl = (await findPerson(db, TEST_ACCOUNTS.contributor.email))!;
    const rita = (await findPerson(db, TEST_ACCOUNTS.reviewer.email))!;
    const t = await recordTransition(db, { slug: SLUG, key: "A", input: { to: "design", effectiveAt: "2024-12-24", note: "Backfilled" }, actor: carl, now: T2 });
    await verifyTransition(db, { slug: SLUG, transitionId: t.id, input: {}, actor: rita, now: T2 });
    const md = (await exportWeeklyReport(db, SLUG, "2024-W52", "md", { now: T2 })).body as string;
    expect(readReportFile(md)!.stamp).toBe("Draft generated on 2025-02-03 10:30 UTC — differs from the version published on 2025-01-06 09:00 UTC by Ada Admin (restated)");
    expect((await exportWeeklyReport(db, SLUG, "2024-W52", "md", { now: T2, version: "published" })).body).toBe(stored);
    // The stored file still verifies as the publication; it no longer matches the history.
    expect(await verifyReportFile(db, stored, T2)).toMatchObject({ matches: false, seal: { sealIntact: true }, publication: { matches: true } });

    const refused = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as AppError);
    expect((await refused(exportWeeklyReport(db, SLUG, "2024-W52", "csv", { now: T2, version: "published" })))?.status).toBe(400);
    expect((await refused(exportWeeklyReport(db, SLUG, "2024-W51", "md", { now: T2, version: "published" })))?.status).toBe(404);
  });
});

describe.skipIf(!fs.existsSync(chromiumPath()) || !HAS_PDFTOTEXT)("the PDF, read back with pdftotext", () => {
  const pdfText = async (week: string, now: number) => {
    const pdf = (await exportWeeklyReport(db, SLUG, week, "pdf", { now })).body as Buffer;
    return pdfToText(pdf);
  };

  it("says draft on a week never published, and published on the published one, on every page", async () => {
    const now = Date.parse("2025-02-10T08:00:00Z");
    const draft = await pdfText("2024-W51", now);
    const pages = draft.split("\f").filter((p) => p.trim() !== "");
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) expect(page).toMatch(/Draft generated on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC — not published/);
    expect(draft).toContain("· Draft ·");

    const ada = (await findPerson(db, TEST_ACCOUNTS.admin.email))!;
    await publishReport(db, { slug: SLUG, week: "2024-W50", publisher: { id: ada.id, label: ada.email, name: ada.name }, now });
    const published = await pdfText("2024-W50", now);
    for (const page of published.split("\f").filter((p) => p.trim() !== "")) expect(page).toContain("Published version — published on 2025-02-10 08:00 UTC, by Ada Admin, sha256");
    expect(published).not.toContain("Draft generated on");
  }, 60_000);
});
