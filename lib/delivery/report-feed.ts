import { Feed } from "feed";
import { escapeXml } from "../report/svg-charts";
import { headlineSentence, noticeTitle, type ReportNotice } from "./report-notice";

// XML 1.0 has no place for most control characters, and the feed writes titles in CDATA, which
// "]]>" would close: stored text is cleaned of both before it goes in.
const cleanText = (text: string) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "").replace(/]]>/g, "]] >");

/** A stable entry id that does not change with the server's address. */
export const entryId = (slug: string, week: string) => `urn:offload-tracker:report:${encodeURIComponent(slug)}:${week}`;

/**
 * The Atom feed of a program's published weeks, newest first: each entry the week's headline with
 * links to the report and its files. `updated` is the latest publication (the epoch when none),
 * so the same publications give the same bytes.
 */
export function renderReportFeed(program: { slug: string; name: string }, origin: string, notices: readonly ReportNotice[]): string {
  const sorted = [...notices].sort((a, b) => (a.week < b.week ? 1 : a.week > b.week ? -1 : 0));
  const latest = sorted.reduce((max, n) => (n.publishedAt > max ? n.publishedAt : max), "1970-01-01T00:00:00.000Z");
  const name = cleanText(program.name);
  const feed = new Feed({
    id: `urn:offload-tracker:reports:${encodeURIComponent(program.slug)}`,
    title: `${name} — published weekly reports`,
    description: "Each week's headline as published: verified status, no partial credit, nothing rounded up.",
    link: `${origin.replace(/\/+$/, "")}/programs/${encodeURIComponent(program.slug)}/reports`,
    updated: new Date(latest),
    generator: "Boost Offload Tracker",
    author: { name: "Boost Offload Tracker" },
  });
  for (const n of sorted) {
    const links = [
      ["Open the report", n.links.report],
      ["PDF", n.links.pdf],
      ["Markdown", n.links.markdown],
      ["JSON", n.links.json],
      ["CSV", n.links.csv],
    ]
      .map(([label, href]) => `<a href="${escapeXml(href!)}">${label}</a>`)
      .join(" · ");
    feed.addItem({
      id: entryId(n.program.slug, n.week),
      // The feed types entry titles as HTML: the program's name is escaped, never markup.
      title: escapeXml(noticeTitle({ ...n, program: { ...n.program, name } })),
      link: n.links.report,
      date: new Date(n.publishedAt),
      published: new Date(n.publishedAt),
      description: cleanText(
        `<p>${escapeXml(headlineSentence(n))}</p><p>Week ${n.weekStart} – ${n.weekEnd}. ${links}</p><p>sha256 of the published Markdown: <code>${n.sha256}</code></p>`,
      ),
    });
  }
  return feed.atom1();
}
