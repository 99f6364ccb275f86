import { asc, eq } from "drizzle-orm";
import type { HistoryItem } from "@/lib/program-history";
import type { Db } from "../index";
import { dependencies, items, people, programs, transitions, verifications, type Program } from "../schema";

export interface ProgramHistory {
  program: Program;
  items: HistoryItem[];
}

// Per database, per program: the last history loaded and the log head it was loaded at. Every write
// appends to the log (and a trigger moves log_anchor), so an unchanged head means unchanged data —
// also when another process (the CLI) wrote. Callers treat the history as read-only.
const caches = new WeakMap<Db, Map<string, { head: string; history: ProgramHistory }>>();

function logHead(db: Db): string {
  const row = db.$client.prepare("SELECT seq, hash FROM log_anchor WHERE id = 1").get() as { seq: number; hash: string } | undefined;
  return row ? `${row.seq}:${row.hash}` : "empty";
}

/**
 * A program and every item's transitions — the input of every rule in lib/ — loaded in three
 * queries, and served from memory while the log head has not moved.
 */
export function loadProgramHistory(db: Db, slug: string): ProgramHistory | null {
  const head = logHead(db);
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(slug);
  if (hit && hit.head === head) return hit.history;
  const history = readProgramHistory(db, slug);
  if (history) cache.set(slug, { head, history });
  return history;
}

function readProgramHistory(db: Db, slug: string): ProgramHistory | null {
  const program = db.select().from(programs).where(eq(programs.slug, slug)).get();
  if (!program) return null;
  const rows = db
    .select({ item: items, ownerEmail: people.email, ownerName: people.name })
    .from(items)
    .leftJoin(people, eq(items.ownerId, people.id))
    .where(eq(items.programId, program.id))
    .orderBy(asc(items.key))
    .all();
  const byId = new Map<number, HistoryItem>();
  const keyOf = new Map<number, string>();
  for (const r of rows) {
    keyOf.set(r.item.id, r.item.key);
    byId.set(r.item.id, {
      key: r.item.key,
      title: r.item.title,
      area: r.item.area,
      owner: r.ownerEmail,
      ownerName: r.ownerName,
      team: r.item.team,
      estimateWeeks: r.item.estimateWeeks,
      identifiedAt: r.item.identifiedAt,
      dependsOn: [],
      transitions: [],
    });
  }
  db.select({ itemId: dependencies.itemId, dependsOnId: dependencies.dependsOnId })
    .from(dependencies)
    .innerJoin(items, eq(dependencies.itemId, items.id))
    .where(eq(items.programId, program.id))
    .orderBy(asc(dependencies.itemId), asc(dependencies.position))
    .all()
    .forEach((d) => byId.get(d.itemId)?.dependsOn.push(keyOf.get(d.dependsOnId)!));
  db.select({
    id: transitions.id,
    itemId: transitions.itemId,
    to: transitions.toStatus,
    effectiveAt: transitions.effectiveAt,
    recordedAt: transitions.recordedAt,
    verificationRecordedAt: verifications.recordedAt,
  })
    .from(transitions)
    .innerJoin(items, eq(transitions.itemId, items.id))
    .leftJoin(verifications, eq(verifications.transitionId, transitions.id))
    .where(eq(items.programId, program.id))
    .orderBy(asc(transitions.id))
    .all()
    .forEach((t) =>
      byId.get(t.itemId)?.transitions.push({
        to: t.to,
        effectiveAt: t.effectiveAt,
        recordedAt: t.recordedAt,
        seq: t.id,
        verificationRecordedAt: t.verificationRecordedAt,
      }),
    );
  return { program, items: [...byId.values()] };
}
