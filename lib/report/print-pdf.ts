import fs from "node:fs";
import { escapeXml } from "./svg-charts";

/**
 * The one module of lib/report that leaves the process: it prints HTML to PDF with the Chromium of
 * the machine (Debian's /usr/bin/chromium, or CHROMIUM_PATH) through playwright-core.
 */

export const PAPERS = ["a4", "letter"] as const;
export type Paper = (typeof PAPERS)[number];

/** No usable Chromium: the PDF cannot be made, the other formats still can (HTTP 503). */
export class ChromiumUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ChromiumUnavailableError";
  }
}

export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run"];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

/** Prints a self-contained HTML page; `footer` is plain text shown beside the page numbers. */
export async function printPdf(html: string, options: { paper: Paper; footer: string }): Promise<Buffer> {
  const executablePath = chromiumPath();
  if (!fs.existsSync(executablePath))
    throw new ChromiumUnavailableError(`PDF needs Chromium, and there is none at ${executablePath} (set CHROMIUM_PATH); Markdown, CSV and JSON still work`);
  let chromium: typeof import("playwright-core").chromium;
  try {
    ({ chromium } = await import("playwright-core"));
  } catch {
    throw new ChromiumUnavailableError("PDF needs playwright-core, which is not installed; Markdown, CSV and JSON still work");
  }
  let browser: Awaited<ReturnType<typeof chromium.launch>>;
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 30_000 });
  } catch (e) {
    throw new ChromiumUnavailableError(`Chromium at ${executablePath} did not start (${(e as Error).message.split("\n")[0]}); Markdown, CSV and JSON still work`);
  }
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: "load" });
    const pdf = await page.pdf({
      format: options.paper === "letter" ? "Letter" : "A4",
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate:
        `<div style="font-size:7pt;font-family:'DejaVu Sans',sans-serif;color:#475569;width:100%;padding:0 12mm;display:flex;justify-content:space-between">` +
        `<span>${escapeXml(options.footer)}</span><span>page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
      margin: { top: "12mm", bottom: "16mm", left: "12mm", right: "12mm" },
      preferCSSPageSize: false,
    });
    return Buffer.from(pdf);
  } finally {
    await browser.close();
  }
}
