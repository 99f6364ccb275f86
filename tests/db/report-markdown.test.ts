/**
 * The Markdown export: stored text renders as text, the footer seals the body, and the
 * JSON carries its digest in a field.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importBundle } from "@/db/import-bundle";
import { openDatabase, type Db } from "@/db/index";
import { getWeeklyReport } from "@/db/queries/get-weekly-report";
import { escapeMarkdown, markdownLink } from "@/lib/markdown/markdown-text";
import { readReportFile } from "@/lib/report/read-report-file";
import { readMarkdownFooter, sha256Hex } from "@/lib/report/report-digest";
import { jsonReportDigest, renderReportJson } from "@/lib/report/render-json";

const NOW = Date.parse("2026-11-27T08:00:00Z");
const NASTY = "**bold** _it_ <img src=x onerror=alert(1)> [x](javascript:alert(1)) | pipe `code` &amp; ~~gone~~ \\";

let db: Db;
beforeAll(async () => {
  db = await openDatabase(":memory:");
  await importBundle(
    db,
    {
      format: "offload-tracker/v1",
      program: { slug: "md-nasty", name: "<b>Program</b> | *x*" },
      people: [{ email: "o@example.com", name: "O *Owner*", team: "" }],
      items: [
        { key: "M_1_", title: NASTY, area: "Area | <script>", owner: "o@example.com", estimateWeeks: 1, identifiedAt: "2024-01-01" },
        { key: "M2", title: "Line one\nLine two", area: "Plain", owner: null, estimateWeeks: 2, identifiedAt: "2024-01-01" },
      ],
      claims: [
        {
          id: "c1",
          date: "2024-06-01",
          speaker: "Speaker <i>",
          quote: "# heading\n- list [link](http://x) <a href=y>",
          url: "https://example.com/a_(b)",
          links: [{ item: "M2", requires: "design" }],
        },
      ],
    },
    { actor: null },
  );
});
afterAll(() => db.$client.close());

const markdown = async () => (await getWeeklyReport(db, "md-nasty", "2024-W52", NOW)).markdown;

/** Pipes not escaped by a backslash: the cell separators of a GFM table row. */
const separators = (line: string) => line.replace(/\\./g, "").split("|").length - 1;

describe("report Markdown", () => {
  it("escapes markup in stored text so it renders as text", async () => {
    const md = await markdown();
    expect(md).toContain("\\*\\*bold\\*\\* \\_it\\_ \\<img src=x onerror=alert(1)\\> \\[x\\](javascript:alert(1)) \\| pipe \\`code\\` \\&amp; \\~\\~gone\\~\\~ \\\\");
    expect(md).toContain("# Weekly report: \\<b\\>Program\\</b\\> \\| \\*x\\* — 2024-W52");
    expect(md).not.toMatch(/(?<!\\)<(img|script|b>|a href)/);
    expect(md).toContain("> “\\# heading - list \\[link\\](http://x) \\<a href=y\\>”");
    expect(md).toContain("[example.com](https://example.com/a_%28b%29)");
  });

  it("keeps every table row's columns, whatever the text", async () => {
    const lines = (await markdown()).split("\n");
    const allItems = lines.indexOf("## All items (2)");
    const header = lines[allItems + 2]!;
    const rows = lines.slice(allItems + 3, allItems + 6).filter((l) => l.startsWith("|"));
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(separators(row)).toBe(separators(header));
    expect(await markdown()).toContain("| M2 | Line one Line two |");
  });

  it("escaping is reversible and leaves no markup character bare (property)", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const escaped = escapeMarkdown(text);
        expect(escaped).not.toMatch(/[\r\n\t]/);
        expect(escaped.replace(/\\./g, "")).not.toMatch(/[\\`*_[\]<>|~&]/);
        expect(escaped.replace(/\\(.)/g, "$1")).toBe(text.replace(/[\r\n\t]+/g, " "));
      }),
    );
  });

  it("links only http(s) URLs", () => {
    expect(markdownLink("x", "javascript:alert(1)")).toBe("javascript:alert(1)");
    expect(markdownLink("x", "https://e.com/a b")).toBe("[x](https://e.com/a%20b)");
  });

  it("ends with a footer that names the week and the log head and seals the body", async () => {
    const md = await markdown();
    const footer = readMarkdownFooter(md)!;
    expect(footer).toMatchObject({ program: "md-nasty", week: "2024-W52" });
    expect(footer.sha256).toBe(sha256Hex(footer.body));
    expect(md.endsWith(" -->\n")).toBe(true);
    expect(md.split("\n").at(-2)).toMatch(/^<!-- offload-tracker-report v1 program=md-nasty week=2024-W52 logHeadAtCutoff=[0-9a-f]{64} sha256=[0-9a-f]{64} -->$/);
    expect(readReportFile(md.replace("(2)", "(3)"))!.sealIntact).toBe(false);
  });
});

describe("report JSON", () => {
  it("carries its digest in a field, over the canonical JSON of the report", async () => {
    const { report } = await getWeeklyReport(db, "md-nasty", "2024-W52", NOW);
    const doc = JSON.parse(renderReportJson(report));
    expect(doc.sha256).toBe(jsonReportDigest(doc));
    expect(doc.publication).toBeNull();
    expect(Object.keys(doc).slice(0, 4)).toEqual(["format", "program", "week", "weekStart"]);
    const changed = { ...doc, headline: { ...doc.headline, done: 1 } };
    expect(jsonReportDigest(changed)).not.toBe(doc.sha256);
    // Whitespace does not matter to the digest; content does.
    expect(readReportFile(JSON.stringify(doc))!.sealIntact).toBe(true);
    expect(readReportFile(JSON.stringify(changed))!.sealIntact).toBe(false);
  });
});
