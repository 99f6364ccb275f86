import { Worker } from "node:worker_threads";
import type { ArtefactFile, ArtefactKind, ItemComponents } from "@/lib/artefacts/artefact-types";
import { readArtefacts, type ArtefactReading } from "@/lib/artefacts/read-artefacts";
import { AppError } from "@/lib/errors";
import { processWide } from "@/lib/process-wide";
import type { ReadingReply, ReadingRequest, RefusalFields, SentFile } from "./artefact-reader-worker";
import { inNextServer, workerFromSource } from "./worker-from-source";

/** How long the reader's worker waits for another reading before it stops. */
const IDLE_MS = 10_000;

/**
 * Files holding fewer characters than this in all are read on the calling thread. Measured here
 * (2 cores, busy): a 2.5 KB LCOV reads in 0.1 ms in place and in 0.2 ms through a running worker,
 * but a worker must be started first after 10 s idle (0.2 s bundled, 0.85 s from source) — so
 * most ingestions, being rare, would wait for a start. Below 16 KiB the slowest readers
 * (Cobertura XML, crash CSV) hold the thread about 5 ms; at 256 KiB already 50–75 ms, the stall
 * this module removes, so the bar is not higher.
 */
export const READ_IN_PLACE_MAX_CHARS = 16 * 1024;

/** The worker thread running db/artefact-reader-worker.ts (see workerFromSource). */
function spawnReaderWorker(): Worker {
  if (!inNextServer()) return workerFromSource("artefact-reader-worker.ts", null);
  return new Worker(new URL("./artefact-reader-worker.ts", import.meta.url));
}

/**
 * Whether a worker can be started here: in the Next.js server (Turbopack bundles the worker) and
 * from source (vitest, tsx). The CLI's esbuild bundle has no worker file beside it; it answers one
 * command and nobody else, so it reads on its own thread.
 */
const workerAvailable = () => inNextServer() || import.meta.url.endsWith(".ts");

/** A file to read: its name and text and, when the caller holds them (to store), the text's UTF-8 bytes. */
export interface FileToRead extends ArtefactFile {
  bytes?: Buffer;
}

/** A reading, and the files it was read from: bytes the worker borrowed are back in them. */
export interface ReadFiles<F extends FileToRead> {
  reading: ArtefactReading;
  files: F[];
}

type Waiter = { resolve: (reply: { reading: ArtefactReading; lent: (ArrayBuffer | null)[] }) => void; reject: (error: Error) => void };

/**
 * Whether a file's bytes can be lent to the worker instead of its text being copied: they own
 * their memory whole (a small Buffer shares Node's pool), and decode to exactly the text (one
 * with a lone surrogate was encoded with U+FFFD in its place, so it goes as text).
 */
function lendable(file: FileToRead): file is FileToRead & { bytes: Buffer<ArrayBuffer> } {
  const bytes = file.bytes;
  return bytes !== undefined && bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && file.text.isWellFormed();
}

/**
 * One worker thread that reads artefacts, one reading at a time in the order asked (each reply
 * names its request's id), spawned on the first reading and again after a crash, stopped after
 * `idleMs` without one: ingestions are rare, and a reading's parsed files leave a large heap.
 */
export class ArtefactReaderWorker {
  private worker: Worker | null = null;
  private nextId = 1;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly pending = new Map<number, Waiter>();

  constructor(
    private readonly idleMs = IDLE_MS,
    private readonly spawnWorker: () => Worker = spawnReaderWorker,
  ) {}

  /** Whether a worker thread is running now. */
  get alive(): boolean {
    return this.worker !== null;
  }

