// Relative imports: playwright.config.ts loads this file (for Chromium's path) outside the app's path aliases.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ConcurrencyLimiter, QueueFullError } from "../../lib/concurrency-limiter";
import { AppError } from "../../lib/errors";
import { pageForPrint, type PrintOptions } from "../../lib/report/print-page";

/**
 * The one module of lib/report that leaves the process: it prints HTML to PDF with the Chromium of
 * the machine (CHROMIUM_PATH, else Debian's headless shell, else /usr/bin/chromium), run on its
 * command line once per print. The server loads no browser driver (playwright-core added 55 MiB
 * to it), and no browser waits between prints: a report is printed once per log head and cached.
 *
 * Each print is a Chromium of its own, with a fresh profile in a temporary directory that is
 * removed afterwards; the page may run no script and fetch nothing (print-page.ts). At most
 * PDF_CONCURRENCY prints run at once and PDF_MAX_QUEUE wait; beyond that a PDF is refused with 503
 * and Retry-After rather than queued without end.
 */

/** No usable Chromium: the PDF cannot be made, the other formats still can (HTTP 503). */
export class ChromiumUnavailableError extends AppError {
  constructor(message: string) {
    super("unavailable", message);
  }
}

// Untagged, as playwright-core printed: at 10,000 items a tagged PDF is 4.5 MB instead of 0.96 and
// takes 0.6 s longer; the report's accessible form is its page in the tracker. Every request goes
// to a proxy that is not there: the page's policy already refuses them, this is the second lock.
// Scripts are refused by that policy too: `--blink-settings=scriptEnabled=false` makes the headless
// shell exit 0 without writing a PDF.
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--no-first-run",
  "--no-pdf-header-footer",
  "--disable-pdf-tagging",
  "--proxy-server=127.0.0.1:9",
  "--proxy-bypass-list=<-loopback>",
];
// What Chromium may see of the server's environment: no database address, no secrets.
const CHROMIUM_ENV = ["PATH", "HOME", "TMPDIR", "LANG", "LC_ALL", "TZ", "FONTCONFIG_PATH", "FONTCONFIG_FILE"];

const DEFAULT_PDF_CONCURRENCY = 2;
const DEFAULT_PDF_MAX_QUEUE = 8;
// A full queue drains in about this long at up to 2 s a print (1.3 s at 10,000 items), two at a time.
const RETRY_AFTER_SECONDS = 10;
// A print that hangs must not hold its slot for ever.
const PRINT_TIMEOUT_MS = 60_000;
const PRINT_DIR_PREFIX = "tracker-pdf-";

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

/** Prints the page at `page` (a file) into the file `pdf`; resolves when Chromium wrote it. */
export type PrintFile = (page: string, pdf: string, workDir: string, signal: AbortSignal) => Promise<void>;

export interface PdfPrinterOptions {
  printFile: PrintFile;
  concurrency: number;
  maxQueue: number;
  printTimeoutMs?: number;
}

const retryLater = (message: string) => new AppError("unavailable", `${message}: retry in ${RETRY_AFTER_SECONDS} s`, [], RETRY_AFTER_SECONDS);

/** Prints one page at a time per slot, with bounded concurrency and queue, each in a directory of its own. */
export class PdfPrinter {
  private readonly limiter: ConcurrencyLimiter;

  constructor(private readonly options: PdfPrinterOptions) {
    this.limiter = new ConcurrencyLimiter(options.concurrency, options.maxQueue);
  }

  print(html: string, options: PrintOptions): Promise<Buffer> {
    return this.limiter
      .run(() => this.printNow(html, options))
      .catch((error: unknown) => {
        if (error instanceof QueueFullError) throw retryLater(`the PDF printer is busy (${error.waiting} waiting)`);
        throw error;
      });
  }

