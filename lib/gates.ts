import { statusLabel } from "./labels";
import { levelOf, type Status } from "./status";

export const EVIDENCE_KINDS = ["design_doc", "code_change", "test_report", "deployment", "other"] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export interface EvidenceLike {
  kind: EvidenceKind;
  fleetPercent?: number | null;
}

export interface Gate {
  level: number;
  status: Status;
  /** The kind of evidence that can meet the gate. */
  kind: EvidenceKind;
  requirement: string;
  /** The requirement in words, for the form that reports a transition. */
  words: string;
  isMetBy: (e: EvidenceLike) => boolean;
}

/** DESIGN §3: the evidence each level needs to be entered. Cumulative. */
export const GATES: readonly Gate[] = [
  { level: 2, status: "build", kind: "design_doc", requirement: "a design_doc", words: "a design doc", isMetBy: (e) => e.kind === "design_doc" },
  { level: 3, status: "validate", kind: "code_change", requirement: "a code_change", words: "a code change", isMetBy: (e) => e.kind === "code_change" },
  { level: 4, status: "rollout", kind: "test_report", requirement: "a test_report", words: "a test report", isMetBy: (e) => e.kind === "test_report" },
  {
    level: 5,
    status: "done",
    kind: "deployment",
    requirement: "a deployment with fleetPercent = 100",
    words: "a deployment to 100 % of the fleet",
    isMetBy: (e) => e.kind === "deployment" && e.fleetPercent === 100,
  },
];

/** The gates of every level up to `to` that no evidence in the pool satisfies. */
export function missingEvidence(to: Status, pool: readonly EvidenceLike[]): Gate[] {
  return gatesUpTo(to).filter((g) => !pool.some(g.isMetBy));
}

/** The gates entering `to` must pass, lowest first. */
export function gatesUpTo(to: Status): Gate[] {
  return GATES.filter((g) => g.level <= levelOf(to));
}

/** One gate in words: "a test report (to enter Rollout)". */
export const gateWords = (g: Gate): string => `${g.words} (to enter ${statusLabel(g.status)})`;

/** What entering `to` requires, in words, for forms and docs. */
export function gateRequirements(to: Status): string[] {
  return gatesUpTo(to).map(gateWords);
}

export function describeMissingEvidence(to: Status, missing: readonly Gate[]): string {
  const list = missing.map((g) => `${g.requirement} (gate of ${g.status})`).join(", ");
  return `cannot enter ${to}: the item's evidence lacks ${list}`;
}
