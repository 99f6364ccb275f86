import { canonicalJson } from "../canonical-json";
import type { LineChange, ReportDifference } from "./diff-reports";
import { sha256Hex } from "./report-digest";
import { REPORT_FORMAT_ID, type WeeklyReport } from "./report-model";
import { stampText, type ReportStamp } from "./report-stamp";

/** A published week as the JSON export shows it; `restated` when today's regeneration differs. */
export interface ReportPublication {
  publishedAt: string;
  publishedBy: string | null;
  /** SHA-256 of the published Markdown file without its stamp lines (byte for byte for a week published before stamps). */
  sha256: string;
  logHeadAtPublication: string;
  restated: boolean;
  /** Figures and statuses that differ between the published report and today's regeneration. */
  differences: ReportDifference[];
  /** The Markdown lines that differ ("-" published, "+" today), footer excluded. */
  lines: LineChange[];
}

/** The stamp as the JSON export carries it: the version, its fields, and the sentence. */
export type JsonStamp = ReportStamp & { text: string };

export type ReportDocument = WeeklyReport & { publication: ReportPublication | null; stamp?: JsonStamp; sha256: string };

/**
 * The JSON digest: SHA-256 of the canonical JSON (RFC 8785) of the document without its `sha256`,
 * `publication` and `stamp` fields. Publication and stamp are news about the week, not part of the
 * report: the same report keeps its digest once it is published.
 */
export function jsonReportDigest(doc: Record<string, unknown>): string {
  const { sha256: _s, publication: _p, stamp: _t, ...report } = doc;
  return sha256Hex(canonicalJson(report));
}

/** The whole report model, `publication` (null until published), the stamp when given, and the digest, pretty-printed. */
export function renderReportJson(r: WeeklyReport, publication: ReportPublication | null = null, stamp: ReportStamp | null = null): string {
  const doc: ReportDocument = {
    ...r,
    publication,
    ...(stamp ? { stamp: { ...stamp, text: stampText(stamp) } } : {}),
    sha256: jsonReportDigest(r as unknown as Record<string, unknown>),
  };
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
    stamp: typeof d.stamp === "object" && d.stamp !== null ? str((d.stamp as { text?: unknown }).text) : null,
  };
}

/** The report part of a JSON export, pretty-printed the same way: what two exports are compared on. */
export function reportPartOfJson(doc: Record<string, unknown>): string {
  const { sha256: _s, publication: _p, stamp: _t, ...report } = doc;
  return `${JSON.stringify(report, null, 2)}\n`;
}
