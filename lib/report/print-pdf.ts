import fs from "node:fs";
import type * as PlaywrightCore from "playwright-core";
import { ConcurrencyLimiter, QueueFullError } from "../concurrency-limiter";
import { AppError } from "../errors";
import { escapeXml } from "./svg-charts";

/**
 * The one module of lib/report that leaves the process: it prints HTML to PDF with the Chromium of
 * the machine (CHROMIUM_PATH, else Debian's headless shell, else /usr/bin/chromium) through
 * playwright-core.
 *
 * One browser serves the whole process (a browser per request let 20 requests start 20 Chromiums
 * and gigabytes): launched on the first PDF, launched again after a crash, closed when idle. Each
 * print gets a context of its own (no JavaScript, offline) that is closed afterwards. At most
 * PDF_CONCURRENCY prints run at once and PDF_MAX_QUEUE wait; beyond that a PDF is refused with 503
 * and Retry-After rather than queued without end.
 */

export const PAPERS = ["a4", "letter"] as const;
export type Paper = (typeof PAPERS)[number];

/** No usable Chromium: the PDF cannot be made, the other formats still can (HTTP 503). */
export class ChromiumUnavailableError extends AppError {
  constructor(message: string) {
    super("unavailable", message);
  }
}

const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run"];

const DEFAULT_PDF_CONCURRENCY = 2;
const DEFAULT_PDF_MAX_QUEUE = 8;
// A full queue drains in about this long at ~2 s a print, two at a time.
const RETRY_AFTER_SECONDS = 10;
// An idle Chromium still keeps about 7 processes and their memory.
const IDLE_CLOSE_MS = 60_000;
// A print that hangs must not hold its slot for ever.
const PRINT_TIMEOUT_MS = 60_000;

// Debian's "old headless shell" (package chromium-headless-shell) is the same engine without the
// window system: it starts in half the time and prints a report in a quarter of it.
const HEADLESS_SHELL = "/usr/lib/chromium/chromium-headless-shell";
const CHROMIUM = "/usr/bin/chromium";

/** The Chromium to print with: CHROMIUM_PATH when set, else the headless shell when installed, else Chromium. */
export function chromiumPath(env: Readonly<Record<string, string | undefined>> = process.env, exists: (file: string) => boolean = fs.existsSync): string {
  return env.CHROMIUM_PATH ?? (exists(HEADLESS_SHELL) ? HEADLESS_SHELL : CHROMIUM);
}

/** Fails fast, before any queueing, when there is no Chromium to print with. */
export function assertChromiumInstalled(): void {
  const executablePath = chromiumPath();
  if (!fs.existsSync(executablePath))
    throw new ChromiumUnavailableError(`PDF needs Chromium, and there is none at ${executablePath} (set CHROMIUM_PATH); Markdown, CSV and JSON still work`);
}

/** What a print needs of a browser: playwright-core's Browser, or a fake in tests. */
export interface PdfBrowser {
  newContext(options: { javaScriptEnabled: boolean; offline: boolean }): Promise<PdfContext>;
  isConnected(): boolean;
  on(event: "disconnected", listener: () => void): unknown;
  close(): Promise<void>;
}
interface PdfContext {
  newPage(): Promise<{ setContent(html: string, options: { waitUntil: "load" }): Promise<unknown>; pdf(options: object): Promise<Buffer> }>;
  close(): Promise<void>;
}

export interface PdfPrinterOptions {
  launch: () => Promise<PdfBrowser>;
  concurrency: number;
  maxQueue: number;
  idleCloseMs?: number;
  printTimeoutMs?: number;
}

export interface PrintOptions {
  paper: Paper;
  /** Plain text shown beside the page numbers. */
  footer: string;
  /** Plain text at the top of every page (the report's stamp), if any. */
  header?: string;
}

