import { buildSnapshot, type Snapshot } from "@/lib/build-snapshot";
import { thresholdsOf } from "@/lib/readiness/quality";
import type { Db } from "../index";
import type { Program } from "../schema";
import { loadProgramHistory } from "./load-program-history";
import { loadSignals } from "./load-signals";
import { memoByHead } from "./memo-by-head";

/** A program at (asOf, knownAt) with its row: what every read of the program is computed from. */
export interface ProgramSnapshot extends Snapshot {
  program: Program;
}

/**
 * The program, its history, signals, every item's status, the listed items and the breaches at
 * (asOf, knownAt); a not_found AppError for an unknown slug. Memoised by log head; after a write it
 * is patched from the previous snapshot (see buildSnapshot), on top of the history and signals,
 * which patch themselves from the log. `memo: false` is for walks over many dates (the weekly
 * reports): they would push every page's snapshot out of the bounded memo.
 */
export async function loadSnapshot(db: Db, slug: string, asOf: number, knownAt: number, options: { memo?: boolean } = {}): Promise<ProgramSnapshot> {
  if (options.memo === false) return await snapshotOf(db, slug, asOf, knownAt);
  return await memoByHead(
    db,
    `snapshot:${slug}:${asOf}:${knownAt}`,
    async () => await snapshotOf(db, slug, asOf, knownAt),
    async (previous) => await snapshotOf(db, slug, asOf, knownAt, previous),
    (s) => s.statuses.length,
  );
}

async function snapshotOf(db: Db, slug: string, asOf: number, knownAt: number, previous?: ProgramSnapshot): Promise<ProgramSnapshot> {
  const { program, items } = await loadProgramHistory(db, slug);
  const signals = await loadSignals(db, program);
  // A write elsewhere (another program, a claim, an event) leaves the snapshot as it was.
  if (previous && previous.program === program && previous.items === items && previous.signals === signals) return previous;
  const snapshot = buildSnapshot({ slug, items, signals, thresholds: thresholdsOf(program), asOf, knownAt }, previous);
  return { ...snapshot, program };
}
