import fs from "node:fs";
import os from "node:os";

/** The scheduling priority of background threads: lower than the request thread's (0). */
export const BACKGROUND_NICE = 10;

/**
 * Lowers the calling thread's scheduling priority, so that on a busy machine background work (the
 * chain check, checkpoints) yields the cores to the thread answering requests. On Linux a thread
 * is a task with a nice value of its own, found through /proc/thread-self. Elsewhere, or when not
 * allowed, the thread keeps the process's priority.
 */
export function yieldToRequests(nice = BACKGROUND_NICE): boolean {
  try {
    const tid = Number(fs.readlinkSync("/proc/thread-self").split("/").pop());
    if (!Number.isInteger(tid) || tid <= 0 || tid === process.pid) return false;
    os.setPriority(tid, nice);
    return true;
  } catch {
    return false;
  }
}