function pdfOptions(options: PrintOptions) {
  return {
    format: options.paper === "letter" ? "Letter" : "A4",
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: options.header
      ? `<div style="font-size:7pt;font-family:'DejaVu Sans',sans-serif;color:#334155;width:100%;padding:0 12mm">${escapeXml(options.header)}</div>`
      : "<span></span>",
    footerTemplate:
      `<div style="font-size:7pt;font-family:'DejaVu Sans',sans-serif;color:#475569;width:100%;padding:0 12mm;display:flex;justify-content:space-between">` +
      `<span>${escapeXml(options.footer)}</span><span>page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
    margin: { top: "12mm", bottom: "16mm", left: "12mm", right: "12mm" },
    preferCSSPageSize: false,
  };
}

const retryLater = (message: string) => new AppError("unavailable", `${message}: retry in ${RETRY_AFTER_SECONDS} s`, [], RETRY_AFTER_SECONDS);

/** Prints through one browser, launched when first needed, with bounded concurrency and queue. */
export class PdfPrinter {
  private readonly limiter: ConcurrencyLimiter;
  private browser: Promise<PdfBrowser> | null = null;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: PdfPrinterOptions) {
    this.limiter = new ConcurrencyLimiter(options.concurrency, options.maxQueue);
  }

  print(html: string, options: PrintOptions): Promise<Buffer> {
    return this.limiter
      .run(() => this.printNow(html, options))
      .catch((error: unknown) => {
        if (error instanceof QueueFullError) throw retryLater(`the PDF printer is busy (${error.waiting} waiting)`);
        throw error;
      })
      .finally(() => this.closeWhenIdle());
  }

  /** Closes the browser (the CLI does when done; a print after this launches a new one). */
  async close(): Promise<void> {
    this.cancelIdleClose();
    const browser = this.browser;
    this.browser = null;
    await browser?.then(
      (b) => b.close(),
      () => undefined,
    );
  }

  private async printNow(html: string, options: PrintOptions): Promise<Buffer> {
    this.cancelIdleClose();
    const browser = await this.sharedBrowser();
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true }).catch((error: unknown) => {
      if (!browser.isConnected()) throw retryLater("Chromium stopped");
      throw error;
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      void context.close().catch(() => undefined);
    }, this.options.printTimeoutMs ?? PRINT_TIMEOUT_MS);
    try {
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: "load" });
      return Buffer.from(await page.pdf(pdfOptions(options)));
    } catch (error) {
      if (timedOut) throw retryLater(`the PDF took longer than ${Math.round((this.options.printTimeoutMs ?? PRINT_TIMEOUT_MS) / 1000)} s`);
      if (!browser.isConnected()) throw retryLater("Chromium stopped while printing");
      throw error;
    } finally {
      clearTimeout(timer);
      await context.close().catch(() => undefined);
    }
  }

  /** The one browser; concurrent first prints share its launch, and a crash or failure clears it. */
  private sharedBrowser(): Promise<PdfBrowser> {
    if (this.browser) return this.browser;
    const launching = this.options.launch().then((browser) => {
      const forget = () => {
        if (this.browser === launching) this.browser = null;
      };
      browser.on("disconnected", forget);
      if (!browser.isConnected()) forget();
      return browser;
    });
    launching.catch(() => {
      if (this.browser === launching) this.browser = null;
    });
    this.browser = launching;
    return launching;
  }

  private closeWhenIdle() {
    if (this.limiter.running > 0 || this.limiter.waiting > 0 || !this.browser) return;
    this.cancelIdleClose();
    this.idleTimer = setTimeout(() => void this.close(), this.options.idleCloseMs ?? IDLE_CLOSE_MS);
    this.idleTimer.unref?.();
  }

  private cancelIdleClose() {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}

let playwright: Promise<typeof PlaywrightCore> | null = null;

async function launchChromium(): Promise<PdfBrowser> {
  assertChromiumInstalled();
  const executablePath = chromiumPath();
  let chromium: typeof PlaywrightCore.chromium;
  try {
    ({ chromium } = await (playwright ??= import("playwright-core")));
  } catch {
    playwright = null;
    throw new ChromiumUnavailableError("PDF needs playwright-core, which is not installed; Markdown, CSV and JSON still work");
  }
  try {
    // The browser outlives requests: leave the server's signals to the server (playwright still
    // kills the browser when the process exits).
    return await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 30_000, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
  } catch (e) {
    throw new ChromiumUnavailableError(`Chromium at ${executablePath} did not start (${(e as Error).message.split("\n")[0]}); Markdown, CSV and JSON still work`);
  }
}

function integerFromEnv(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  const value = Number(raw);
  return raw !== undefined && raw.trim() !== "" && Number.isInteger(value) && value >= min ? value : fallback;
}

// On globalThis: dev hot reload and the separate bundles of Next's routes must share one browser.
const shared = globalThis as typeof globalThis & { pdfPrinter?: PdfPrinter };

function sharedPrinter(): PdfPrinter {
  shared.pdfPrinter ??= new PdfPrinter({
    launch: launchChromium,
    concurrency: integerFromEnv("PDF_CONCURRENCY", DEFAULT_PDF_CONCURRENCY, 1),
    maxQueue: integerFromEnv("PDF_MAX_QUEUE", DEFAULT_PDF_MAX_QUEUE, 0),
  });
  return shared.pdfPrinter;
}

/** Prints a self-contained HTML page through the process's shared printer. */
export function printPdf(html: string, options: PrintOptions): Promise<Buffer> {
  try {
    assertChromiumInstalled();
  } catch (error) {
    return Promise.reject(error);
  }
  return sharedPrinter().print(html, options);
}

/** Closes the shared browser, if any: a process that printed must call it before it can exit. */
export async function closePdfPrinter(): Promise<void> {
  const printer = shared.pdfPrinter;
  shared.pdfPrinter = undefined;
  await printer?.close();
}
