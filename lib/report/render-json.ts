import { canonicalJson } from "../hash-chain";
import type { LineChange, ReportDifference } from "./diff-reports";
import { sha256Hex } from "./report-digest";
import { REPORT_FORMAT_ID, type WeeklyReport } from "./report-model";

/** A published week as the JSON export shows it; `restated` when today's regeneration differs. */
export interface ReportPublication {
  publishedAt: string;
  publishedBy: string | null;
  /** SHA-256 of the published Markdown file, byte for byte. */
  sha256: string;
  logHeadAtPublication: string;
  restated: boolean;
  /** Figures and statuses that differ between the published report and today's regeneration. */
  differences: ReportDifference[];
  /** The Markdown lines that differ ("-" published, "+" today), footer excluded. */
  lines: LineChange[];
}

export type ReportDocument = WeeklyReport & { publication: ReportPublication | null; sha256: string };

/**
 * The JSON digest: SHA-256 of the canonical JSON (RFC 8785) of the document without its `sha256`
 * and `publication` fields. Publication is news about the week, not part of the report: the same
 * report keeps its digest once it is published.
 */
export function jsonReportDigest(doc: Record<string, unknown>): string {
  const { sha256: _s, publication: _p, ...report } = doc;
  return sha256Hex(canonicalJson(report));
}

/** The whole report model, `publication` (null until published) and the digest, pretty-printed. */
export function renderReportJson(r: WeeklyReport, publication: ReportPublication | null = null): string {
  const doc: ReportDocument = { ...r, publication, sha256: jsonReportDigest(r as unknown as Record<string, unknown>) };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** The seal of a report JSON text; null when it is not one. */
export function readJsonSeal(text: string) {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof doc !== "object" || doc === null || (doc as { format?: unknown }).format !== REPORT_FORMAT_ID) return null;
  const d = doc as Record<string, unknown> & { program?: { slug?: unknown }; week?: unknown; logHeadAtCutoff?: unknown; sha256?: unknown };
  const str = (v: unknown) => (typeof v === "string" ? v : null);
  return {
    doc: d,
    program: str(d.program?.slug),
    week: str(d.week),
    logHeadAtCutoff: str(d.logHeadAtCutoff),
    sha256: str(d.sha256),
    computed: jsonReportDigest(d),
  };
}

/** The report part of a JSON export, pretty-printed the same way: what two exports are compared on. */
export function reportPartOfJson(doc: Record<string, unknown>): string {
  const { sha256: _s, publication: _p, ...report } = doc;
  return `${JSON.stringify(report, null, 2)}\n`;
}
