/**
 * Rebuilds a program's items, dependencies, transitions (with evidence) and verifications from
 * its hash-chained log alone — GET /api/audit/log?program=<slug> — in the shape of the program
 * bundle's `items` and `transitions` (GET /api/programs/<slug>/bundle), so the two can be compared.
 *
 * Payload shapes (db/import-bundle.ts, db/mutations/*.ts):
 *   create item {key, title, description, area, owner, team, estimateWeeks, identifiedAt, targetDate}
 *   update item {…changed fields, version}
 *   add | remove dependency {item, dependsOn}
 *   create transition (entityId = id) {item, to, effectiveAt, recordedAt, by, note, evidence[]}
 *   verify transition (entityId = id) {verifiedBy, verifiedAt, note}
 *   reject transition (entityId = id) {rejectedBy, rejectedAt, reason}
 */
import type { APIRequestContext } from "@playwright/test";
import type { BundleJson } from "@/lib/bundle/to-bundle-json";

export interface LogEntry {
  seq: number;
  action: string;
  entity: string;
  entityId: string;
  programSlug: string | null;
  payload: Record<string, unknown>;
}

/** An item as the bundle export writes it, which is what a replayed item is compared with. */
export type ReplayedItem = BundleJson["items"][number];

export interface ReplayedEvidence {
  kind: string;
  url: string;
  summary: string;
  fleetPercent?: number;
}

export interface ReplayedTransition {
  item: string;
  to: string;
  effectiveAt: string;
  recordedAt: string;
  by: string;
  evidence: ReplayedEvidence[];
  note: string;
  verifiedBy: string | null;
  verifiedAt: string | null;
  verificationNote: string;
  // Only on a rejected transition, as the bundle export writes them.
  rejectedBy?: string;
  rejectedAt?: string;
  rejectionReason?: string;
}

/** Every log entry of a program, oldest first (the endpoint pages newest first, 1000 at most). */
export async function fetchProgramLog(request: APIRequestContext, slug: string, headers: Record<string, string>): Promise<LogEntry[]> {
  const out: LogEntry[] = [];
  let before: number | undefined;
  for (;;) {
    const res = await request.get(`/api/audit/log?program=${encodeURIComponent(slug)}&limit=1000${before ? `&before=${before}` : ""}`, { headers });
    if (!res.ok()) throw new Error(`GET /api/audit/log: ${res.status()} ${await res.text()}`);
    const page = (await res.json()) as LogEntry[];
    out.push(...page);
    if (page.length < 1000) break;
    before = page[page.length - 1]!.seq;
  }
  return out.reverse();
}

export function replayLog(entries: readonly LogEntry[]): { items: ReplayedItem[]; transitions: ReplayedTransition[] } {
  const items = new Map<string, ReplayedItem>();
  const transitions = new Map<number, ReplayedTransition>();
  const str = (v: unknown) => (v === undefined || v === null ? null : String(v));
  /** The transition a verify or reject entry decides: it must exist, and be neither verified nor rejected yet. */
  const undecided = (e: LogEntry, what: "verification" | "rejection"): ReplayedTransition => {
    const t = transitions.get(Number(e.entityId));
    if (!t) throw new Error(`log #${e.seq}: ${what} of unknown transition ${e.entityId}`);
    if (t.verifiedBy !== null || t.rejectedBy !== undefined) throw new Error(`log #${e.seq}: transition ${e.entityId} decided twice`);
    return t;
  };
  for (const e of entries) {
    const p = e.payload;
    if (e.entity === "item" && e.action === "create") {
      items.set(e.entityId, {
        key: String(p.key),
        title: String(p.title),
        description: String(p.description ?? ""),
        area: String(p.area),
        owner: str(p.owner),
        team: String(p.team ?? ""),
        estimateWeeks: Number(p.estimateWeeks),
        identifiedAt: String(p.identifiedAt),
        targetDate: str(p.targetDate),
        dependsOn: [],
      });
    } else if (e.entity === "item" && e.action === "update") {
      const item = items.get(e.entityId);
      if (!item) throw new Error(`log #${e.seq}: update of unknown item ${e.entityId}`);
      const { version: _v, ...changes } = p;
      for (const [k, v] of Object.entries(changes)) (item as unknown as Record<string, unknown>)[k] = k === "owner" || k === "targetDate" ? str(v) : v;
    } else if (e.entity === "dependency") {
      const item = items.get(String(p.item));
      if (!item) throw new Error(`log #${e.seq}: dependency of unknown item ${String(p.item)}`);
      if (e.action === "add") item.dependsOn.push(String(p.dependsOn));
      else if (e.action === "remove") item.dependsOn = item.dependsOn.filter((d) => d !== p.dependsOn);
    } else if (e.entity === "transition" && e.action === "create") {
      transitions.set(Number(e.entityId), {
        item: String(p.item),
        to: String(p.to),
        effectiveAt: String(p.effectiveAt),
        recordedAt: String(p.recordedAt),
        by: String(p.by),
        evidence: ((p.evidence as Record<string, unknown>[]) ?? []).map((ev) => ({
          kind: String(ev.kind),
          url: String(ev.url),
          summary: String(ev.summary ?? ""),
          ...(ev.fleetPercent === null || ev.fleetPercent === undefined ? {} : { fleetPercent: Number(ev.fleetPercent) }),
        })),
        note: String(p.note ?? ""),
        verifiedBy: null,
        verifiedAt: null,
        verificationNote: "",
      });
    } else if (e.entity === "transition" && e.action === "verify") {
      Object.assign(undecided(e, "verification"), { verifiedBy: String(p.verifiedBy), verifiedAt: String(p.verifiedAt), verificationNote: String(p.note ?? "") } satisfies Partial<ReplayedTransition>);
    } else if (e.entity === "transition" && e.action === "reject") {
      Object.assign(undecided(e, "rejection"), { rejectedBy: String(p.rejectedBy), rejectedAt: String(p.rejectedAt), rejectionReason: String(p.reason ?? "") } satisfies Partial<ReplayedTransition>);
    }
  }
  return {
    items: [...items.values()],
    transitions: [...transitions.entries()].sort(([a], [b]) => a - b).map(([, t]) => t),
  };
}
