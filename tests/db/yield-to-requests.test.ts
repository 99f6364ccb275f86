import os from "node:os";
import { describe, expect, it } from "vitest";
import { BACKGROUND_NICE, yieldToRequests } from "@/db/yield-to-requests";
import { workerFromSource } from "@/db/worker-from-source";
import { niceOf } from "../support/nice-probe";

describe.runIf(os.platform() === "linux")("background threads yield to the request thread", () => {
  it("a worker thread lowers its own priority, and the process's main thread keeps its own", async () => {
    const mainBefore = niceOf(`/proc/self/task/${process.pid}/stat`);
    const worker = workerFromSource("../tests/support/nice-probe.ts", null);
    const answer = await new Promise<{ yielded: boolean; nice: number }>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    });
    await worker.terminate();
    expect(answer).toEqual({ yielded: true, nice: BACKGROUND_NICE });
    expect(niceOf(`/proc/self/task/${process.pid}/stat`)).toBe(mainBefore);
  });

  it("the main thread is never lowered by it", () => {
    const before = niceOf(`/proc/self/task/${process.pid}/stat`);
    expect(yieldToRequests()).toBe(false);
    expect(niceOf(`/proc/self/task/${process.pid}/stat`)).toBe(before);
  });
});
