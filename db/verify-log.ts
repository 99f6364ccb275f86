import { createHash } from "node:crypto";
import { asc } from "drizzle-orm";
import { verifyChain, type ChainVerdict, type LogEntry } from "@/lib/hash-chain";
import type { Db } from "./index";
import { readSnapshot } from "./transact";
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
export async function verifyLog(db: Db): Promise<ChainVerdict> {
  // One read snapshot: an append by another connection between reading the anchor and the rows
  // would otherwise look like entries added outside the tracker.
  return readSnapshot(db, verifySnapshot);
}

async function verifySnapshot(db: Db): Promise<ChainVerdict> {
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
  const verdict = verifyChain(entries(), anchor ?? null);
  return verdict.ok ? await withArtefacts(db, verdict) : verdict;
}

/**
 * The log holds each stored artefact's digest, not its bytes: bytes changed behind the tracker's
 * back fail here, named by the log entry that recorded the digest (an ingestion, or a transition
 * whose evidence carries the file).
 */
async function withArtefacts(db: Db, verdict: ChainVerdict): Promise<ChainVerdict> {
  const rows = db.$client.prepare("SELECT sha256, bytes FROM artefacts ORDER BY sha256").iterate() as Iterable<{ sha256: string; bytes: Buffer }>;
  for (const a of rows) {
    if (createHash("sha256").update(a.bytes).digest("hex") === a.sha256) continue;
    const entry = db.$client
      .prepare("SELECT seq FROM audit_log WHERE entity IN ('artefact', 'transition') AND instr(payload, ?) > 0 ORDER BY seq LIMIT 1")
      .get(a.sha256) as { seq: number } | undefined;
    return { ...verdict, ok: false, firstBad: { seq: entry?.seq ?? 0, reason: `the artefact ${a.sha256} no longer matches its digest: its bytes were changed` } };
  }
  return verdict;
}
