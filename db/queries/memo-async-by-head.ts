import type { Db } from "../index";
import { readHead, type Head } from "./memo-by-head";

interface Entry<T> {
  head: Head;
  value: Promise<T>;
}

/**
 * memoByHead for values that take long to make and weigh a lot (a PDF): served only while the log
 * head has not moved, at most `maxEntries` per database (the least recently used go first), one
 * computation shared by callers asking for the same key at the same head, and a failure not kept.
 * Callers keep their order: each reads the head, then finds or starts the computation. `hit` says whether
 * the value was already there or on its way.
 */
export function createAsyncMemoByHead<T>(maxEntries: number) {
  const stores = new WeakMap<Db, Map<string, Entry<T>>>();
  return async (db: Db, key: string, compute: () => Promise<T>): Promise<{ value: Promise<T>; hit: boolean }> => {
    const head = await readHead(db);
    let store = stores.get(db);
    if (!store) stores.set(db, (store = new Map()));
    const found = store.get(key);
    store.delete(key); // keep recently used entries at the end
    if (found && found.head.seq === head.seq && found.head.hash === head.hash) {
      store.set(key, found);
      return { value: found.value, hit: true };
    }
    let value: Promise<T>;
    try {
      value = compute();
    } catch (error) {
      value = Promise.reject(error);
    }
    const entry: Entry<T> = { head, value };
    store.set(key, entry);
    if (store.size > maxEntries) store.delete(store.keys().next().value!);
    entry.value.catch(() => {
      if (store.get(key) === entry) store.delete(key);
    });
    return { value: entry.value, hit: false };
  };
}
