import type { EvidenceKind } from "../gates";
import type { Status } from "../status";
import type { Role, SignalMetric } from "./bundle-schema";

/** A bundle after validation: every default applied, every time in ms UTC. */
export interface NormalizedBundle {
  program: {
    slug: string;
    name: string;
    description: string;
    targetDate: number | null;
    /** Evidence horizon (DESIGN §13): start of its day; later figures are illustrative. */
    factsUntil: number | null;
    thresholds: { testCoveragePct: number; unvettedCrates: number; crashOwnerRegistered: boolean };
  };
  people: { email: string; name: string; team: string; role: Role | null }[];
  items: {
    key: string;
    title: string;
    description: string;
    area: string;
    owner: string | null;
    team: string;
    estimateWeeks: number;
    identifiedAt: number;
    targetDate: number | null;
    dependsOn: string[];
    components: string[];
  }[];
  transitions: {
    item: string;
    to: Status;
    effectiveAt: number;
    recordedAt: number;
    by: string;
    evidence: {
      kind: EvidenceKind;
      url: string;
      summary: string;
      fleetPercent: number | null;
      /** An attached file by name, digest and size; its bytes in `artefacts` or the target database. */
      artefact: { name: string; sha256: string; size: number } | null;
    }[];
    note: string;
    verifiedBy: string | null;
    verifiedAt: number | null;
    verificationNote: string;
    /** DESIGN §13: who rejected the transition, when (its recording time) and why; all null when not rejected. */
    rejectedBy: string | null;
    rejectedAt: number | null;
    rejectionReason: string | null;
  }[];
  signals: { item: string; metric: SignalMetric; value: number; measuredAt: number }[];
  claims: {
    id: string;
    date: number;
    datePrecision: "day" | "month" | "year";
    dateNote: string;
    speaker: string;
    venue: string;
    quote: string;
    quoteIsParaphrase: boolean;
    url: string;
    kind: string;
    /** What the claim implies, in words; absent or empty: not said. */
    implies?: string;
    links: { item: string; requires: Status }[];
  }[];
  events: { date: number; title: string; url: string | null }[];
  /** DESIGN §13: comments on items or claims, in the order they were written; a deleted one has body "". */
  comments: {
    item: string | null;
    claim: string | null;
    by: string;
    createdAt: number;
    body: string;
    editedAt: number | null;
    deletedAt: number | null;
  }[];
  /** The bytes of files the evidence names, base64-encoded. */
  artefacts: { sha256: string; name: string; contentBase64: string }[];
}
