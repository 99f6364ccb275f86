import { stringify } from "csv-stringify/sync";
import { toCsv } from "../csv/to-csv";
import { sha256Hex } from "./report-digest";
import type { WeeklyReport } from "./report-model";

/** DESIGN's names; the last four columns say where each row comes from and seal the file. */
export const REPORT_CSV_COLUMNS = [
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
  "program",
  "week",
  "logHeadAtCutoff",
  "reportSha256",
] as const;

const DIGEST_COLUMN = REPORT_CSV_COLUMNS.length - 1;

// csv-stringify leaves a lone LF or CR unquoted when records end in CRLF: a stored title with a line
// break would split its row. Line breaks become spaces, as in the Markdown.
const oneLine = (v: string | null) => (v === null ? "" : v.replace(/[\r\n]+/g, " "));

function csvWithDigest(r: WeeklyReport, digest: string): string {
  return toCsv(
    REPORT_CSV_COLUMNS,
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
      program: r.program.slug,
      week: r.week,
      logHeadAtCutoff: r.logHeadAtCutoff,
      reportSha256: digest,
    })),
  );
}

/**
 * One row per item in the program at the cutoff (CRLF, RFC 4180; every cell neutralised against
 * formula injection). `reportSha256` on every row is the SHA-256 of the same CSV with that column
 * left empty, so the file stays a plain rectangular table that spreadsheets and scripts read as is.
 */
export function renderReportCsv(r: WeeklyReport): string {
  return csvWithDigest(r, sha256Hex(csvWithDigest(r, "")));
}

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let i = 0;
  const endCell = () => {
    row.push(cell);
    cell = "";
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else cell += c;
      i++;
      continue;
    }
    if (c === '"' && cell === "") quoted = true;
    else if (c === ",") endCell();
    else if (c === "\r" && text[i + 1] === "\n") {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else if (c === "\n") {
      endCell();
      rows.push(row);
      row = [];
    } else cell += c;
    i++;
  }
  if (cell !== "" || row.length > 0) {
    endCell();
    rows.push(row);
  }
  return rows;
}

/** The CSV with every `reportSha256` cell emptied: what the digest covers, and what line diffs compare. */
function csvWithoutDigest(rows: readonly (readonly string[])[]): string {
  return stringify(
    rows.map((cells, n) => (n === 0 ? [...cells] : cells.map((v, c) => (c === DIGEST_COLUMN ? "" : v)))),
    { record_delimiter: "\r\n" },
  );
}

/** The seal of a report CSV: where it comes from, its digest, and the digest its content gives. */
export function readCsvSeal(text: string) {
  const rows = parseCsv(text);
  const [header, ...records] = rows;
  if (!header || header.join(",") !== REPORT_CSV_COLUMNS.join(",")) return null;
  const first = records[0];
  if (!first) return { rows: records, program: null, week: null, logHeadAtCutoff: null, sha256: null, consistent: false, computed: null, unsealed: text };
  const unsealed = csvWithoutDigest(rows);
  return {
    rows: records,
    program: first[REPORT_CSV_COLUMNS.indexOf("program")] ?? null,
    week: first[REPORT_CSV_COLUMNS.indexOf("week")] ?? null,
    logHeadAtCutoff: first[REPORT_CSV_COLUMNS.indexOf("logHeadAtCutoff")] ?? null,
    sha256: first[DIGEST_COLUMN] ?? null,
    /** Every row must carry the same digest; a row that differs makes the file unsealed. */
    consistent: records.every((r) => r[DIGEST_COLUMN] === first[DIGEST_COLUMN] && r.length === REPORT_CSV_COLUMNS.length),
    computed: sha256Hex(unsealed),
    unsealed,
  };
}
