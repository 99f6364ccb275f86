import type { Db } from "../index";

// Every write appends to the log and a trigger moves log_anchor, so the anchor is a version stamp
// of all the data — also for writes by another process (the CLI). A value memoised with the head
// it was computed at is served only while the head has not moved: never stale.
const memos = new WeakMap<Db, Map<string, { head: string; value: unknown }>>();
// Bounded: at 10,000 items one entry (a fold of every item) weighs megabytes.
const MAX_ENTRIES = 48;

export function logHead(db: Db): string {
  const row = db.$client.prepare("SELECT seq, hash FROM log_anchor WHERE id = 1").get() as { seq: number; hash: string } | undefined;
  return row ? `${row.seq}:${row.hash}` : "empty";
}

/** `compute()` once per (key, log head); callers must treat the value as read-only. */
export function memoByHead<T>(db: Db, key: string, compute: () => T): T {
  const head = logHead(db);
  let memo = memos.get(db);
  if (!memo) memos.set(db, (memo = new Map()));
  const hit = memo.get(key);
  if (hit && hit.head === head) {
    memo.delete(key); // keep recently used entries at the end
    memo.set(key, hit);
    return hit.value as T;
  }
  const value = compute();
  memo.set(key, { head, value });
  if (memo.size > MAX_ENTRIES) memo.delete(memo.keys().next().value!);
  return value;
}
