import { and, asc, eq, inArray } from "drizzle-orm";
import { ownerTimeline, type OwnerEdit, type OwnerTimeline } from "@/lib/owner-timeline";
import type { Db, Tx } from "../index";
import { auditLog } from "../schema";

/**
 * Who owned an item over time, read from the hash-chained log: the owner it was created with
 * (an import), then every edit that named an owner, by whom and when. The items table holds only
 * the current owner; the log is append-only, so a stepped-aside owner cannot be rewritten away.
 * `current` stands in when the log holds no creation of the item.
 */
export async function loadOwnerTimeline(db: Db | Tx, slug: string, key: string, current: string | null): Promise<OwnerTimeline> {
  const rows = await itemLogQuery(db, slug, key);
  const created = rows.find((r) => r.action === "create");
  if (!created) return { initial: current, changes: [] };
  const edits: OwnerEdit[] = rows
    .filter((r) => r.action === "update")
    .map((r) => {
      const payload = JSON.parse(r.payload) as { owner?: string | null };
      return { at: Date.parse(r.at), by: r.actor, ...("owner" in payload ? { owner: payload.owner ?? null } : {}) };
    });
  return ownerTimeline(ownerOf(created.payload), edits);
}

function ownerOf(payload: string): string | null {
  return (JSON.parse(payload) as { owner?: string | null }).owner ?? null;
}

/** An item's creation and edits in the log, oldest first; exported so its plan can be checked. */
export function itemLogQuery(db: Db | Tx, slug: string, key: string) {
  return db
    .select({ at: auditLog.at, actor: auditLog.actor, action: auditLog.action, payload: auditLog.payload })
    .from(auditLog)
    .where(
      and(eq(auditLog.programSlug, slug), eq(auditLog.entity, "item"), eq(auditLog.entityId, key), inArray(auditLog.action, ["create", "update"])),
    )
    .orderBy(asc(auditLog.seq));
}
