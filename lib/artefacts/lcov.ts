import { artefactError } from "./artefact-types";
import { type FileCoverage, type FileSection, mergeFileSections } from "./file-coverage";

const KIND = "LCOV file";
const COUNT = /^\d+$/;
const DA_VALUE = /^(\d+),(\d+)(?:,.*)?$/;
const RECORD_LINE = /^([A-Z][A-Z_]*):(.*)$/;
/** Keys allowed between records: the test name and the format version. */
const OUTSIDE_RECORD = new Set(["TN", "VER"]);

interface OpenRecord {
  path: string;
  line: number;
  hitByLine: Map<number, boolean>;
  lf: number | null;
  lh: number | null;
}

/**
 * The line coverage an LCOV tracefile gives per source file (`SF:` … `end_of_record`). Lines are
 * counted from `DA:` entries when the record has any, else taken from `LF:`/`LH:`; function and
 * branch entries do not count. Records of the same file are merged (see mergeFileSections).
 * Anything malformed throws an artefactError naming the line.
 */
export function parseLcov(text: string): FileCoverage[] {
  const sections: FileSection[] = [];
  let open: OpenRecord | null = null;
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);

  for (const [index, raw] of lines.entries()) {
    const lineNo = index + 1;
    const entry = raw.trim();
    if (entry === "") continue;
    if (entry === "end_of_record") {
      if (!open) throw artefactError(KIND, "end_of_record without an SF: line opening the record", lineNo);
      sections.push(closeRecord(open, lineNo));
      open = null;
      continue;
    }
    const match = RECORD_LINE.exec(entry);
    if (!match) throw artefactError(KIND, `"${entry.slice(0, 40)}" is not an LCOV entry (KEY:value or end_of_record)`, lineNo);
    const [, key, value] = match;
    if (key === "SF") {
      if (open) throw artefactError(KIND, `a new SF: begins before the record for ${open.path} ended with end_of_record`, lineNo);
      if (value.trim() === "") throw artefactError(KIND, "SF: names no file", lineNo);
      open = { path: value.trim(), line: lineNo, hitByLine: new Map(), lf: null, lh: null };
      continue;
    }
    if (!open) {
      if (OUTSIDE_RECORD.has(key)) continue;
      throw artefactError(KIND, `${key}: outside a record (no SF: line before it)`, lineNo);
    }
    if (key === "DA") readDa(open, value, lineNo);
    else if (key === "LF") open.lf = readCount(key, value, lineNo);
    else if (key === "LH") open.lh = readCount(key, value, lineNo);
    // Function, branch and test-name entries say nothing about line coverage.
  }

  if (open) throw artefactError(KIND, `the record for ${open.path} has no end_of_record`, open.line);
  if (sections.length === 0) throw artefactError(KIND, "it holds no record (SF: … end_of_record): is it an LCOV tracefile?");
  return mergeFileSections(sections);
}

function readDa(record: OpenRecord, value: string, lineNo: number): void {
  const da = DA_VALUE.exec(value.trim());
  if (!da) throw artefactError(KIND, `DA:${value.slice(0, 40)} is not DA:<line>,<hits> with whole numbers`, lineNo);
  const line = Number(da[1]);
  record.hitByLine.set(line, Number(da[2]) > 0 || record.hitByLine.get(line) === true);
}

function readCount(key: string, value: string, lineNo: number): number {
  const v = value.trim();
  if (!COUNT.test(v)) throw artefactError(KIND, `${key}:${v.slice(0, 40)} is not a whole number`, lineNo);
  return Number(v);
}

function closeRecord(record: OpenRecord, lineNo: number): FileSection {
  if (record.hitByLine.size > 0) return { path: record.path, hitByLine: record.hitByLine, found: 0, hit: 0 };
  const found = record.lf ?? 0;
  const hit = record.lh ?? 0;
  if (hit > found) throw artefactError(KIND, `the record for ${record.path} has more lines hit (LH:${hit}) than found (LF:${found})`, lineNo);
  return { path: record.path, hitByLine: null, found, hit };
}
