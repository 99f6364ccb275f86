/**
 * The page Chromium prints: the report's own HTML with its paper, margins, header and footer as
 * CSS page rules (printed in the page's margin boxes), and a policy that lets it run no script and
 * fetch nothing — the report is self-contained, so anything it would load is an injection.
 */

export const PAPERS = ["a4", "letter"] as const;
export type Paper = (typeof PAPERS)[number];

export interface PrintOptions {
  paper: Paper;
  /** Plain text shown beside the page numbers. */
  footer: string;
  /** Plain text at the top of every page (the report's stamp), if any. */
  header?: string;
}

const PRINT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

/** A CSS string literal of plain text; "<" is escaped too, so the text cannot close the style element. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

const MARGIN_TEXT = "font-size: 7pt; font-family: 'DejaVu Sans', sans-serif; vertical-align: bottom;";

function pageRules(options: PrintOptions): string {
  const header = options.header ? `@top-left { content: ${cssString(options.header)}; ${MARGIN_TEXT} color: #334155; }` : "";
  return [
    `@page { size: ${options.paper === "letter" ? "letter" : "A4"}; margin: 12mm 12mm 16mm 12mm;`,
    header,
    `@bottom-left { content: ${cssString(options.footer)}; ${MARGIN_TEXT} color: #475569; vertical-align: middle; }`,
    `@bottom-right { content: "page " counter(page) " of " counter(pages); ${MARGIN_TEXT} color: #475569; vertical-align: middle; }`,
    `}`,
    // Chromium leaves out backgrounds when printing unless the page asks for them.
    `html { print-color-adjust: exact; -webkit-print-color-adjust: exact; }`,
  ].join("\n");
}

/** The HTML to print: the policy first in the head, the page rules last (they win over the report's own). */
export function pageForPrint(html: string, options: PrintOptions): string {
  const policy = `<meta http-equiv="Content-Security-Policy" content="${PRINT_POLICY}">`;
  const rules = `<style>\n${pageRules(options)}\n</style>`;
  const open = /<head(\s[^>]*)?>/i.exec(html);
  if (!open) return `<head>${policy}${rules}</head>${html}`;
  const start = open.index + open[0].length;
  const close = html.slice(start).search(/<\/head>/i);
  const end = close < 0 ? start : start + close;
  return html.slice(0, start) + policy + html.slice(start, end) + rules + html.slice(end);
}
