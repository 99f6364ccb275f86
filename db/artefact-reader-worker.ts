// The artefact reader's worker thread: an ingestion's files are parsed here (TOML, XML, LCOV, CSV —
// synchronous parsers, seconds for a 10 MiB file), so the request thread keeps answering meanwhile.
import { parentPort } from "node:worker_threads";
import type { ArtefactFile, ArtefactKind, ItemComponents } from "@/lib/artefacts/artefact-types";
import { readArtefacts, type ArtefactReading } from "@/lib/artefacts/read-artefacts";
import { asAppError, type AppError } from "@/lib/errors";
import { yieldToRequests } from "./yield-to-requests";

/**
 * A file as it crosses the thread: its text, or its UTF-8 bytes lent (transferred, not copied) and
 * decoded here. Posting a 10 MiB string copies it on the request thread (about 25 ms); a transfer
 * costs nothing, and the bytes come back with the reading, for the request thread to store.
 */
export type SentFile = ArtefactFile | { name: string; bytes: ArrayBuffer };

/** One reading asked of the worker: readArtefacts' arguments, and the id its reply carries. */
export interface ReadingRequest {
  id: number;
  kind: ArtefactKind;
  files: SentFile[];
  items: ItemComponents[];
  measuredAt: number;
}

/** An AppError as it crosses the thread: every field the API's or the CLI's answer is made of. */
export interface RefusalFields {
  code: AppError["code"];
  message: string;
  errors: AppError["errors"];
  retryAfterSeconds?: number;
  extensions: Record<string, string>;
  words?: string;
}

/** The reply to a reading: the reading, a reader's refusal, or any other failure (a server error, as on the request thread). */
export type ReadingReply =
  | { id: number; reading: ArtefactReading; lent: (ArrayBuffer | null)[] }
  | { id: number; refusal: RefusalFields }
  | { id: number; failure: { name: string; message: string; stack?: string } };

// A reading is a request's own work, but one sender's large files must not slow everyone else's pages.
yieldToRequests();
parentPort!.on("message", (request: ReadingRequest) => {
  const reply = answer(request);
  // The lent bytes go back to the request thread the way they came: moved, not copied.
  parentPort!.postMessage(reply, "lent" in reply ? reply.lent.filter((b) => b !== null) : []);
});

function answer({ id, kind, files, items, measuredAt }: ReadingRequest): ReadingReply {
  try {
    // Buffer's decoder, not TextDecoder's: it keeps a byte order mark, as the text the bytes were made from did.
    const texts = files.map((f) => ("text" in f ? f : { name: f.name, text: Buffer.from(f.bytes).toString("utf8") }));
    const reading = readArtefacts(kind, texts, items, measuredAt);
    return { id, reading, lent: files.map((f) => ("bytes" in f ? f.bytes : null)) };
  } catch (error) {
    // asAppError, as the API's handler does: a refusal wrapped in another error stays a refusal.
    const refusal = asAppError(error);
    if (refusal) {
      const { code, message, errors, retryAfterSeconds, extensions, words } = refusal;
      return { id, refusal: { code, message, errors, retryAfterSeconds, extensions, words } };
    }
    if (error instanceof Error) return { id, failure: { name: error.name, message: error.message, stack: error.stack } };
    return { id, failure: { name: "Error", message: String(error) } };
  }
}
