import { Worker } from "node:worker_threads";
import type { ChainVerdict } from "@/lib/hash-chain";
import type { ChainWorkerReply } from "./chain-worker";
import { inNextServer, workerFromSource } from "./worker-from-source";

/** How long a chain check worker waits for another check before it stops. */
const IDLE_MS = 10_000;
/** A worker told to close that has not exited by then is stopped. */
const CLOSE_TIMEOUT_MS = 5_000;

/** The worker thread running db/chain-worker.ts (see workerFromSource). */
function spawnChainWorker(location: string): Worker {
  const workerData = { location };
  if (!inNextServer()) return workerFromSource("chain-worker.ts", workerData);
  return new Worker(new URL("./chain-worker.ts", import.meta.url), { workerData });
}

/**
 * A worker thread per database (file or URL), spawned when a check is asked for and again after a
 * crash. The log is checked at start and then only after another process wrote, so an idle worker
 * is stopped after `idleMs`: its heap and connection are not held for nothing between checks, and
 * the next check (a whole check, as every one is) starts a new one.
 */
export class ChainWorker {
  private worker: Worker | null = null;
  private nextId = 1;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly pending = new Map<number, { resolve: (v: ChainVerdict) => void; reject: (e: Error) => void }>();

  constructor(
    private readonly location: string,
    private readonly idleMs = IDLE_MS,
  ) {}

  /** Whether a worker thread is running now. */
  get alive(): boolean {
    return this.worker !== null;
  }

  verify(): Promise<ChainVerdict> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const worker = this.worker ?? this.spawn();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage(id);
    });
  }

  private spawn(): Worker {
    const worker = spawnChainWorker(this.location);
    worker.unref(); // an idle checker never keeps a process alive
    worker.on("message", (reply: ChainWorkerReply) => {
      const waiter = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if ("error" in reply) waiter?.reject(new Error(reply.error));
      else waiter?.resolve(reply.verdict);
      if (this.pending.size === 0) this.retireWhenIdle(worker);
    });
    worker.on("error", (error) => this.fail(worker, error));
    worker.on("exit", (code) => this.fail(worker, new Error(`the chain check worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private retireWhenIdle(worker: Worker): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.worker !== worker || this.pending.size > 0) return;
      this.worker = null; // before it exits: its exit is then no failure
      worker.postMessage("close");
      setTimeout(() => void worker.terminate(), CLOSE_TIMEOUT_MS).unref();
    }, this.idleMs);
    this.idleTimer.unref();
  }

  private fail(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }
}

const cache = globalThis as unknown as { trackerChainWorkers?: Map<string, ChainWorker> };

/** verifyLog on the database at `location` (a SQLite file or a PostgreSQL URL), in a worker thread with a read-only connection of its own. */
export function verifyLogInWorker(location: string): Promise<ChainVerdict> {
  cache.trackerChainWorkers ??= new Map();
  let worker = cache.trackerChainWorkers.get(location);
  if (!worker) cache.trackerChainWorkers.set(location, (worker = new ChainWorker(location)));
  return worker.verify();
}
