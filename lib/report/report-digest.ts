import { createHash } from "node:crypto";

/** Lower-case hex SHA-256 of the UTF-8 bytes of a text. */
export function sha256Hex(text: string | Uint8Array): string {
  return createHash("sha256").update(text).digest("hex");
}

const HEX64 = "[0-9a-f]{64}";

/**
 * The Markdown footer: the last line of the file, an HTML comment (invisible once rendered) that
 * names the report and carries the SHA-256 of every byte before it.
 */
export function markdownFooter(fields: { program: string; week: string; logHeadAtCutoff: string; sha256: string }): string {
  return `<!-- offload-tracker-report v1 program=${fields.program} week=${fields.week} logHeadAtCutoff=${fields.logHeadAtCutoff} sha256=${fields.sha256} -->\n`;
}

const FOOTER = new RegExp(
  `<!-- offload-tracker-report v1 program=([a-z0-9-]+) week=(\\d{4}-W\\d{2}) logHeadAtCutoff=(${HEX64}) sha256=(${HEX64}) -->\\r?\\n?$`,
);

// The stamp (report-stamp.ts) is one quoted bold line at the top and one before the footer, outside
// the digest: the first words say which version the file is, and nothing in a report body starts so.
const STAMP = "> \\*\\*(?:Draft generated on |Published version — )[^\\n]*\\n";
const HEADER_STAMP = new RegExp(`^${STAMP}\\n`);
const FOOTER_STAMP = new RegExp(`\\n${STAMP}\\n$`);

/** The stamp's sentence in a stamp line: "> **Draft generated on …**" → "Draft generated on …". */
const stampSentence = (line: string) => /^> \*\*(.*?)\*\*/.exec(line)?.[1]!.replace(/\\(.)/g, "$1") ?? null;

/**
 * Splits a Markdown report into its body (the digested bytes: everything before the footer but the
 * stamp lines), its footer fields, its stamp sentence, and `unstamped` — the file as generated
 * before stamping, body and footer: what restatement and verify-report compare. Null without a footer.
 */
export function readMarkdownFooter(text: string) {
  const m = FOOTER.exec(text);
  if (!m || (m.index > 0 && text[m.index - 1] !== "\n")) return null;
  let body = text.slice(0, m.index);
  const header = HEADER_STAMP.exec(body)?.[0] ?? null;
  if (header) body = body.slice(header.length);
  const footer = FOOTER_STAMP.exec(body)?.[0] ?? null;
  if (footer) body = body.slice(0, body.length - footer.length);
  return {
    body,
    program: m[1]!,
    week: m[2]!,
    logHeadAtCutoff: m[3]!,
    sha256: m[4]!,
    stamp: header ? stampSentence(header) : footer ? stampSentence(footer.slice(1)) : null,
    unstamped: body + text.slice(m.index),
  };
}