  private async printNow(html: string, options: PrintOptions): Promise<Buffer> {
    const timeoutMs = this.options.printTimeoutMs ?? PRINT_TIMEOUT_MS;
    const workDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), PRINT_DIR_PREFIX));
    const stop = new AbortController();
    const timer = setTimeout(() => stop.abort(), timeoutMs);
    try {
      const page = path.join(workDir, "report.html");
      const pdf = path.join(workDir, "report.pdf");
      await fs.promises.writeFile(page, pageForPrint(html, options));
      await this.options.printFile(page, pdf, workDir, stop.signal);
      const bytes = await fs.promises.readFile(pdf);
      if (!isWholePdf(bytes)) throw retryLater("Chromium wrote an incomplete PDF");
      return bytes;
    } catch (error) {
      if (stop.signal.aborted) throw retryLater(`the PDF took longer than ${Math.round(timeoutMs / 1000)} s`);
      throw error;
    } finally {
      clearTimeout(timer);
      // A directory left behind costs disk, not the answer.
      await fs.promises.rm(workDir, { recursive: true, force: true }).catch((error: unknown) => console.error(`tracker: could not remove ${workDir} (${(error as Error).message})`));
    }
  }
}

/** A PDF that starts as one and ends with its end-of-file marker, not one cut short. */
function isWholePdf(bytes: Buffer): boolean {
  return bytes.subarray(0, 5).toString("latin1") === "%PDF-" && bytes.subarray(-1024).toString("latin1").includes("%%EOF");
}

/**
 * Runs Chromium on its command line to print one page; a Chromium that fails or writes no PDF is
 * a 503. It runs in a process group of its own, which is killed when its main process ends or the
 * print is stopped: Chromium's helper processes can outlive the main one.
 */
export const printWithChromium: PrintFile = (page, pdf, workDir, signal) =>
  new Promise((resolve, reject) => {
    const executablePath = chromiumPath();
    const args = [...CHROMIUM_ARGS, `--user-data-dir=${path.join(workDir, "profile")}`, `--print-to-pdf=${pdf}`, pathToFileURL(page).href];
    const env = Object.fromEntries(CHROMIUM_ENV.flatMap((name) => (process.env[name] === undefined ? [] : [[name, process.env[name]]]))) as NodeJS.ProcessEnv;
    const child = spawn(executablePath, args, { stdio: "ignore", detached: true, env });
    const killGroup = () => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        /* already gone */
      }
    };
    signal.addEventListener("abort", killGroup, { once: true });
    if (signal.aborted) killGroup(); // the time ran out while the page was being written
    child.once("error", (error: NodeJS.ErrnoException) => {
      signal.removeEventListener("abort", killGroup);
      reject(new ChromiumUnavailableError(`Chromium at ${executablePath} did not start (${error.code ?? error.message}); Markdown, CSV and JSON still work`));
    });
    child.once("exit", (code, killedBy) => {
      signal.removeEventListener("abort", killGroup);
      killGroup();
      const how = killedBy ? `stopped by ${killedBy}` : `exit code ${code}`;
      if (code === 0 && fs.existsSync(pdf)) resolve();
      else reject(retryLater(`Chromium ${fs.existsSync(pdf) ? "did not finish the PDF" : "printed nothing"} (${how})`));
    });
  });

function integerFromEnv(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  const value = Number(raw);
  return raw !== undefined && raw.trim() !== "" && Number.isInteger(value) && value >= min ? value : fallback;
}

// On globalThis: dev hot reload and the separate bundles of Next's routes must share one limit.
const shared = globalThis as typeof globalThis & { pdfPrinter?: PdfPrinter };

/**
 * Removes the print directories a stopped process left in `tmp` (a server killed mid-print): any
 * older than twice the print timeout, which no live print can be, whichever process it belongs to.
 */
export async function sweepPrintDirectories(tmp = os.tmpdir(), now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await fs.promises.readdir(tmp).catch(() => [])) {
    if (!name.startsWith(PRINT_DIR_PREFIX)) continue;
    const dir = path.join(tmp, name);
    const stat = await fs.promises.lstat(dir).catch(() => null);
    if (!stat?.isDirectory() || now - stat.mtimeMs < 2 * PRINT_TIMEOUT_MS) continue;
    await fs.promises.rm(dir, { recursive: true, force: true }).then(
      () => removed.push(dir),
      () => undefined,
    );
  }
  return removed;
}

function sharedPrinter(): PdfPrinter {
  if (!shared.pdfPrinter) void sweepPrintDirectories();
  shared.pdfPrinter ??= new PdfPrinter({
    printFile: printWithChromium,
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
