import { asc } from "drizzle-orm";
import { verifyChain, type ChainVerdict, type LogEntry } from "@/lib/hash-chain";
import type { Db } from "./index";
import { auditLog } from "./schema";

interface RawRow {
  seq: number;
  at: string;
  actor: string | null;
  action: string;
  entity: string;
  entity_id: string;
  program_slug: string | null;
  payload: string;
  prev_hash: string;
  hash: string;
}

/** Recomputes the whole hash chain from the database (DESIGN §9). */
export function verifyLog(db: Db): ChainVerdict {
  // One read snapshot: an append by another connection between reading the anchor and the rows
  // would otherwise look like entries added outside the tracker.
  return db.$client.transaction(() => verifySnapshot(db))();
}

function verifySnapshot(db: Db): ChainVerdict {
  // Iterate rather than load: the log of a large organisation is long.
  const rows = db.$client.prepare(db.select().from(auditLog).orderBy(asc(auditLog.seq)).toSQL().sql).iterate() as Iterable<RawRow>;
  function* entries(): Generator<LogEntry> {
    for (const r of rows) {
      let payload: unknown;
      try {
        payload = JSON.parse(r.payload);
      } catch {
        payload = r.payload; // an altered, unparsable payload still fails its hash
      }
      yield {
        seq: r.seq,
        at: r.at,
        actor: r.actor,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        programSlug: r.program_slug,
        payload,
        prevHash: r.prev_hash,
        hash: r.hash,
      };
    }
  }
  const anchor = db.$client.prepare("SELECT seq, hash FROM log_anchor WHERE id = 1").get() as { seq: number; hash: string } | undefined;
  return verifyChain(entries(), anchor ?? null);
}
