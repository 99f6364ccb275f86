import { AppError } from "../errors";
import type { ArtefactFile, ArtefactKind, IngestResult, ItemComponents } from "./artefact-types";
import { cargoFigures } from "./cargo-figures";
import { parseCobertura } from "./cobertura";
import { coverageFigures } from "./coverage-figures";
import { crashFigures, parseCrashBuckets } from "./crash-buckets";
import { parseLcov } from "./lcov";

/** What a reading gives: the figures per item, and the name of the reader that made them. */
export interface ArtefactReading extends IngestResult {
  tool: string;
}

const VET_FILES = { "config.toml": "config", "audits.toml": "audits", "imports.lock": "imports" } as const;
/** The files of cargo-vet's `supply-chain/` folder that a Cargo ingestion reads beside the lockfile. */
export const VET_FILE_NAMES = Object.keys(VET_FILES);
const baseName = (name: string) => name.split(/[\\/]/).pop() ?? name;

/**
 * Reads one ingestion's files into per-item figures (DESIGN: components and artefacts). Coverage
 * is LCOV or Cobertura XML, told apart by the first character; Cargo takes the lockfile and
 * cargo-vet's `config.toml`, `audits.toml`, `imports.lock` when they come along; crash buckets are
 * a CSV, dated by `measuredAt`.
 */
export function readArtefacts(kind: ArtefactKind, files: readonly ArtefactFile[], items: readonly ItemComponents[], measuredAt: number): ArtefactReading {
  const [main] = files;
  if (!main) throw new AppError("invalid", "no file to read: send the artefact");
  if (kind === "coverage") {
    if (files.length > 1) throw new AppError("invalid", "send one coverage report at a time");
    const xml = main.text.trimStart().startsWith("<");
    const covered = xml ? parseCobertura(main.text) : parseLcov(main.text);
    return { ...coverageFigures(covered, items), tool: xml ? "Cobertura XML reader" : "LCOV reader" };
  }
  if (kind === "crashes") {
    if (files.length > 1) throw new AppError("invalid", "send one crash-bucket CSV at a time");
    return { ...crashFigures(parseCrashBuckets(main.text), items, measuredAt), tool: "crash-bucket CSV reader" };
  }
  const lock = files.find((f) => baseName(f.name) === "Cargo.lock") ?? main;
  const vet: Partial<Record<(typeof VET_FILES)[keyof typeof VET_FILES], string>> = {};
  for (const f of files) {
    if (f === lock) continue;
    const role = VET_FILES[baseName(f.name) as keyof typeof VET_FILES];
    if (!role) throw new AppError("invalid", `"${f.name}" is neither the Cargo.lock nor a cargo-vet file (config.toml, audits.toml, imports.lock)`);
    vet[role] = f.text;
  }
  const vetted = Object.keys(vet).length > 0;
  return { ...cargoFigures(lock.text, items, vetted ? vet : undefined), tool: vetted ? "Cargo.lock and cargo-vet reader" : "Cargo.lock reader" };
}
