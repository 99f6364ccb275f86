import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { toCsv } from "../csv/to-csv";
import { sha256Hex } from "./report-digest";
import type { WeeklyReport } from "./report-model";
import { stampText, type ReportStamp } from "./report-stamp";

/** DESIGN's names; the last four columns say where each row comes from and seal the file. */
export const SEALED_CSV_COLUMNS = [
  "key",
  "title",
  "area",
  "owner",
  "ownerName",
  "team",
  "estimateWeeks",
  "trueStatus",
  "reportedStatus",
  "blocked",
  "inflated",
  "onCriticalPath",
  "trueStatusPreviousWeek",
  "trueSince",
  "identifiedAt",
  "dependsOn",
  // The section "Promised dates that can no longer be met": filled on the rows it lists.
  "promiseImpossible",
  "earliestFinish",
  "weeksLate",
  "limitedBy",
  "program",
  "week",
  "logHeadAtCutoff",
  "reportSha256",
] as const;

const PROMISE_CSV_COLUMNS = ["promiseImpossible", "earliestFinish", "weeksLate", "limitedBy"] as const;

/** The sealed columns of a report without the promises section: a report model stored at a publication made before it. */
export const SEALED_CSV_COLUMNS_BEFORE_PROMISES = SEALED_CSV_COLUMNS.filter((c) => !(PROMISE_CSV_COLUMNS as readonly string[]).includes(c));

/**
 * The stamp (report-stamp.ts), on every row like the seal columns: `version` is `draft` or
 * `published`, `stamp` the sentence. After the sealed columns and outside the digest, so the
 * sealed table — and its digest — are those of an unstamped file.
 */
export const STAMP_CSV_COLUMNS = ["version", "stamp"] as const;

export const REPORT_CSV_COLUMNS = [...SEALED_CSV_COLUMNS, ...STAMP_CSV_COLUMNS] as const;

/** Every header a report CSV may have: with or without the promises columns, stamped or not. */
const KNOWN_HEADERS = [SEALED_CSV_COLUMNS, REPORT_CSV_COLUMNS, SEALED_CSV_COLUMNS_BEFORE_PROMISES, [...SEALED_CSV_COLUMNS_BEFORE_PROMISES, ...STAMP_CSV_COLUMNS]].map((h) =>
  h.join(","),
);

// csv-stringify leaves a lone LF or CR unquoted when records end in CRLF: a stored title with a line
// break would split its row. Line breaks become spaces, as in the Markdown.
const oneLine = (v: string | null) => (v === null ? "" : v.replace(/[\r\n]+/g, " "));

/** The report's table with `digest` in every row's reportSha256 cell, stamped or not: rendered row by row. */
export function csvWithDigest(r: WeeklyReport, digest: string, stamp: ReportStamp | null = null): string {
  const stampCells = stamp ? { version: stamp.version, stamp: stampText(stamp) } : {};
  const sealed = r.promises ? SEALED_CSV_COLUMNS : SEALED_CSV_COLUMNS_BEFORE_PROMISES;
  const broken = new Map((r.promises?.impossible ?? []).map((p) => [p.key, p]));
  const promiseCells = (key: string) => {
    const p = broken.get(key);
    return {
      promiseImpossible: p !== undefined,
      earliestFinish: p?.earliestFinish ?? "",
      weeksLate: p?.weeksLate ?? "",
      // As the schedule's CSV writes it: an item's key and date, or "program" and its date.
      limitedBy: p ? `${p.limitedBy.key ?? "program"} ${p.limitedBy.date}` : "",
    };
  };
  return toCsv(
    stamp ? [...sealed, ...STAMP_CSV_COLUMNS] : sealed,
    r.items.map((i) => ({
      key: i.key,
      title: oneLine(i.title),
      area: oneLine(i.area),
      owner: i.owner ?? "",
      ownerName: oneLine(i.ownerName),
      team: oneLine(i.team),
      estimateWeeks: i.estimateWeeks,
      trueStatus: i.trueStatus,
      reportedStatus: i.reportedStatus,
      blocked: i.blocked,
      inflated: i.inflated,
      onCriticalPath: i.onCriticalPath,
      trueStatusPreviousWeek: i.trueStatusPreviousWeek,
      trueSince: i.trueSince ?? "",
      identifiedAt: i.identifiedAt,
      dependsOn: i.dependsOn,
      ...(r.promises ? promiseCells(i.key) : {}),
      program: r.program.slug,
      week: r.week,
      logHeadAtCutoff: r.logHeadAtCutoff,
      reportSha256: digest,
      ...stampCells,
    })),
  );
}

