import { Worker } from "node:worker_threads";
import type Database from "better-sqlite3";
import type { CheckpointerData, CheckpointResult } from "./checkpoint-worker";
import { inNextServer, workerFromSource } from "./worker-from-source";

/** SQLite's own default: the connection that commits past this many pages of log checkpoints. */
const AUTOCHECKPOINT_PAGES = 1000;

export interface Checkpointer {
  /** A checkpoint now, in the worker; resolves with what it copied. */
  now(): Promise<CheckpointResult>;
  /** Stops the worker; the connection checkpoints itself again. */
  stop(): Promise<void>;
}

function spawnCheckpointWorker(data: CheckpointerData): Worker {
  if (!inNextServer()) return workerFromSource("checkpoint-worker.ts", data);
  return new Worker(new URL("./checkpoint-worker.ts", import.meta.url), { workerData: data });
}

const cache = globalThis as unknown as { trackerCheckpointers?: WeakMap<Database.Database, Checkpointer> };

/**
 * Moves the SQLite connection's checkpoints to a worker thread. By default the commit that takes
 * the write-ahead log past 1,000 pages copies the log into the database file and waits for the
 * disk, on the thread that answers requests: every hundred writes or so at 10,000 items, every
 * request queued behind that write waited too. Here the connection never checkpoints and a worker
 * with its own connection does, every `everyMs`; if the worker stops, the connection checkpoints
 * itself again. One per connection (kept on globalThis: every route bundle shares it).
 */
export function checkpointOffThread(sqlite: Database.Database, everyMs = 1000): Checkpointer {
  cache.trackerCheckpointers ??= new WeakMap();
  const known = cache.trackerCheckpointers.get(sqlite);
  if (known) return known;
  const worker = spawnCheckpointWorker({ file: sqlite.name, everyMs });
  worker.unref(); // a server stops when its listener does, not when this worker would
  sqlite.pragma("wal_autocheckpoint = 0");
  let nextId = 1;
  const pending = new Map<number, { resolve: (r: CheckpointResult) => void; reject: (e: Error) => void }>();
  let stopped = false;
  let stopping = false;
  const fallBack = (error: Error) => {
    if (stopped) return;
    stopped = true;
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
    cache.trackerCheckpointers?.delete(sqlite);
  };
  worker.on("message", ({ id, result }: { id: number; result: CheckpointResult }) => {
    pending.get(id)?.resolve(result);
    pending.delete(id);
  });
  worker.on("error", (error: unknown) => {
    // From a worker run from source an error can arrive as a plain object ({ code }), without a message.
    const reason = error instanceof Error && error.message ? error.message : JSON.stringify(error);
    console.error(`tracker: the checkpoint worker failed (${reason}); the server checkpoints itself again`);
    fallBack(error instanceof Error ? error : new Error(reason));
  });
  worker.on("exit", (code) => {
    const error = new Error(`the checkpoint worker stopped (exit code ${code})`);
    if (!stopping && !stopped) console.error(`tracker: ${error.message}; the server checkpoints itself again`);
    fallBack(error);
  });
  const checkpointer: Checkpointer = {
    now: () =>
      stopped
        ? Promise.reject(new Error("the checkpoint worker has stopped"))
        : new Promise((resolve, reject) => {
            const id = nextId++;
            pending.set(id, { resolve, reject });
            worker.postMessage(id);
          }),
    stop: async () => {
      stopping = true;
      await worker.terminate();
      fallBack(new Error("the checkpoint worker was stopped"));
    },
  };
  cache.trackerCheckpointers.set(sqlite, checkpointer);
  return checkpointer;
}
