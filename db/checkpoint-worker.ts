// The checkpointer's worker thread: a connection of its own copies the pages the write-ahead log
// holds into the database file, so that copy and its fsync happen beside the request thread.
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import { yieldToRequests } from "./yield-to-requests";

export interface CheckpointerData {
  file: string;
  everyMs: number;
}

/** SQLite's answer to one checkpoint: frames in the log, frames copied, whether it was stopped by a lock. */
export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

const { file, everyMs } = workerData as CheckpointerData;
yieldToRequests();
const sqlite = new Database(file, { fileMustExist: true });
// PASSIVE never waits for a reader or the writer; and, unlike TRUNCATE or RESTART, the request
// thread's connection does not count it as another connection's change (data_version), which
// would start a check of the whole history log each time.
const checkpoint = sqlite.prepare("PRAGMA wal_checkpoint(PASSIVE)");
const run = () => checkpoint.get() as CheckpointResult;

setInterval(run, everyMs);
parentPort!.on("message", (id: number) => parentPort!.postMessage({ id, result: run() }));