/**
 * One row per item in the program at the cutoff (CRLF, RFC 4180; every cell neutralised against
 * formula injection). `reportSha256` on every row is the SHA-256 of the same CSV with that column
 * left empty, so the file stays a plain rectangular table that spreadsheets and scripts read as is.
 * With a stamp, two more columns say which version the file is (STAMP_CSV_COLUMNS).
 */
export function renderReportCsv(r: WeeklyReport, stamp: ReportStamp | null = null): string {
  const sealed = csvWithDigest(r, "");
  const digest = sha256Hex(sealed);
  return fillSealedCsv(sealed, r.items.length, digest, stamp) ?? csvWithDigest(r, digest, stamp);
}

/**
 * The sealed table with the digest written into every row's last cell (empty in `sealed`) and the
 * stamp's cells after it: the bytes csvWithDigest(r, digest, stamp) writes — csv-stringify quotes
 * each cell on its own, and a digest needs no quotes — without rendering every row a second time
 * (at 10,000 items a third of a week's first CSV). Null when the lines are not the records, as when
 * a cell holds a line break: the rows are rendered again then.
 */
export function fillSealedCsv(sealed: string, records: number, digest: string, stamp: ReportStamp | null): string | null {
  const lines = sealed.split("\r\n");
  if (lines.length !== records + 2 || lines[records + 1] !== "") return null;
  let header = lines[0]!;
  let after = "";
  if (stamp) {
    const stampLines = toCsv(STAMP_CSV_COLUMNS, [{ version: stamp.version, stamp: stampText(stamp) }]).split("\r\n");
    if (stampLines.length !== 3) return null;
    header += `,${stampLines[0]}`;
    after = `,${stampLines[1]}`;
  }
  const out = [header];
  for (let n = 1; n <= records; n++) {
    const line = lines[n]!;
    if (!line.endsWith(",")) return null;
    out.push(line + digest + after);
  }
  out.push("");
  return out.join("\r\n");
}

/**
 * Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF, even mixed, as an editor may
 * leave them). A quote inside an unquoted field is read as text, so an edited file still reads
 * and shows what changed; an unclosed quote throws.
 */
export function parseCsv(text: string): string[][] {
  return parse(text, { relax_column_count: true, relax_quotes: true, record_delimiter: ["\r\n", "\n"] }) as string[][];
}

/** The sealed columns of every row (up to `reportSha256`), with every `reportSha256` cell emptied or not. */
function sealedCsv(rows: readonly (readonly string[])[], digestColumn: number, emptyDigest: boolean): string {
  return stringify(
    rows.map((cells, n) => cells.slice(0, digestColumn + 1).map((v, c) => (n > 0 && emptyDigest && c === digestColumn ? "" : v))),
    { record_delimiter: "\r\n" },
  );
}

const columnsOf = (header: readonly string[]) => header.join(",");

/**
 * The seal of a report CSV: where it comes from, its digest, the digest its content gives, and
 * its stamp. A file written before stamps existed (the sealed columns only), or before the
 * promises columns, reads the same way.
 */
export function readCsvSeal(text: string) {
  let rows: string[][];
  try {
    rows = parseCsv(text);
  } catch {
    return null; // not CSV at all
  }
  const [header, ...records] = rows;
  if (!header || !KNOWN_HEADERS.includes(columnsOf(header))) return null;
  const first = records[0];
  if (!first)
    return { rows: records, program: null, week: null, logHeadAtCutoff: null, sha256: null, consistent: false, computed: null, unsealed: text, sealed: text, stamp: null };
  const digestColumn = header.indexOf("reportSha256");
  const unsealed = sealedCsv(rows, digestColumn, true);
  const at = (name: (typeof REPORT_CSV_COLUMNS)[number]) => {
    const column = header.indexOf(name);
    return column < 0 ? null : (first[column] ?? null);
  };
  return {
    rows: records,
    program: at("program"),
    week: at("week"),
    logHeadAtCutoff: at("logHeadAtCutoff"),
    sha256: first[digestColumn] ?? null,
    /** Every row must carry the same digest and stamp; a row that differs makes the file unsealed. */
    consistent: records.every((r) => r.length === header.length && r.slice(digestColumn).join(",") === first.slice(digestColumn).join(",")),
    computed: sha256Hex(unsealed),
    /** What the digest covers, and what line diffs compare. */
    unsealed,
    /** The file without its stamp columns: what a regeneration is compared with. */
    sealed: sealedCsv(rows, digestColumn, false),
    stamp: at("stamp"),
  };
}
