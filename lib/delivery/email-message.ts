import { escapeXml as h } from "../report/svg-charts";
import { noticeTitle, type ReportNotice } from "./report-notice";

export interface EmailContent {
  subject: string;
  /** The published Markdown, byte for byte: the plain-text alternative. */
  text: string;
  html: string;
  pdfFileName: string;
}

/**
 * The e-mail of a published week: the subject, the published Markdown as the text part, the
 * report's own HTML rendering (the one the PDF is printed from) as the HTML part, opened by a line
 * of links, and the name of the PDF attached.
 */
export function emailContent(n: ReportNotice, markdown: string, reportHtml: string): EmailContent {
  const banner =
    `<p style="font-family:sans-serif;font-size:10pt;border:1px solid #cbd5e1;border-radius:4px;padding:6px;margin:0 0 8px">` +
    `Published ${h(n.publishedAt.replace("T", " ").slice(0, 16))} UTC · <a href="${h(n.links.report)}">Open the report in the tracker</a> · ` +
    `the PDF is attached · sha256 of the published Markdown <code>${n.sha256}</code></p>`;
  const at = reportHtml.indexOf("<body>");
  const html = at < 0 ? `${banner}${reportHtml}` : `${reportHtml.slice(0, at + 6)}${banner}${reportHtml.slice(at + 6)}`;
  // A line break in a program's name must not open a new header line.
  return { subject: noticeTitle(n).replace(/\s+/g, " "), text: markdown, html, pdfFileName: `${n.program.slug}-${n.week}.pdf` };
}
