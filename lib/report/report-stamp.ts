/**
 * Which version of a week a rendered report is: the published one, or a draft generated on a
 * given date. The stamp is written around the sealed report (header and footer), never inside
 * it: the report's bytes and digest depend only on the history, the stamp on when and what.
 */
export type ReportStamp =
  | {
      version: "draft";
      /** When the tracker generated the draft from the history (ISO instant). */
      generatedAt: string;
      /** The week's publication when there is one: the draft then differs from it (restated). */
      published: { publishedAt: string; publishedBy: string | null } | null;
    }
  | {
      version: "published";
      publishedAt: string;
      /** The publisher's name (or the CLI's label); null when the log names nobody. */
      publishedBy: string | null;
      /** SHA-256 of the published Markdown without its stamp lines: the publication's digest. */
      sha256: string;
    };

/** An instant as the stamp prints it: "2025-01-06 09:00 UTC" (UTC, to the minute). */
export function stampTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** The stamp as one sentence: the same words in every file, on the preview page and in mail. */
export function stampText(stamp: ReportStamp): string {
  if (stamp.version === "published")
    return `Published version — published on ${stampTime(stamp.publishedAt)}${stamp.publishedBy ? `, by ${stamp.publishedBy}` : ""}, sha256 ${stamp.sha256}`;
  const draft = `Draft generated on ${stampTime(stamp.generatedAt)}`;
  const p = stamp.published;
  if (!p) return `${draft} — not published`;
  return `${draft} — differs from the version published on ${stampTime(p.publishedAt)}${p.publishedBy ? ` by ${p.publishedBy}` : ""} (restated)`;
}

/** What a stamp needs to know about the week's publication, if any. */
export interface StampPublication {
  publishedAt: string;
  publishedBy: string | null;
  sha256: string;
  restated: boolean;
}

/**
 * The stamp of a week's report generated at `generatedAt`: the published version while the
 * history still gives the published bytes, a draft otherwise (never published, or restated).
 */
export function stampOf(publication: StampPublication | null, generatedAt: number): ReportStamp {
  if (publication && !publication.restated)
    return { version: "published", publishedAt: publication.publishedAt, publishedBy: publication.publishedBy, sha256: publication.sha256 };
  return {
    version: "draft",
    generatedAt: new Date(generatedAt).toISOString(),
    published: publication ? { publishedAt: publication.publishedAt, publishedBy: publication.publishedBy } : null,
  };
}

/** The stamp's words the way a reader checks them: its version word and the sha256 it names. */
export function readStampText(text: string): { version: ReportStamp["version"]; sha256: string | null } | null {
  if (text.startsWith("Published version — ")) return { version: "published", sha256: /, sha256 ([0-9a-f]{64})$/.exec(text)?.[1] ?? null };
  if (text.startsWith("Draft generated on ")) return { version: "draft", sha256: null };
  return null;
}
