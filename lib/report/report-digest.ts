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

/** Splits a Markdown report into its body (the digested bytes) and its footer fields; null without a footer. */
export function readMarkdownFooter(text: string) {
  const m = FOOTER.exec(text);
  if (!m || (m.index > 0 && text[m.index - 1] !== "\n")) return null;
  return { body: text.slice(0, m.index), program: m[1]!, week: m[2]!, logHeadAtCutoff: m[3]!, sha256: m[4]! };
}
