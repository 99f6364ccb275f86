// The chain check's worker thread: its own read-only connection, the same verifyLog as the CLI.
import { parentPort, workerData } from "node:worker_threads";
import type { ChainVerdict } from "@/lib/hash-chain";
import { closeDatabase, openDatabaseReadOnly } from "./index";
import { verifyLog } from "./verify-log";
import { yieldToRequests } from "./yield-to-requests";

export type ChainWorkerReply = { id: number; verdict: ChainVerdict } | { id: number; error: string };

// A new server checks the whole chain while its first readers arrive: they go first.
yieldToRequests();
const opened = openDatabaseReadOnly((workerData as { location: string }).location);
parentPort!.on("message", (message: number | "close") => void (message === "close" ? close() : answer(message)));

/** Told to stop when idle: the connection is closed first, so PostgreSQL sees a goodbye, not a cut. */
async function close(): Promise<void> {
  await closeDatabase(await opened).catch(() => undefined);
  process.exit(0);
}

async function answer(id: number): Promise<void> {
  let reply: ChainWorkerReply;
  try {
    reply = { id, verdict: await verifyLog(await opened) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
}
