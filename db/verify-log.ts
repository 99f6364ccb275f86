import { createHash } from "node:crypto";
import { ChainVerifier, verifyChain, type ChainVerdict, type LogEntry } from "@/lib/hash-chain";
import { isPostgres, type Db } from "./index";
import { rawAll, rawGet } from "./raw-sql";
import { readSnapshot } from "./transact";

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

const COLUMNS = "seq, at, actor, action, entity, entity_id, program_slug, payload, prev_hash, hash";
// PostgreSQL's rows come in pages of this many: the log of a large organisation is long.
const PAGE = 5_000;

async function verifySnapshot(db: Db): Promise<ChainVerdict> {
  const anchor = (await rawGet<{ seq: number; hash: string }>(db, "SELECT seq, hash FROM log_anchor WHERE id = 1")) ?? null;
  let verdict: ChainVerdict;
  if (isPostgres(db)) {
    const verifier = new ChainVerifier();
    let bad: ChainVerdict | null = null;
    for (let after = 0; bad === null; ) {
      const page = await rawAll<RawRow>(db, `SELECT ${COLUMNS} FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ${PAGE}`, after);
      if (page.length === 0) break;
      for (const r of page) if ((bad = verifier.add(toEntry(r)))) break;
      after = page.at(-1)!.seq;
    }
    verdict = bad ?? verifier.end(anchor);
  } else {
    // Iterate rather than load, in one pass without awaits: SQLite reads the file as it goes.
    const rows = db.$client.prepare(`SELECT ${COLUMNS} FROM audit_log ORDER BY seq`).iterate() as Iterable<RawRow>;
    verdict = verifyChain((function* () { for (const r of rows) yield toEntry(r); })(), anchor);
  }
  return verdict.ok ? await withArtefacts(db, verdict) : verdict;
}

function toEntry(r: RawRow): LogEntry {
  let payload: unknown;
  try {
    payload = JSON.parse(r.payload);
  } catch {
    payload = r.payload; // an altered, unparsable payload still fails its hash
  }
  return {
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

/** Artefacts' digests and sizes are read this many at a time; their bytes by ARTEFACT_BYTES_AT_ONCE. */
export const ARTEFACT_KEYS_PAGE = 500;
/** At most this many bytes of artefacts are read at once (and one file more): a file may be 10 MiB. */
const ARTEFACT_BYTES_AT_ONCE = 16 << 20;

/**
 * The log holds each stored artefact's digest, not its bytes: bytes changed behind the tracker's
 * back fail here, named by the log entry that recorded the digest (an ingestion, or a transition
 * whose evidence carries the file). Read by runs of digests whose sizes add up to a bounded
 * amount, so that a program's evidence files are never all in memory at once.
 */
async function withArtefacts(db: Db, verdict: ChainVerdict): Promise<ChainVerdict> {
  const lengthOf = isPostgres(db) ? "octet_length(bytes)" : "length(bytes)";
  for (let after = ""; ; ) {
    // The bytes' own length, not the size column: a changed size could make one run read them all.
    const keys = await rawAll<{ sha256: string; size: number }>(db, `SELECT sha256, ${lengthOf} AS size FROM artefacts WHERE sha256 > ? ORDER BY sha256 LIMIT ${ARTEFACT_KEYS_PAGE}`, after);
    if (keys.length === 0) return verdict;
    for (let i = 0; i < keys.length; ) {
      let j = i;
      for (let bytes = 0; j < keys.length && (j === i || bytes + Number(keys[j]!.size) <= ARTEFACT_BYTES_AT_ONCE); j++) bytes += Number(keys[j]!.size);
      const run = await rawAll<{ sha256: string; bytes: Buffer }>(db, "SELECT sha256, bytes FROM artefacts WHERE sha256 >= ? AND sha256 <= ? ORDER BY sha256", keys[i]!.sha256, keys[j - 1]!.sha256);
      for (const a of run) if (createHash("sha256").update(a.bytes).digest("hex") !== a.sha256) return await changedArtefact(db, verdict, a.sha256);
      i = j;
    }
    after = keys.at(-1)!.sha256;
  }
}

async function changedArtefact(db: Db, verdict: ChainVerdict, sha256: string): Promise<ChainVerdict> {
  const contains = isPostgres(db) ? "strpos(payload, ?) > 0" : "instr(payload, ?) > 0";
  const entry = await rawGet<{ seq: number }>(db, `SELECT seq FROM audit_log WHERE entity IN ('artefact', 'transition') AND ${contains} ORDER BY seq LIMIT 1`, sha256);
  return { ...verdict, ok: false, firstBad: { seq: entry?.seq ?? 0, reason: `the artefact ${sha256} no longer matches its digest: its bytes were changed` } };
}
