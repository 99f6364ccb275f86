// The PDF printer's worker thread: playwright-core (about 0.6 s to load and 85 MiB) and the
// conversation with Chromium live here, so the thread that answers requests never waits on them.
import { parentPort } from "node:worker_threads";
import { AppError } from "@/lib/errors";
import { ChromiumUnavailableError, printPdf, warmPdfPrinter, type PrintOptions } from "@/lib/report/print-pdf";

export type PdfWorkerRequest = { type: "warm" } | { type: "print"; id: number; html: string; options: PrintOptions };

/** A failure as plain data: the kind of error, so the requesting thread can give it back as it was. */
export interface PdfWorkerFailure {
  message: string;
  kind: "chromium" | "app" | "other";
  code?: AppError["code"];
  retryAfterSeconds?: number;
}

export type PdfWorkerReply = { id: number; pdf: Uint8Array } | { id: number; error: PdfWorkerFailure };

parentPort!.on("message", (request: PdfWorkerRequest) => {
  if (request.type === "warm") warmPdfPrinter();
  else void print(request.id, request.html, request.options);
});

async function print(id: number, html: string, options: PrintOptions): Promise<void> {
  try {
    // A copy of its own, so the whole buffer can move to the other thread without copying again.
    const pdf = new Uint8Array(await printPdf(html, options));
    parentPort!.postMessage({ id, pdf } satisfies PdfWorkerReply, [pdf.buffer]);
  } catch (error) {
    parentPort!.postMessage({ id, error: failure(error) } satisfies PdfWorkerReply);
  }
}

function failure(error: unknown): PdfWorkerFailure {
  if (error instanceof ChromiumUnavailableError) return { message: error.message, kind: "chromium" };
  if (error instanceof AppError) return { message: error.message, kind: "app", code: error.code, retryAfterSeconds: error.retryAfterSeconds };
  return { message: error instanceof Error ? error.message : String(error), kind: "other" };
}
