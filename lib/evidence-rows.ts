import { EVIDENCE_KINDS, type EvidenceKind, type EvidenceLike } from "./gates";

/** One evidence row of the report form, as typed: every field a string. */
export interface EvidenceRow {
  kind: string;
  url: string;
  summary: string;
  fleet: string;
  /** The chosen file's name, "" for none. A browser never refills a file input: after a refusal it is chosen again. */
  file?: string;
}

export const blankRow = (kind: string = EVIDENCE_KINDS[0]): EvidenceRow => ({ kind, url: "", summary: "", fleet: "" });

const hasSource = (r: EvidenceRow) => r.url.trim() !== "" || (r.file ?? "") !== "";
const isBlank = (r: EvidenceRow) => !hasSource(r) && r.summary.trim() === "" && r.fleet.trim() === "";

/**
 * The rows after choosing a status whose gates still lack `missingKinds`: everything typed stays;
 * each missing kind without a row gets a blank row set to that kind; blank rows of kinds no
 * longer needed go. At least one row remains.
 */
export function planEvidenceRows(rows: readonly EvidenceRow[], missingKinds: readonly EvidenceKind[]): EvidenceRow[] {
  const kept: EvidenceRow[] = [];
  for (const r of rows) {
    const wanted = missingKinds.includes(r.kind as EvidenceKind) && !kept.some((k) => k.kind === r.kind);
    if (!isBlank(r) || wanted) kept.push(r);
  }
  const added = missingKinds.filter((kind) => !kept.some((r) => r.kind === kind)).map((kind) => blankRow(kind));
  const planned = [...kept, ...added];
  return planned.length > 0 ? planned : [rows[0] ?? blankRow()];
}

/**
 * The evidence the rows carry, as the server reads the form: a row counts once it has a URL or a file.
 * Fleet percent is a number when typed.
 */
export function rowsEvidence(rows: readonly EvidenceRow[]): EvidenceLike[] {
  return rows
    .filter((r) => hasSource(r) && (EVIDENCE_KINDS as readonly string[]).includes(r.kind))
    .map((r) => ({ kind: r.kind as EvidenceKind, fleetPercent: r.fleet.trim() === "" ? null : Number(r.fleet) }));
}

/** Rows from parallel lists of kept form fields (kinds, URLs, summaries, fleet percents). */
export function rowsFromLists(kinds: readonly string[], urls: readonly string[], summaries: readonly string[], fleets: readonly string[]): EvidenceRow[] {
  return kinds.map((kind, i) => ({ kind, url: urls[i] ?? "", summary: summaries[i] ?? "", fleet: fleets[i] ?? "" }));
}
