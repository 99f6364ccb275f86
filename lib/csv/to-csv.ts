import { stringify } from "csv-stringify/sync";

/**
 * Cells a spreadsheet would run as a formula start with = + - @ tab or CR; prefix them with a
 * quote so they stay text (OWASP's advice against CSV injection). A number is written as it is: a
 * negative one (a slack of -27.57 weeks) is a figure to sort and sum, never a formula.
 */
export function neutralizeCell(value: unknown): string {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  const text = value === null || value === undefined ? "" : Array.isArray(value) ? value.join(" ") : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** CSV with a header row, CRLF line ends (RFC 4180), every cell neutralised. */
export function toCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  return stringify(
    rows.map((r) => columns.map((c) => neutralizeCell(r[c]))),
    // A lone line break is not the CRLF record delimiter, so csv-stringify would leave it bare.
    { header: true, columns: [...columns], record_delimiter: "\r\n", quoted_match: /[\r\n]/ },
  );
}
