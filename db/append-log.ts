import { desc, sql } from "drizzle-orm";
import { GENESIS_HASH, hashEntry, type LogEntryContent } from "@/lib/hash-chain";
import type { LogAction, LogEntity } from "@/lib/log-vocabulary";
import type { Tx } from "./index";
import { auditLog } from "./schema";

/** An entry to append: only the log's own words for what happened (the chain hashes them as written). */
export type LogInput = Omit<LogEntryContent, "seq" | "at" | "action" | "entity"> & { action: LogAction; entity: LogEntity };

/**
 * Appends entries to the hash-chained log inside the caller's transaction. Reads the head once,
 * so a bulk write (an import) chains thousands of entries cheaply.
 */
export class LogWriter {
  private seq: number;
  private head: string;
  private readonly at: string;
  // Built once per writer: a bulk import appends hundreds of thousands of entries.
  private readonly insert;

  /** A writer that appends after the log's current last entry, inside `tx`. */
  static async open(tx: Tx, now: Date = new Date()): Promise<LogWriter> {
    const [last] = await tx.select({ seq: auditLog.seq, hash: auditLog.hash, at: auditLog.at }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    return new LogWriter(tx, last, now);
  }

  private constructor(tx: Tx, last: { seq: number; hash: string; at: string } | undefined, now: Date) {
    this.seq = last?.seq ?? 0;
    this.head = last?.hash ?? GENESIS_HASH;
    // Never earlier than the entry before, even if the clock stepped back: `at` orders like `seq`.
    const at = now.toISOString();
    this.at = last && last.at > at ? last.at : at;
    const p = (name: string) => sql.placeholder(name);
    this.insert = tx
      .insert(auditLog)
      .values({
        seq: p("seq"),
        at: p("at"),
        actor: p("actor"),
        action: p("action"),
        entity: p("entity"),
        entityId: p("entityId"),
        programSlug: p("programSlug"),
        payload: p("payload"),
        prevHash: p("prevHash"),
        hash: p("hash"),
      })
      .prepare();
  }

  async append(entry: LogInput): Promise<string> {
    const content: LogEntryContent = { seq: this.seq + 1, at: this.at, ...entry };
    const hash = hashEntry(this.head, content);
    const prevHash = this.head;
    // Moved before the insert settles, so appends started together still chain one after another.
    this.seq = content.seq;
    this.head = hash;
    await this.insert.execute({ ...content, payload: JSON.stringify(entry.payload), prevHash, hash });
    return hash;
  }
}
