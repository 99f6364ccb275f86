// Run in a worker thread by tests/db/yield-to-requests.test.ts: lowers its own priority and says what it became.
import fs from "node:fs";
import { parentPort } from "node:worker_threads";
import { yieldToRequests } from "@/db/yield-to-requests";

/** A task's nice value: field 19 of its stat line, counted after the command name's closing parenthesis. */
export const niceOf = (statPath: string) => Number(fs.readFileSync(statPath, "utf8").split(") ")[1]!.split(" ")[16]);

if (parentPort) {
  const yielded = yieldToRequests();
  parentPort.postMessage({ yielded, nice: niceOf("/proc/thread-self/stat") });
}
