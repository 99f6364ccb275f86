import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { AppError } from "@/lib/errors";
import { assertChromiumInstalled, ChromiumUnavailableError, printPdf, type PrintOptions } from "@/lib/report/print-pdf";
import type { PdfWorkerFailure, PdfWorkerReply, PdfWorkerRequest } from "./pdf-worker";
import { inNextServer } from "./worker-from-source";

// A print cut short by the worker's end is worth trying again, like a Chromium crash.
const RETRY_AFTER_SECONDS = 10;

/** The printer's worker thread in the Next.js server: spawned on first use and again after it stopped. */
class PdfWorker {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (pdf: Buffer) => void; reject: (e: Error) => void }>();

  warm(): void {
    this.post({ type: "warm" });
  }

  print(html: string, options: PrintOptions): Promise<Buffer> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.post({ type: "print", id, html, options });
    });
  }

  private post(request: PdfWorkerRequest): void {
    (this.worker ?? this.spawn()).postMessage(request);
  }

  private spawn(): Worker {
    // Chromium's profile goes under a folder of the worker's own (its TMPDIR), removed when the
    // server exits: a worker thread's exit handlers, which playwright cleans up in, do not run
    // when the process ends.
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-pdf-"));
    const removeTmp = () => fs.rmSync(tmp, { recursive: true, force: true });
    process.once("exit", removeTmp);
    // This literal is what Turbopack bundles as a worker.
    const worker = new Worker(new URL("./pdf-worker.ts", import.meta.url), { env: { ...process.env, TMPDIR: tmp } });
    worker.unref(); // the server stops when its listener does; Chromium ends with its pipe
    worker.once("exit", () => {
      process.off("exit", removeTmp);
      removeTmp();
    });
    worker.on("message", (reply: PdfWorkerReply) => {
      const waiter = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if ("error" in reply) waiter?.reject(revive(reply.error));
      else waiter?.resolve(Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength));
    });
    worker.on("error", (error) => this.fail(worker, error));
    worker.on("exit", (code) => this.fail(worker, new Error(`exit code ${code}`)));
    this.worker = worker;
    return worker;
  }

  private fail(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    console.error(`tracker: the PDF printer's worker stopped (${error.message})`);
    const stopped = new AppError("unavailable", `the PDF printer stopped: retry in ${RETRY_AFTER_SECONDS} s`, [], RETRY_AFTER_SECONDS);
    for (const waiter of this.pending.values()) waiter.reject(stopped);
    this.pending.clear();
  }
}

/** The worker's failure as the error the printer threw. */
function revive(failure: PdfWorkerFailure): Error {
  if (failure.kind === "chromium") return new ChromiumUnavailableError(failure.message);
  if (failure.kind === "app" && failure.code) return new AppError(failure.code, failure.message, [], failure.retryAfterSeconds);
  return new Error(failure.message);
}

// On globalThis: every route bundle shares one worker (and so one browser).
const shared = globalThis as typeof globalThis & { trackerPdfWorker?: PdfWorker };

/**
 * Prints the page `render` makes. In the Next.js server the printer runs in a worker thread: the
 * browser starts there while this thread renders the page, and neither loading playwright-core nor
 * talking to Chromium ever holds up other requests. Elsewhere (the CLI, tests) it prints in this
 * thread through the same printer.
 */
export function printPdfOffThread(render: () => string, options: PrintOptions): Promise<Buffer> {
  try {
    assertChromiumInstalled();
  } catch (error) {
    return Promise.reject(error);
  }
  if (!inNextServer()) return printPdf(render(), options);
  const worker = (shared.trackerPdfWorker ??= new PdfWorker());
  worker.warm();
  let html: string;
  try {
    html = render();
  } catch (error) {
    return Promise.reject(error);
  }
  return worker.print(html, options);
}
