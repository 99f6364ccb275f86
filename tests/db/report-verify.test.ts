/**
 * Verifiable exports: a file is checked against its own digest (was it edited?) and
 * against a regeneration from the current history (does the history still say this?).
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findPerson } from "@/db/accounts/manage-users";
import { importBundle } from "@/db/import-bundle";
import { openDatabase, type Db } from "@/db/index";
import { recordTransition } from "@/db/mutations/record-transition";
import { getWeeklyReport } from "@/db/queries/get-weekly-report";
import { verifyReportFile } from "@/db/queries/verify-report-file";
import { AppError } from "@/lib/errors";
import { renderReportCsv } from "@/lib/report/render-csv";
import { renderReportJson } from "@/lib/report/render-json";

const NOW = Date.parse("2026-11-27T08:00:00Z");
const LATER = NOW + 3_600_000;
let db: Db;

beforeAll(async () => {
  db = await openDatabase(":memory:");
  await importBundle(db, JSON.parse(fs.readFileSync(path.resolve(process.cwd(), "db/seed/boost-offload.json"), "utf8")), { actor: null });
});
afterAll(() => db.$client.close());

const files = async () => {
  const { report, markdown } = await getWeeklyReport(db, "boost-offload", "2024-W52", NOW);
  return { md: markdown, csv: renderReportCsv(report), json: renderReportJson(report) };
};

describe("verify-report", () => {
  it("accepts an untouched file in every format", async () => {
    for (const [format, text] of Object.entries(await files())) {
      const v = await verifyReportFile(db, text, NOW);
      expect(v.seal.format).toBe(format);
      expect(v.seal).toMatchObject({ program: "boost-offload", week: "2024-W52", sealIntact: true });
      expect(v.matches).toBe(true);
      expect(v.lines).toEqual([]);
    }
  });

  it("rejects a Markdown file with one changed figure, and shows the line", async () => {
    const changed = (await files()).md.replace("**Done (verified): 0 of 64 items**", "**Done (verified): 1 of 64 items**");
    const v = await verifyReportFile(db, changed, NOW);
    expect(v.seal.sealIntact).toBe(false);
    expect(v.matches).toBe(false);
    expect(v.lines.map((l) => `${l.op}${l.line}`)).toEqual(["-7", "+7"]);
    expect(v.lines[0]!.text).toContain("1 of 64");
    expect(v.lines[1]!.text).toContain("0 of 64");
  });

  it("rejects a CSV file with one changed figure, and shows only that row", async () => {
    const csv = (await files()).csv;
    const lines = csv.split("\r\n");
    const row = lines.findIndex((l) => l.startsWith("FND-01,"));
    lines[row] = lines[row]!.replace(",12,not_started,", ",2,not_started,");
    const v = await verifyReportFile(db, lines.join("\r\n"), NOW);
    expect(v.seal.sealIntact).toBe(false);
    expect(v.matches).toBe(false);
    expect(v.lines).toHaveLength(2);
    expect(v.lines.every((l) => l.text.startsWith("FND-01,"))).toBe(true);
  });

  it("rejects a JSON file with one changed figure", async () => {
    const doc = JSON.parse((await files()).json);
    doc.headline.done = 1;
    const v = await verifyReportFile(db, JSON.stringify(doc, null, 2), NOW);
    expect(v.seal.sealIntact).toBe(false);
    expect(v.matches).toBe(false);
    expect(v.lines.some((l) => l.op === "-" && l.text.includes('"done": 1'))).toBe(true);
  });

  it("tells a sealed file the history has since changed from an edited one", async () => {
    const before = await files();
    const owner = (await findPerson(db, "priya.raman@example.com"))!;
    // A regression recorded today, effective in 2024-W52: the history of that week changes.
    await recordTransition(db, { slug: "boost-offload", key: "FND-09", input: { to: "design", effectiveAt: "2024-12-27", note: "Toolchain redesign" }, actor: owner, now: LATER });
    const v = await verifyReportFile(db, before.md, LATER);
    expect(v.seal.sealIntact).toBe(true);
    expect(v.matches).toBe(false);
    expect(v.lines.some((l) => l.op === "+" && l.text.startsWith("| FND-09 |"))).toBe(true);
    expect((await verifyReportFile(db, (await getWeeklyReport(db, "boost-offload", "2024-W52", LATER)).markdown, LATER)).matches).toBe(true);
  });

  it("refuses a text that is no report", async () => {
    for (const text of ["hello", "{}", '{"format":"offload-tracker/v1"}', "key,title\r\nA,B\r\n"])
      await expect(verifyReportFile(db, text, NOW)).rejects.toThrow(AppError);
  });
});
