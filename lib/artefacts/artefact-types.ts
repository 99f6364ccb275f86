import { AppError } from "../errors";

/** What can be ingested for a program: a coverage report, a Cargo.lock (with cargo-vet data), crash buckets. */
export const ARTEFACT_KINDS = ["coverage", "cargo", "crashes"] as const;
export type ArtefactKind = (typeof ARTEFACT_KINDS)[number];

/** The largest file an ingestion or an evidence upload takes. */
export const ARTEFACT_MAX_BYTES = 10 * 1024 * 1024;

/** One uploaded file as a reader gets it: its name and its text. */
export interface ArtefactFile {
  name: string;
  text: string;
}

/**
 * What an item is made of, as artefacts name it: path globs (`vm/devices/net/**`), Cargo package
 * names (`underhill_core`) and crash-report module names. One list per item; an entry with a `/`
 * or a glob character is a path glob, any other entry a package or module name.
 */
export interface ItemComponents {
  key: string;
  components: readonly string[];
}

/** One item's figure read off an artefact: the signal to record and how it was reached. */
export interface ItemFigure {
  key: string;
  metric: "test_coverage_pct" | "third_party_crates" | "unvetted_crates" | "crash_owner_registered" | "open_crash_buckets";
  value: number;
  /** How the value was reached, in words a person reads beside it ("412 of 1,030 lines hit in 7 files"). */
  detail: string;
}

/** The figures per item and what no item's components matched (listed, never dropped). */
export interface IngestResult {
  figures: ItemFigure[];
  unmapped: string[];
  /** Words the reader needs beside the figures ("no vetting data", versions not checkable offline). */
  notes: string[];
}

/** A malformed artefact: named in words, with the 1-based line where it went wrong when known. */
export function artefactError(kind: string, message: string, line?: number): AppError {
  const where = line === undefined ? "" : ` at line ${line}`;
  return new AppError("invalid", `this ${kind} cannot be read${where}: ${message}`, [{ path: line === undefined ? kind : `line ${line}`, message }]);
}
