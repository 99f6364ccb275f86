/** The address of a program's Atom feed of published weeks, with its token. */
export function feedUrl(origin: string, slug: string, token: string): string {
  return `${origin.replace(/\/+$/, "")}/programs/${encodeURIComponent(slug)}/reports.atom?token=${encodeURIComponent(token)}`;
}
