import { AsyncLocalStorage } from "node:async_hooks";
import { sql } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { processWide } from "@/lib/process-wide";
import { isPostgres, type Db, type Tx } from "./index";
import { preparedStatement } from "./prepared-statement";

// The transaction a piece of work runs in, so a mutation called from inside another's transaction
// joins it instead of waiting for itself.
const current = new AsyncLocalStorage<{ root: Db; tx: Tx }>();
// One queue per database for the whole server: each route is its own bundle with its own copy of
// this module, and writes from two routes must still wait for each other.
const queues = processWide("transact:queues", () => new WeakMap<Db, Promise<unknown>>());

// Every write transaction on PostgreSQL takes this lock first: writes from every instance of the
// tracker run one at a time, as they do on SQLite, so the hash chain never forks and a check
// ("already published?") holds until its write commits.
const WRITE_LOCK = 0x7472_6163; // "trac"

/**
 * Runs `work` in one write transaction on `db`: all of it is written, or none of it. Write
 * transactions on one database run one at a time, in the order asked; a call from inside a
 * transaction joins it. On SQLite's one connection statements never wait, so a transaction's
 * awaits settle before any other request's code runs and no other request reads its uncommitted
 * rows — provided `work` awaits only the database (do file and network work first). On
 * PostgreSQL a transaction has a connection of its own and an advisory lock orders writers across
 * instances.
 */
export async function transact<T>(db: Db | Tx, work: (tx: Tx) => Promise<T> | T): Promise<T> {
  const open = current.getStore();
  if (open && (open.root === db || open.tx === db)) return await work(open.tx);
  if (isPostgres(db)) return await onPostgres(db, work, "write");
  return await inTurn(db, "BEGIN IMMEDIATE", work);
}

/**
 * Runs `work` on one consistent read snapshot of `db` (another connection's commits meanwhile are
 * not seen): for reads that must agree with each other, such as the chain check.
 */
export async function readSnapshot<T>(db: Db, work: (db: Db) => Promise<T> | T): Promise<T> {
  const open = current.getStore();
  if (open && (open.root === db || open.tx === db)) return await work(open.tx);
  if (isPostgres(db)) return await onPostgres(db, work, "snapshot");
  return await inTurn(db, "BEGIN", work);
}

async function inTurn<T>(db: Db, begin: string, work: (tx: Tx) => Promise<T> | T): Promise<T> {
  const before = queues.get(db) ?? Promise.resolve();
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  const last = before.then(() => done);
  queues.set(db, last);
  await before;
  try {
    return await current.run({ root: db, tx: db }, () => inTransaction(db, begin, work));
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

function onPostgres<T>(db: Db, work: (tx: Tx) => Promise<T> | T, kind: "write" | "snapshot"): Promise<T> {
  const pgDb = db as unknown as NodePgDatabase;
  return pgDb.transaction(
    async (pgTx) => {
      if (kind === "write") await pgTx.execute(sql`SELECT pg_advisory_xact_lock(${WRITE_LOCK})`);
      const tx = pgTx as unknown as Tx;
      return current.run({ root: db, tx }, () => work(tx));
    },
    kind === "snapshot" ? { isolationLevel: "repeatable read", accessMode: "read only" } : undefined,
  );
}
