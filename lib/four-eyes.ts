import type { OwnerTimeline } from "./owner-timeline";
import { formatInstant } from "./time";

/**
 * One decision to judge: who verifies (or rejects) what, when, and the item's owners over time.
 * Rejecting is held to exactly the rule of verifying (DESIGN §13); only the words differ.
 */
export interface FourEyesCase {
  /** The item's key, for the words. */
  item: string;
  /** Who verifies or rejects. */
  verifier: string;
  /** What the verifier does, for the words; "verify" when absent. */
  decision?: "verify" | "reject";
  /** Who reported the transition. */
  actor: string;
  /** The window is recordedAt..verifiedAt, both ends included. */
  recordedAt: number;
  verifiedAt: number;
  owners: OwnerTimeline;
}

export type FourEyesReason =
  | { kind: "reported" }
  | { kind: "owns" }
  | { kind: "owned"; from: number; until: number; madeOwnerBy?: string }
  | { kind: "changed-owner"; at: number; from: string | null; to: string | null };

const same = (a: string | null, b: string | null) => a !== null && b !== null && a.toLowerCase() === b.toLowerCase();

/**
 * DESIGN §2 and §13: the verifier must not have reported the transition, nor owned the item at any
 * moment of the window, nor changed its owner in it. Without the window, an owner could step
 * aside, verify and step back. Owning before the transition was recorded is fine. Every broken
 * rule is returned, so the refusal can name them all; an empty list means the verification stands.
 */
export function fourEyesReasons(c: FourEyesCase): FourEyesReason[] {
  const reasons: FourEyesReason[] = [];
  if (same(c.verifier, c.actor)) reasons.push({ kind: "reported" });
  const { initial, changes } = c.owners;
  // Owner periods: [start, end] between changes; the first starts and the last ends out of reach.
  const periods = [initial, ...changes.map((ch) => ch.to)].map((owner, i) => ({
    owner,
    start: i === 0 ? -Infinity : changes[i - 1]!.at,
    end: i < changes.length ? changes[i]!.at : Infinity,
    madeBy: i === 0 ? null : changes[i - 1]!.by,
  }));
  const last = periods.filter((p) => p.start <= c.verifiedAt).at(-1)!;
  if (same(last.owner, c.verifier)) reasons.push({ kind: "owns" });
  for (const p of periods) {
    if (p === last && same(p.owner, c.verifier)) continue; // said as "owns"
    if (same(p.owner, c.verifier) && p.start <= c.verifiedAt && p.end >= c.recordedAt)
      reasons.push({
        kind: "owned",
        from: Math.max(p.start, c.recordedAt),
        until: Math.min(p.end, c.verifiedAt),
        // Made owner by someone else: said, so that a reviewer barred by another's hand sees whose.
        ...(p.madeBy !== null && !same(p.madeBy, c.verifier) ? { madeOwnerBy: p.madeBy } : {}),
      });
  }
  for (const ch of changes)
    if (same(ch.by, c.verifier) && ch.at >= c.recordedAt && ch.at <= c.verifiedAt)
      reasons.push({ kind: "changed-owner", at: ch.at, from: ch.from, to: ch.to });
  return reasons;
}

/** The four-eyes rule in words, naming each rule the verifier (or rejecter) breaks, or null when it holds. */
export function fourEyesViolation(c: FourEyesCase): string | null {
  const clauses = fourEyesClauses(c, c.verifier, `${c.verifier} owns`);
  return clauses ? `four eyes: ${clauses}` : null;
}

/** The same rule said to the person who would decide ("you reported this transition…"), or null when it holds. */
export function fourEyesToViewer(c: FourEyesCase): string | null {
  return fourEyesClauses(c, "you", "you own");
}

function fourEyesClauses(c: FourEyesCase, subject: string, owns: string): string | null {
  const reasons = fourEyesReasons(c);
  if (reasons.length === 0) return null;
  const verb = c.decision ?? "verify";
  const window = `while this transition (recorded ${formatInstant(c.recordedAt)}) awaited ${verb === "verify" ? "verification" : "review"}`;
  const who = (email: string | null) => email ?? "nobody";
  const clause = (r: FourEyesReason) => {
    switch (r.kind) {
      case "reported":
        return `${subject} reported this transition and cannot also ${verb} it`;
      case "owns":
        return `${owns} this item and cannot ${verb} its transitions`;
      case "owned":
        return `${subject} owned ${c.item} between ${formatInstant(r.from)} and ${formatInstant(r.until)}${r.madeOwnerBy ? ` (made owner by ${r.madeOwnerBy})` : ""}, ${window}`;
      case "changed-owner":
        return `${subject} changed the owner of ${c.item} from ${who(r.from)} to ${who(r.to)} at ${formatInstant(r.at)}, ${window}`;
    }
  };
  return reasons.map(clause).join("; ");
}
