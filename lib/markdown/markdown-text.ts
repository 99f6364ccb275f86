/**
 * Stored text (titles, notes, quotes, names) as literal Markdown: every character that could start
 * markup — emphasis, code, links, images, raw HTML, entities, tables, strikethrough — is backslash-escaped (CommonMark escapes any ASCII
 * punctuation), and line breaks become spaces so a value never leaves its table cell or list line.
 * `#`, `-`, `+`, `=` and `1.` only make markup at the start of a line, so they are escaped only
 * where a value begins (a key in a list line), and titles stay readable ("C# agent", "FND-01").
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, " ")
    .replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`)
    .replace(/^[#+\-=]/, (c) => `\\${c}`)
    .replace(/^(\d+)([.)])/, "$1\\$2");
}

/** A link to an http(s) URL whose characters cannot break out of the link destination. */
export function markdownLink(label: string, url: string): string {
  if (!/^https?:\/\//i.test(url)) return escapeMarkdown(url);
  const safe = url.replace(/[\s()<>\\`|]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
  return `[${escapeMarkdown(label)}](${safe})`;
}

/** A GFM table; cells must already be escaped. */
export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[], align?: readonly ("l" | "r")[]): string {
  const rule = headers.map((_, i) => (align?.[i] === "r" ? "---:" : "---"));
  return [headers, rule, ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}
