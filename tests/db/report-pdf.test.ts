/**
 * The PDF: a print-styled page with the charts as inline SVG, printed by Chromium on its command
 * line on A4 or Letter, with a header and a numbered footer on every page, no script and no
 * network; without Chromium it fails with a clear reason.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importBundle } from "@/db/import-bundle";
import { openDatabase, type Db } from "@/db/index";
import { exportWeeklyReport, getWeeklyReport } from "@/db/queries/get-weekly-report";
import { statusOverTime } from "@/lib/charts/status-over-time";
import { chromiumPath, ChromiumUnavailableError, printPdf } from "@/db/print/print-pdf";
import { PRINTED_ROWS, renderReportHtml } from "@/lib/report/render-html";
import { HAS_PDFTOTEXT, pdfToText } from "../support/pdf-text";

const NOW = Date.parse("2026-11-27T08:00:00Z");
let db: Db;
beforeAll(async () => {
  db = await openDatabase(":memory:");
  await importBundle(db, JSON.parse(fs.readFileSync(path.resolve(process.cwd(), "db/seed/boost-offload.json"), "utf8")), { actor: null });
});
afterAll(() => {
  db.$client.close();
});

const pages = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
const mediaBox = (pdf: Buffer) => /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString("latin1"))?.slice(1).map(Number);

describe("the print page", () => {
  it("holds the headline, both charts as inline SVG, and no script or outside resource", async () => {
    const { report, source } = await getWeeklyReport(db, "boost-offload", "2024-W52", NOW);
    const html = renderReportHtml(report, statusOverTime(source.history.items, Date.parse("2024-12-29T23:59:59.999Z"), NOW));
    expect(html).toContain("0 of 64");
    expect(html).toContain("no verified completion in the last 12 weeks");
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toContain('aria-label="Burn-up: verified done, reported done and scope over time"');
    expect(html).toContain('aria-label="Cumulative flow of true status over time"');
    expect(html).not.toMatch(/<script|<link|src=/i);
  });

  it("prints the first rows of a list too long for paper and says where the rest are; a shorter list whole", async () => {
    const { report } = await getWeeklyReport(db, "boost-offload", "2024-W52", NOW);
    const many = Array.from({ length: PRINTED_ROWS + 50 }, (_, n) => ({ ...report.items[n % report.items.length]!, key: `MANY-${n}` }));
    const unowned = many.map((i) => ({ key: i.key, title: i.title }));
    const html = renderReportHtml({ ...report, items: many, quality: { ...report.quality, unowned } }, []);
    const allItems = html.slice(html.indexOf("<h2>All items"), html.indexOf("<h2>History"));
    expect(allItems).toContain(`All items (${PRINTED_ROWS + 50})`);
    expect(allItems.match(/<tr>/g)).toHaveLength(PRINTED_ROWS + 1); // the head and the printed rows
    expect(allItems).toContain(`MANY-${PRINTED_ROWS - 1}<`);
    expect(allItems).not.toContain(`MANY-${PRINTED_ROWS}<`);
    expect(allItems).toContain(`Printed: the first ${PRINTED_ROWS} of ${PRINTED_ROWS + 50}. All ${PRINTED_ROWS + 50} are in this week's JSON file and on its page in the tracker.`);
    const unownedPart = html.slice(html.indexOf("<h3>Unowned items"), html.indexOf("<h2>All items"));
    expect(unownedPart.match(/MANY-/g)).toHaveLength(PRINTED_ROWS);
    expect(unownedPart).toContain(`Printed: the first ${PRINTED_ROWS} of ${PRINTED_ROWS + 50}.`);
    const demo = renderReportHtml(report, []);
    expect(demo).not.toContain("Printed: the first");
    expect(demo.slice(demo.indexOf("<h2>All items"), demo.indexOf("<h2>History")).match(/<tr>/g)).toHaveLength(report.items.length + 1);
  });

  it("escapes stored text", async () => {
    const { report } = await getWeeklyReport(db, "boost-offload", "2024-W52", NOW);
    const hostile = { ...report, program: { ...report.program, name: "<script>alert(1)</script>" } };
    const html = renderReportHtml(hostile, []);
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });
});

describe.skipIf(!fs.existsSync(chromiumPath()))("the PDF through Chromium", () => {
  it("prints A4 by default and Letter on request, several pages", async () => {
    const a4 = (await exportWeeklyReport(db, "boost-offload", "2024-W52", "pdf", { now: NOW })).body as Buffer;
    expect(a4.subarray(0, 5).toString()).toBe("%PDF-");
    expect(mediaBox(a4)!.map(Math.round)).toEqual([595, 842]); // A4 is 595.28 × 841.89 pt
    expect(pages(a4)).toBeGreaterThan(3);
    // Untagged: a structure tree makes a large report four to five times the size.
    expect(a4.toString("latin1")).not.toContain("/StructTreeRoot");
    const letter = await exportWeeklyReport(db, "boost-offload", "2024-W52", "pdf", { now: NOW, paper: "letter" });
    expect(letter.fileName).toBe("boost-offload-2024-W52-letter.pdf");
    expect(mediaBox(letter.body as Buffer)).toEqual([612, 792]);
  }, 60_000);

  it.skipIf(!HAS_PDFTOTEXT)("puts the header and the footer with its page numbers on every page; the page's scripts do not run and it fetches nothing", async () => {
    const requests: string[] = [];
    const server = http.createServer((req, res) => {
      requests.push(req.url ?? "");
      res.end("x");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const html =
        `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="${origin}/style.css">` +
        `<style>@import url("${origin}/import.css"); p { background: url("${origin}/background.png"); }</style></head><body>` +
        `<p>First page</p><img src="${origin}/image.png" alt=""><img src="data:," alt="" onerror="fetch('${origin}/onerror')">` +
        `<iframe src="${origin}/frame"></iframe><script>document.body.append("SCRIPT RAN"); fetch("${origin}/fetch")</script>` +
        `<p style="break-before: page">Second page</p></body></html>`;
      const pdf = await printPdf(html, { paper: "a4", header: 'Draft "quoted" </style> header', footer: "Program · 2024-W52 · back\\slash" });
      const pages = pdfToText(pdf).split("\f").filter((p) => p.trim() !== "");
      expect(pages).toHaveLength(2);
      pages.forEach((page, i) => {
        expect(page).toContain('Draft "quoted" </style> header');
        expect(page).toMatch(new RegExp(`Program · 2024-W52 · back\\\\slash\\s+page ${i + 1} of 2`));
      });
      expect(pages.join("")).not.toContain("SCRIPT RAN");
      expect(requests).toEqual([]);
    } finally {
      server.close();
    }
  }, 60_000);
});

describe("which Chromium prints", () => {
  const shell = "/usr/lib/chromium/chromium-headless-shell";
  it("is CHROMIUM_PATH when set, else Debian's headless shell when installed, else /usr/bin/chromium", () => {
    expect(chromiumPath({ CHROMIUM_PATH: "/opt/chrome/chrome" }, () => true)).toBe("/opt/chrome/chrome");
    expect(chromiumPath({}, (file) => file === shell)).toBe(shell);
    expect(chromiumPath({}, () => false)).toBe("/usr/bin/chromium");
  });
});

describe("without Chromium", () => {
  it("fails the PDF with a clear reason and still makes the other formats", async () => {
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = "/nonexistent/chromium";
    try {
      const error = await exportWeeklyReport(db, "boost-offload", "2024-W52", "pdf", { now: NOW }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ChromiumUnavailableError);
      expect((error as Error).message).toBe(
        "PDF needs Chromium, and there is none at /nonexistent/chromium (set CHROMIUM_PATH); Markdown, CSV and JSON still work",
      );
      for (const format of ["md", "csv", "json"] as const)
        expect((await exportWeeklyReport(db, "boost-offload", "2024-W52", format, { now: NOW })).body.length).toBeGreaterThan(1000);
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  });
});
