import { AsyncLocalStorage } from "node:async_hooks";
import type { Db, Tx } from "./index";
import { preparedStatement } from "./prepared-statement";

// The transaction a piece of work runs in, so a mutation called from inside another's transaction
// joins it instead of waiting for itself.
const current = new AsyncLocalStorage<Db>();
const queues = new WeakMap<Db, Promise<unknown>>();

/**
 * Runs `work` in one write transaction on `db`: all of it is written, or none of it. Work on one
 * database runs one transaction at a time, in the order asked; a call from inside a transaction
 * joins it. The connection is SQLite's one connection, whose statements never wait: a
 * transaction's awaits settle before any other request's code runs, so no other request reads its
 * uncommitted rows — provided `work` awaits only the database (do file and network work first).
 */
export function transact<T>(db: Db | Tx, work: (tx: Tx) => Promise<T> | T): Promise<T> {
  return inTurn(db, "BEGIN IMMEDIATE", work);
}

/**
 * Runs `work` on one consistent read snapshot of `db` (another connection's commits meanwhile are
 * not seen): for reads that must agree with each other, such as the chain check.
 */
export function readSnapshot<T>(db: Db, work: (db: Db) => Promise<T> | T): Promise<T> {
  return inTurn(db, "BEGIN", work);
}

async function inTurn<T>(db: Db, begin: string, work: (tx: Tx) => Promise<T> | T): Promise<T> {
  if (current.getStore() === db) return work(db);
  const before = queues.get(db) ?? Promise.resolve();
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  const last = before.then(() => done);
  queues.set(db, last);
  await before;
  try {
    return await current.run(db, () => inTransaction(db, begin, work));
  } finally {
    release();
    if (queues.get(db) === last) queues.delete(db);
  }
}

async function inTransaction<T>(db: Db, begin: string, work: (tx: Tx) => Promise<T> | T): Promise<T> {
  preparedStatement(db, begin).run();
  try {
    const result = await work(db);
    preparedStatement(db, "COMMIT").run();
    return result;
  } catch (error) {
    if (db.$client.inTransaction) preparedStatement(db, "ROLLBACK").run();
    throw error;
  }
}
