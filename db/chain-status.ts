import type { ChainVerdict } from "@/lib/hash-chain";
import type { Db } from "./index";
import { verifyLog } from "./verify-log";

const cache = globalThis as unknown as { trackerChain?: { key: string; verdict: ChainVerdict } };

/**
 * The log's verdict, recomputed only when the file was changed by another connection
 * (PRAGMA data_version) — a tamperer with sqlite3 — or by an unusual write of our own.
 * Our own appends keep an intact chain intact, so they need no recomputation.
 */
export function chainStatus(db: Db): ChainVerdict {
  const version = db.$client.pragma("data_version", { simple: true }) as number;
  const key = `${version}`;
  if (cache.trackerChain?.key !== key) cache.trackerChain = { key, verdict: verifyLog(db) };
  return cache.trackerChain.verdict;
}
