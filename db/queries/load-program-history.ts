import { compareEffectiveOrder } from "@/lib/fold-item-status";
import { parseDependencyId, type LogEntity } from "@/lib/log-vocabulary";
import type { ItemWithTransitions } from "@/lib/item-with-transitions";
import type { Status } from "@/lib/status";
import type { Db } from "../index";
import { rawAll, rawGet } from "../raw-sql";
import type { Program } from "../schema";
import { findProgram, getProgramOrThrow } from "./get-program-or-throw";
import { memoByHead, type LogChange } from "./memo-by-head";

export interface ProgramHistory {
  program: Program;
  items: ItemWithTransitions[];
}

/**
 * A program and every item's transitions — the input of every rule in lib/ — loaded in three
 * queries, and served from memory while the log head has not moved. After a write only the items
 * it touched are read again (see refreshHistory). Each item's transitions come in effective order,
 * so the folds need not sort them. A not_found AppError for an unknown slug.
 */
export async function loadProgramHistory(db: Db, slug: string): Promise<ProgramHistory> {
  return await memoByHead(
    db,
    `history:${slug}`,
    async () => await readProgramHistory(db, slug),
    async (previous, changes) => await refreshHistory(db, slug, previous, changes),
    (h) => h.items.length,
  );
}

// Hand-written statements both databases read alike: at 10,000 items and 200,000 transitions the
// object mapping of a query builder costs more than SQLite itself. The nested-loop plans (items
// by program, then each item's transitions from the index that holds every column read here,
// transitions_item_history) need no sort and never visit the transitions table itself.
// `ITEM` narrows each to one item for a refresh.
const PROGRAM = "WHERE i.program_id = ?";
const PROGRAM_ITEM = "WHERE i.program_id = ? AND i.key = ?";
/** The hot statements, exported so a test can check their query plans. */
export const HISTORY_SQL = {
  items: `SELECT i.id, i.key, i.title, i.area, p.email, p.name, i.team, i.estimate_weeks, i.identified_at, i.target_date
       FROM items i LEFT JOIN people p ON p.id = i.owner_id WHERE i.program_id = ? ORDER BY i.key`,
  dependencies: `SELECT d.item_id, d.depends_on_id FROM items i JOIN dependencies d ON d.item_id = i.id
       WHERE i.program_id = ? ORDER BY d.item_id, d.position`,
  transitions: `SELECT t.item_id, t.to_status, t.effective_at, t.recorded_at, t.id, v.recorded_at AS verified_recorded_at,
              r.recorded_at AS rejected_recorded_at
       FROM items i JOIN transitions t ON t.item_id = i.id LEFT JOIN verifications v ON v.transition_id = t.id
       LEFT JOIN transition_rejections r ON r.transition_id = t.id
       WHERE i.program_id = ?`,
};

interface ItemRow {
  id: number;
  key: string;
  title: string;
  area: string;
  email: string | null;
  name: string | null;
  team: string;
  estimate_weeks: number;
  identified_at: number;
  target_date: number | null;
}
interface DependencyRow {
  item_id: number;
  depends_on_id: number;
}
interface TransitionRow {
  item_id: number;
  to_status: Status;
  effective_at: number;
  recorded_at: number;
  id: number;
  verified_recorded_at: number | null;
  rejected_recorded_at: number | null;
}

/** Items with their dependencies and transitions, for the whole program or (with a key) one item. */
async function readItems(db: Db, programId: number, key?: string): Promise<ItemWithTransitions[]> {
  const run = async <T>(name: keyof typeof HISTORY_SQL) =>
    key === undefined
      ? await rawAll<T>(db, HISTORY_SQL[name], programId)
      : await rawAll<T>(db, HISTORY_SQL[name].replace(PROGRAM, PROGRAM_ITEM), programId, key);
  const byId = new Map<number, ItemWithTransitions>();
  for (const r of await run<ItemRow>("items"))
    byId.set(r.id, {
      key: r.key,
      title: r.title,
      area: r.area,
      owner: r.email,
      ownerName: r.name,
      team: r.team,
      estimateWeeks: r.estimate_weeks,
      identifiedAt: r.identified_at,
      targetDate: r.target_date,
      dependsOn: [],
      transitions: [],
    });
  // A refresh reads one item, so the keys of what it depends on are looked up separately.
  const keyOf = async (id: number) => (await rawGet<{ key: string }>(db, "SELECT key FROM items WHERE id = ?", id))!.key;
  for (const d of await run<DependencyRow>("dependencies"))
    byId.get(d.item_id)?.dependsOn.push(byId.get(d.depends_on_id)?.key ?? (await keyOf(d.depends_on_id)));
  for (const t of await run<TransitionRow>("transitions"))
    byId.get(t.item_id)!.transitions.push({
      to: t.to_status,
      effectiveAt: t.effective_at,
      recordedAt: t.recorded_at,
      recordingOrder: t.id,
      verificationRecordedAt: t.verified_recorded_at,
      rejectionRecordedAt: t.rejected_recorded_at,
    });
  for (const item of byId.values()) item.transitions.sort(compareEffectiveOrder);
  return [...byId.values()];
}

async function readProgramHistory(db: Db, slug: string): Promise<ProgramHistory> {
  const program = await getProgramOrThrow(db, slug);
  return { program, items: await readItems(db, program.id) };
}

// Entities whose entries change no item's transitions, dependencies or fields (comments change no figure).
const OUTSIDE_HISTORY: ReadonlySet<LogEntity> = new Set(["signal", "claim", "report", "event", "comment"]);

// Where each key stands in a history's items; a refresh keeps the order, so it shares the index.
const positions = new WeakMap<readonly ItemWithTransitions[], ReadonlyMap<string, number>>();

/**
 * The history after `changes`, reading again only the items they touched and the program row;
 * `undefined` (recompute) for anything else that could change the history, such as new items.
 * Untouched items keep their objects, so derived values can tell what changed by identity.
 */
async function refreshHistory(db: Db, slug: string, previous: ProgramHistory, changes: readonly LogChange[]): Promise<ProgramHistory | undefined> {
  const touched = new Set<string>();
  let programTouched = false;
  for (const c of changes) {
    if (c.programSlug !== slug) continue;
    if (c.entity === "transition") {
      const key = await itemOfTransition(db, Number(c.entityId));
      if (key === undefined) return undefined;
      touched.add(key);
    }
    else if (c.entity === "item" && c.action === "update") touched.add(c.entityId);
    else if (c.entity === "dependency") {
      const dependency = parseDependencyId(c.entityId);
      if (!dependency) return undefined;
      touched.add(dependency.item);
    }
    else if (c.entity === "program" && c.action === "update") programTouched = true;
    else if (!OUTSIDE_HISTORY.has(c.entity)) return undefined;
  }
  if (touched.size === 0 && !programTouched) return previous;
  const program = programTouched ? await findProgram(db, slug) : previous.program;
  if (!program) return undefined;
  const items = previous.items.slice();
  let index = positions.get(previous.items);
  if (!index) positions.set(previous.items, (index = new Map(items.map((item, i) => [item.key, i]))));
  for (const key of touched) {
    const [fresh] = await readItems(db, program.id, key);
    const at = index.get(key);
    if (!fresh || at === undefined) return undefined;
    items[at] = fresh;
  }
  positions.set(items, index);
  return { program, items };
}

async function itemOfTransition(db: Db, transitionId: number): Promise<string | undefined> {
  return (await rawGet<{ key: string }>(db, "SELECT i.key FROM transitions t JOIN items i ON i.id = t.item_id WHERE t.id = ?", transitionId))?.key;
}