  /**
   * readArtefacts in the worker: the same reading, or the same AppError, or an internal error.
   * A file's bytes, when lendable, are moved to the worker and back; until the answer, the
   * caller's Buffer is empty. After a refusal they are not handed back.
   */
  async read<F extends FileToRead>(kind: ArtefactKind, files: readonly F[], items: readonly ItemComponents[], measuredAt: number): Promise<ReadFiles<F>> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const worker = this.worker ?? this.spawn();
    const id = this.nextId++;
    // Only what the reader uses is sent (not a file's digest, nor an item's row id).
    const lending = new Set<ArrayBuffer>();
    const sent = files.map((f): SentFile => {
      if (!lendable(f) || lending.has(f.bytes.buffer)) return { name: f.name, text: f.text };
      lending.add(f.bytes.buffer);
      return { name: f.name, bytes: f.bytes.buffer };
    });
    const request: ReadingRequest = { id, kind, files: sent, items: items.map((i) => ({ key: i.key, components: i.components })), measuredAt };
    const { reading, lent } = await new Promise<{ reading: ArtefactReading; lent: (ArrayBuffer | null)[] }>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref(); // a process waiting for a reading (a CLI from source) does not exit under it
      try {
        worker.postMessage(request, [...lending]);
      } catch (error) {
        this.pending.delete(id);
        if (this.pending.size === 0) this.retireWhenIdle(worker);
        reject(error as Error);
      }
    });
    return {
      reading,
      files: files.map((f, i) => {
        const bytes = lent[i];
        return bytes ? { ...f, bytes: Buffer.from(bytes) } : f;
      }),
    };
  }

  /** Stops the worker now; the readings it held fail. */
  stop(): void {
    if (this.worker) this.fail(this.worker, new Error("the artefact reader's worker thread was stopped; the reading was not finished"));
  }

  private spawn(): Worker {
    const worker = this.spawnWorker();
    worker.on("message", (reply: ReadingReply) => {
      const waiter = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if ("reading" in reply) waiter?.resolve(reply);
      else if ("refusal" in reply) waiter?.reject(rebuildRefusal(reply.refusal));
      else waiter?.reject(rebuildFailure(reply.failure));
      if (this.pending.size === 0) this.retireWhenIdle(worker);
    });
    worker.on("error", (error: unknown) => {
      // From a worker run from source an error can arrive as a plain object ({ code }), without a message.
      const reason = error instanceof Error && error.message ? error.message : JSON.stringify(error);
      this.fail(worker, new Error(`the artefact reader's worker thread failed (${reason}); the reading was not finished`));
    });
    worker.on("exit", (code) => this.fail(worker, new Error(`the artefact reader's worker thread stopped (exit code ${code}); the reading was not finished`)));
    this.worker = worker;
    return worker;
  }

  private retireWhenIdle(worker: Worker): void {
    worker.unref(); // an idle reader never keeps a process alive
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.worker !== worker || this.pending.size > 0) return;
      this.worker = null; // before it exits: its exit is then no failure
      void worker.terminate();
    }, this.idleMs);
    this.idleTimer.unref();
  }

  /** A crashed worker (out of memory, a failed start) fails every reading it held; the next reading starts a new one. */
  private fail(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
    void worker.terminate();
  }
}

/** A reader's refusal, as the request thread would have thrown it. */
function rebuildRefusal(fields: RefusalFields): AppError {
  const error = new AppError(fields.code, fields.message, fields.errors, fields.retryAfterSeconds);
  error.extensions = fields.extensions;
  if (fields.words !== undefined) error.words = fields.words;
  return error;
}

/** Any other error: a server error, as it was on the request thread, keeping the worker's stack for the log. */
function rebuildFailure(failure: { name: string; message: string; stack?: string }): Error {
  const error = new Error(failure.message);
  error.name = failure.name;
  if (failure.stack) error.stack = `${failure.stack}\n    (in the artefact reader's worker thread)`;
  return error;
}

/**
 * readArtefacts off the request thread: its TOML and XML parsers are synchronous, and a 10 MiB
 * file held every other request for seconds. Small files (READ_IN_PLACE_MAX_CHARS) are read in
 * place; one worker per process (processWide: every route bundle shares it) reads the rest,
 * borrowing the files' bytes rather than copying their texts (see ArtefactReaderWorker.read).
 */
export async function readArtefactsInWorker<F extends FileToRead>(kind: ArtefactKind, files: readonly F[], items: readonly ItemComponents[], measuredAt: number): Promise<ReadFiles<F>> {
  const chars = files.reduce((sum, f) => sum + f.text.length, 0);
  if (chars < READ_IN_PLACE_MAX_CHARS || !workerAvailable()) return { reading: readArtefacts(kind, files, items, measuredAt), files: [...files] };
  return await processWide("artefact-reader", () => new ArtefactReaderWorker()).read(kind, files, items, measuredAt);
}
