import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json";

/** The hashed content of one log entry (DESIGN §9). `payload` is any JSON value. */
export interface LogEntryContent {
  seq: number;
  at: string;
  actor: string | null;
  action: string;
  entity: string;
  entityId: string;
  programSlug: string | null;
  payload: unknown;
}

export interface LogEntry extends LogEntryContent {
  prevHash: string;
  hash: string;
}

/** The hash that precedes the first entry. */
export const GENESIS_HASH = "0".repeat(64);

/** sha256 over the previous hash and the canonical JSON (RFC 8785) of the entry. */
export function hashEntry(prevHash: string, content: LogEntryContent): string {
  return createHash("sha256").update(prevHash).update("\n").update(canonicalJson(content)).digest("hex");
}

export interface ChainVerdict {
  ok: boolean;
  entries: number;
  head: string;
  firstBad: { seq: number; reason: string } | null;
}

/**
 * Recomputes the chain in `seq` order and names the first entry that does not match. With an
 * `anchor` (the last entry as recorded at write time) a log cut short at its end is caught too.
 */
export function verifyChain(entries: Iterable<LogEntry>, anchor?: { seq: number; hash: string } | null): ChainVerdict {
  const verifier = new ChainVerifier();
  for (const e of entries) {
    const bad = verifier.add(e);
    if (bad) return bad;
  }
  return verifier.end(anchor);
}

/** verifyChain one entry at a time: for a log read in pages. */
export class ChainVerifier {
  private prev = GENESIS_HASH;
  private count = 0;

  /** Takes the next entry; the verdict when it does not match, else null. */
  add(e: LogEntry): ChainVerdict | null {
    this.count++;
    const expectedSeq = this.count;
    const { prevHash, hash, ...content } = e;
    let reason: string | null = null;
    if (e.seq !== expectedSeq) reason = `expected entry #${expectedSeq} here, found #${e.seq} (an entry is missing or out of order)`;
    else if (prevHash !== this.prev) reason = "its prevHash does not match the hash of the entry before it";
    else if (hashEntry(prevHash, content) !== hash) reason = "its content does not match its hash (the entry was altered)";
    if (reason) return { ok: false, entries: this.count, head: this.prev, firstBad: { seq: e.seq, reason } };
    this.prev = hash;
    return null;
  }

  /** The verdict once every entry was added. */
  end(anchor?: { seq: number; hash: string } | null): ChainVerdict {
    const { count, prev } = this;
    if (anchor && (anchor.seq !== count || anchor.hash !== prev)) {
      const reason =
        anchor.seq > count
          ? `the log ends at #${count} but #${anchor.seq} was written: entries were removed from its end`
          : `the log's last entry #${count} is not the last one written (#${anchor.seq}): entries were added or altered outside the tracker`;
      return { ok: false, entries: count, head: prev, firstBad: { seq: Math.min(anchor.seq, count + 1), reason } };
    }
    return { ok: true, entries: count, head: prev, firstBad: null };
  }
}
