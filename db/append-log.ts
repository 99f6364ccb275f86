import { desc } from "drizzle-orm";
import { GENESIS_HASH, hashEntry, type LogEntryContent } from "@/lib/hash-chain";
import type { LogAction, LogEntity } from "@/lib/log-vocabulary";
import type { Tx } from "./index";
import { insertRows } from "./insert-rows";
import { preparedOnce } from "./prepared-statement";
import { auditLog } from "./schema";

/** An entry to append: only the log's own words for what happened (the chain hashes them as written). */
export type LogInput = Omit<LogEntryContent, "seq" | "at" | "action" | "entity"> & { action: LogAction; entity: LogEntity };

type LogRow = typeof auditLog.$inferInsert;

// Entries written together when a bulk write queues them: one statement per entry would make a
// 10,000-item import half a million round trips to a PostgreSQL server.
const BATCH = 5000;

// Every write reads the head it chains to: built and prepared once.
const logHead = preparedOnce((tx: Tx) => tx.select({ seq: auditLog.seq, hash: auditLog.hash, at: auditLog.at }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1).prepare());

/** Appends one entry to the log inside `tx` (at `now`) and returns its hash. */
export async function appendToLog(tx: Tx, entry: LogInput, now: Date = new Date()): Promise<string> {
  return await (await LogWriter.open(tx, now)).append(entry);
}

/**
 * Appends entries to the hash-chained log inside the caller's transaction. Reads the head once,
 * so a bulk write (an import) chains thousands of entries cheaply; `queue` and `flush` write them
 * thousands of rows to a statement.
 */
export class LogWriter {
  private seq: number;
  private head: string;
  private readonly at: string;
  private readonly tx: Tx;
  private pending: LogRow[] = [];

  /** A writer that appends after the log's current last entry, inside `tx`. */
  static async open(tx: Tx, now: Date = new Date()): Promise<LogWriter> {
    const [last] = await logHead(tx).execute();
    return new LogWriter(tx, last, now);
  }

  private constructor(tx: Tx, last: { seq: number; hash: string; at: string } | undefined, now: Date) {
    this.tx = tx;
    this.seq = last?.seq ?? 0;
    this.head = last?.hash ?? GENESIS_HASH;
    // Never earlier than the entry before, even if the clock stepped back: `at` orders like `seq`.
    const at = now.toISOString();
    this.at = last && last.at > at ? last.at : at;
  }

  /** Appends `entry` (after any queued ones) and returns its hash once it is written. */
  async append(entry: LogInput): Promise<string> {
    const hash = this.chain(entry);
    await this.flush();
    return hash;
  }

  /**
   * Chains `entry` now and writes it with the next few thousand (at the latest on `flush`, which
   * the caller must await before its transaction ends). Returns its hash.
   */
  async queue(entry: LogInput): Promise<string> {
    const hash = this.chain(entry);
    if (this.pending.length >= BATCH) await this.flush();
    return hash;
  }

  /** Writes every queued entry, in order. */
  async flush(): Promise<void> {
    // Taken before the first await, so appends started together still write one after another.
    const rows = this.pending;
    this.pending = [];
    await insertRows(this.tx, auditLog, rows);
  }

  private chain(entry: LogInput): string {
    const content: LogEntryContent = { seq: this.seq + 1, at: this.at, ...entry };
    const hash = hashEntry(this.head, content);
    this.pending.push({ ...content, action: entry.action, entity: entry.entity, payload: JSON.stringify(entry.payload), prevHash: this.head, hash });
    this.seq = content.seq;
    this.head = hash;
    return hash;
  }
}
