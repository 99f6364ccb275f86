import { readCsvSeal } from "./render-csv";
import { readJsonSeal, reportPartOfJson } from "./render-json";
import { readMarkdownFooter, sha256Hex } from "./report-digest";

export type SealedFormat = "md" | "csv" | "json";

/** What an exported report file says about itself, and whether its digest matches its content. */
export interface ReportFileSeal {
  format: SealedFormat;
  program: string;
  week: string;
  logHeadAtCutoff: string;
  /** The digest the file carries. */
  sha256: string;
  /** The digest its content gives now. */
  computed: string;
  sealIntact: boolean;
  /**
   * The text compared with a regeneration: the file without its stamp (Markdown, CSV) or the
   * report part (JSON). A stamp says when and which version, so two stamps of one report differ.
   */
  comparable: string;
  /** The same without the digest (Markdown body, CSV without reportSha256): what line diffs show. */
  diffable: string;
  /** The stamp's sentence (report-stamp.ts); null in a file written before stamps. */
  stamp: string | null;
}

/**
 * Recognises an exported report (Markdown footer, CSV seal columns or JSON `format`) and checks
 * its own digest. Null when the text is none of them or carries no seal.
 */
export function readReportFile(text: string): ReportFileSeal | null {
  const md = readMarkdownFooter(text);
  if (md) {
    const computed = sha256Hex(md.body);
    return {
      format: "md",
      program: md.program,
      week: md.week,
      logHeadAtCutoff: md.logHeadAtCutoff,
      sha256: md.sha256,
      computed,
      sealIntact: computed === md.sha256,
      comparable: md.unstamped,
      diffable: md.body,
      stamp: md.stamp,
    };
  }
  if (text.trimStart().startsWith("{")) {
    const json = readJsonSeal(text);
    if (!json || !json.program || !json.week || !json.logHeadAtCutoff || !json.sha256) return null;
    return {
      format: "json",
      program: json.program,
      week: json.week,
      logHeadAtCutoff: json.logHeadAtCutoff,
      sha256: json.sha256,
      computed: json.computed,
      sealIntact: json.computed === json.sha256,
      comparable: reportPartOfJson(json.doc),
      diffable: reportPartOfJson(json.doc),
      stamp: json.stamp,
    };
  }
  const csv = readCsvSeal(text);
  if (!csv || !csv.program || !csv.week || !csv.logHeadAtCutoff || !csv.sha256 || !csv.computed) return null;
  return {
    format: "csv",
    program: csv.program,
    week: csv.week,
    logHeadAtCutoff: csv.logHeadAtCutoff,
    sha256: csv.sha256,
    computed: csv.computed,
    sealIntact: csv.consistent && csv.computed === csv.sha256,
    comparable: csv.sealed,
    diffable: csv.unsealed,
    stamp: csv.stamp,
  };
}
