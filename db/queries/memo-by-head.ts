import type { LogAction, LogEntity } from "@/lib/log-vocabulary";
import type { Db } from "../index";
import { rawAll, rawGet } from "../raw-sql";
import { processWide } from "@/lib/process-wide";

// Every write appends to the log and a trigger moves log_anchor, so the anchor is a version stamp
// of all the data — also for writes by another process (the CLI). A value memoised with the head
// it was computed at is served only while the head has not moved: never stale.
// Two stores, each bounded and least recently used first out: program-wide answers and one item's
// answers (kilobytes, and many of them), so reading many items never pushes a program's answers
// out. A program-wide answer weighs about its program's item count (see `weigh`), and the store
// is bounded by the sum: the headlines of 200 small programs fit beside one of 10,000 items, where
// a count of entries would let the small ones push the large one out and its next read take seconds.
type Lru = { entries: Map<string, Memo>; weight: number; pending: Map<string, { head: Head; value: Promise<unknown> }> };
type Store = { memos: WeakMap<Db, Lru>; maxEntries: number; maxWeight: number };
// Both are shared by every bundle of the server, so the bounds hold for the whole process.
const PROGRAM_WIDE: Store = processWide("memo:program-wide", () => ({ memos: new WeakMap(), maxEntries: 4000, maxWeight: 250_000 }));
const PER_ITEM: Store = processWide("memo:per-item", () => ({ memos: new WeakMap(), maxEntries: 512, maxWeight: Infinity }));
// Past this many new log entries (an import), recomputing is simpler and no slower than patching.
const MAX_CHANGES = 2000;

export interface Head {
  seq: number;
  hash: string;
}
interface Memo {
  head: Head;
  value: unknown;
  weight: number;
}

/** What a memoised value weighs, in items of its program (at least 1). */
export type Weigh<T> = (value: T) => number;

/** A weight for memoised bytes: about what one item's row takes in a JSON or text answer. */
export const weighBytes = (chunks: readonly Uint8Array[] | Uint8Array): number =>
  Math.ceil((Array.isArray(chunks) ? chunks.reduce((sum, c) => sum + c.byteLength, 0) : (chunks as Uint8Array).byteLength) / 256);

/** A log entry as a refresh sees it: what was written, not how. */
export interface LogChange {
  seq: number;
  action: LogAction;
  entity: LogEntity;
  entityId: string;
  programSlug: string | null;
}

/**
 * Brings a value memoised at an older head up to date from the log entries written since, oldest
 * first; `undefined` means "recompute". Must not mutate `previous` (others may hold it).
 */
export type Refresh<T> = (previous: T, changes: readonly LogChange[]) => T | undefined | Promise<T | undefined>;

/** The log head: a version stamp of all the data. */
export async function readHead(db: Db): Promise<Head> {
  // Every memoised read asks for it: prepared once.
  const row = await rawGet<Head>(db, "SELECT seq, hash FROM log_anchor WHERE id = 1");
  return row ?? { seq: 0, hash: "" };
}

// Many memo entries are refreshed across the same span of the log: read it once.
const lastChanges = processWide("memo:last-changes", () => new WeakMap<Db, { from: Head; to: Head; changes: LogChange[] }>());

/**
 * The log entries after `from` up to `to`, or null when `from` is no longer on the chain (a
 * restore, a tamper) or the span is too long to be worth patching.
 */
async function changesBetween(db: Db, from: Head, to: Head): Promise<LogChange[] | null> {
  if (from.seq === 0 || to.seq <= from.seq || to.seq - from.seq > MAX_CHANGES) return null;
  const cached = lastChanges.get(db);
  if (cached && cached.from.seq === from.seq && cached.from.hash === from.hash && cached.to.seq === to.seq && cached.to.hash === to.hash)
    return cached.changes;
  const at = await rawGet<{ hash: string }>(db, "SELECT hash FROM audit_log WHERE seq = ?", from.seq);
  if (at?.hash !== from.hash) return null;
  const changes = await rawAll<LogChange>(
    db,
    `SELECT seq, action, entity, entity_id AS "entityId", program_slug AS "programSlug"
       FROM audit_log WHERE seq > ? AND seq <= ? ORDER BY seq`,
    from.seq,
    to.seq,
  );
  // A gap means the log is not what the anchor says: do not trust a patch.
  if (changes.length !== to.seq - from.seq) return null;
  lastChanges.set(db, { from, to, changes });
  return changes;
}

