import { Worker } from "node:worker_threads";
import type { ChainVerdict } from "@/lib/hash-chain";
import type { ChainWorkerReply } from "./chain-worker";
import { inNextServer, workerFromSource } from "./worker-from-source";

/** The worker thread running db/chain-worker.ts (see workerFromSource). */
function spawnChainWorker(location: string): Worker {
  const workerData = { location };
  if (!inNextServer()) return workerFromSource("chain-worker.ts", workerData);
  return new Worker(new URL("./chain-worker.ts", import.meta.url), { workerData });
}

/** One long-lived worker thread per database (file or URL), spawned on first use and again after a crash. */
class ChainWorker {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: ChainVerdict) => void; reject: (e: Error) => void }>();

  constructor(private readonly location: string) {}

  verify(): Promise<ChainVerdict> {
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
    });
    worker.on("error", (error) => this.fail(worker, error));
    worker.on("exit", (code) => this.fail(worker, new Error(`the chain check worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
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
