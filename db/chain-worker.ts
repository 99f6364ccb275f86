// The chain check's worker thread: its own read-only connection, the same verifyLog as the CLI.
import { parentPort, workerData } from "node:worker_threads";
import type { ChainVerdict } from "@/lib/hash-chain";
import { openDatabaseReadOnly } from "./index";
import { verifyLog } from "./verify-log";
import { yieldToRequests } from "./yield-to-requests";

export type ChainWorkerReply = { id: number; verdict: ChainVerdict } | { id: number; error: string };

// A new server checks the whole chain while its first readers arrive: they go first.
yieldToRequests();
const opened = openDatabaseReadOnly((workerData as { location: string }).location);
parentPort!.on("message", (id: number) => void answer(id));

async function answer(id: number): Promise<void> {
  let reply: ChainWorkerReply;
  try {
    reply = { id, verdict: await verifyLog(await opened) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
}
