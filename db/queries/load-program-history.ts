import { eq } from "drizzle-orm";
import { compareEffectiveOrder } from "@/lib/fold-item-status";
import type { HistoryItem } from "@/lib/program-history";
import type { Db } from "../index";
import { programs, type Program } from "../schema";
import type { Status } from "@/lib/status";
import { memoByHead } from "./memo-by-head";

export interface ProgramHistory {
  program: Program;
  items: HistoryItem[];
}

/**
 * A program and every item's transitions — the input of every rule in lib/ — loaded in three
 * queries, and served from memory while the log head has not moved. Each item's transitions come
 * in effective order, so the folds need not sort them.
 */
export function loadProgramHistory(db: Db, slug: string): ProgramHistory | null {
  return memoByHead(db, `history:${slug}`, () => readProgramHistory(db, slug));
}

type Row = [number, string, string, string, string | null, string | null, string, number, number];

// Raw statements returning arrays: at 10,000 items and 200,000 transitions the object mapping of a
// query builder costs more than SQLite itself. The nested-loop plans (items by program, then each
// item's transitions by the (item_id, effective_at) index) need no sort.
/** The hot statements, exported so a test can check their query plans. */
export const HISTORY_SQL = {
  items: `SELECT i.id, i.key, i.title, i.area, p.email, p.name, i.team, i.estimate_weeks, i.identified_at
       FROM items i LEFT JOIN people p ON p.id = i.owner_id WHERE i.program_id = ? ORDER BY i.key`,
  dependencies: `SELECT d.item_id, d.depends_on_id FROM items i JOIN dependencies d ON d.item_id = i.id
       WHERE i.program_id = ? ORDER BY d.item_id, d.position`,
  transitions: `SELECT t.item_id, t.to_status, t.effective_at, t.recorded_at, t.id, v.recorded_at
       FROM items i JOIN transitions t ON t.item_id = i.id LEFT JOIN verifications v ON v.transition_id = t.id
       WHERE i.program_id = ?`,
};

function readProgramHistory(db: Db, slug: string): ProgramHistory | null {
  const program = db.select().from(programs).where(eq(programs.slug, slug)).get();
  if (!program) return null;
  const sqlite = db.$client;
  const byId = new Map<number, HistoryItem>();
  const keyOf = new Map<number, string>();
  const itemRows = sqlite
    .prepare(HISTORY_SQL.items)
    .raw()
    .all(program.id) as Row[];
  for (const [id, key, title, area, owner, ownerName, team, estimateWeeks, identifiedAt] of itemRows) {
    keyOf.set(id, key);
    byId.set(id, { key, title, area, owner, ownerName, team, estimateWeeks, identifiedAt, dependsOn: [], transitions: [] });
  }
  const deps = sqlite
    .prepare(HISTORY_SQL.dependencies)
    .raw()
    .all(program.id) as [number, number][];
  for (const [itemId, dependsOnId] of deps) byId.get(itemId)?.dependsOn.push(keyOf.get(dependsOnId)!);
  const rows = sqlite
    .prepare(HISTORY_SQL.transitions)
    .raw()
    .all(program.id) as [number, Status, number, number, number, number | null][];
  for (const [itemId, to, effectiveAt, recordedAt, seq, verificationRecordedAt] of rows)
    byId.get(itemId)!.transitions.push({ to, effectiveAt, recordedAt, seq, verificationRecordedAt });
  for (const item of byId.values()) item.transitions.sort(compareEffectiveOrder);
  return { program, items: [...byId.values()] };
}