/**
 * `compute()` once per (key, log head); callers must treat the value as read-only. With `refresh`,
 * a value memoised at an earlier head is patched from the log entries written since instead of
 * being recomputed — the difference between milliseconds and a second at 10,000 items.
 */
export async function memoByHead<T>(db: Db, key: string, compute: () => T | Promise<T>, refresh?: Refresh<T>, weigh?: Weigh<T>): Promise<T> {
  return await memoIn(PROGRAM_WIDE, db, key, compute, refresh, weigh);
}

/** memoByHead for an answer about one item: kept apart from the program-wide answers. */
export async function memoItemByHead<T>(db: Db, key: string, compute: () => T | Promise<T>): Promise<T> {
  return await memoIn(PER_ITEM, db, key, compute);
}

async function memoIn<T>(store: Store, db: Db, key: string, compute: () => T | Promise<T>, refresh?: Refresh<T>, weigh?: Weigh<T>): Promise<T> {
  const head = await readHead(db);
  let lru = store.memos.get(db);
  if (!lru) store.memos.set(db, (lru = { entries: new Map(), weight: 0, pending: new Map() }));
  const hit = lru.entries.get(key);
  if (hit && sameHead(hit.head, head)) {
    lru.entries.delete(key); // keep recently used entries at the end
    lru.entries.set(key, hit);
    return hit.value as T;
  }
  // Callers asking for the same key at the same head share one computation.
  const pending = lru.pending.get(key);
  if (pending && sameHead(pending.head, head)) return pending.value as Promise<T>;
  const value = (async () => {
    let fresh: T | undefined;
    if (hit && refresh) {
      const changes = await changesBetween(db, hit.head, head);
      if (changes) fresh = await refresh(hit.value as T, changes);
    }
    if (fresh === undefined) fresh = await compute();
    keep(store, lru, key, { head, value: fresh, weight: Math.max(1, weigh ? weigh(fresh) : 1) });
    return fresh;
  })();
  const entry = { head, value };
  lru.pending.set(key, entry);
  const settled = () => {
    if (lru.pending.get(key) === entry) lru.pending.delete(key);
  };
  value.then(settled, settled);
  return value;
}

function sameHead(a: Head, b: Head): boolean {
  return a.seq === b.seq && a.hash === b.hash;
}

function keep(store: Store, lru: Lru, key: string, memo: Memo): void {
  const old = lru.entries.get(key);
  if (old) {
    lru.entries.delete(key);
    lru.weight -= old.weight;
  }
  lru.entries.set(key, memo);
  lru.weight += memo.weight;
  // The newest entry stays even when it alone is over the bound: it was just asked for.
  while ((lru.entries.size > store.maxEntries || lru.weight > store.maxWeight) && lru.entries.size > 1) {
    const [oldest, dropped] = lru.entries.entries().next().value!;
    lru.entries.delete(oldest);
    lru.weight -= dropped.weight;
  }
}

/** How many answers a store holds for a database, and their weight: for tests and the README's figures. */
export function memoStats(db: Db): { entries: number; weight: number } {
  const lru = PROGRAM_WIDE.memos.get(db);
  return { entries: lru?.entries.size ?? 0, weight: lru?.weight ?? 0 };
}

/**
 * A refresh for values that depend only on some entities of one program: kept as they are unless
 * the log touched one of those entities there (or created the program anew).
 */
export function keepUnlessTouched<T>(slug: string, entities: readonly LogEntity[]): Refresh<T> {
  return (previous, changes) =>
    changes.some((c) => c.programSlug === slug && (entities.includes(c.entity) || (c.entity === "program" && c.action === "create")))
      ? undefined
      : previous;
}
