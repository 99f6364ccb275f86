import { isIllustrative } from "../evidence-horizon";
import { formatDate } from "../time";

/**
 * A week whose cutoff lies past the program's evidence horizon (DESIGN §13) is computed on invented
 * data. Absent otherwise, so that every file of any other week keeps the bytes it always had.
 */
export interface StampHorizon {
  illustrative?: { factsUntil: string };
}

/**
 * Which version of a week a rendered report is: the published one, or a draft generated on a
 * given date, and whether the week lies past the evidence horizon. The stamp is written around
 * the sealed report (header and footer), never inside it: the report's bytes and digest depend
 * only on the history, the stamp on when and what — so a horizon set or moved later restates no
 * published week.
 */
export type ReportStamp = StampHorizon &
  (
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
      }
  );

/** The stamp's horizon part for a week ending at `cutoff`: illustrative when the cutoff lies past `factsUntil`. */
export function stampHorizon(factsUntil: number | null, cutoff: number): StampHorizon {
  return isIllustrative(factsUntil, cutoff) ? { illustrative: { factsUntil: formatDate(factsUntil!) } } : {};
}

/** The words a stamp adds for a week past the evidence horizon. */
export function illustrativeStatement(factsUntil: string): string {
  return `Illustrative: this week lies past the program's evidence horizon, ${factsUntil}; its figures are not evidence`;
}

// The statement closes the stamp sentence; read back, it is split off before anything else.
const STATEMENT = /\. Illustrative: this week lies past the program's evidence horizon, (\d{4}-\d{2}-\d{2}); its figures are not evidence$/;

/** An instant as the stamp prints it: "2025-01-06 09:00 UTC" (UTC, to the minute). */
export function stampTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** The stamp as one sentence: the same words in every file, on the preview page and in mail. */
export function stampText(stamp: ReportStamp): string {
  return `${stampVersionText(stamp)}${stampStatementText(stamp)}`;
}

/** What stampText adds after the version words: ". Illustrative: …" past the horizon, else nothing. */
export function stampStatementText(stamp: ReportStamp): string {
  return stamp.illustrative ? `. ${illustrativeStatement(stamp.illustrative.factsUntil)}` : "";
}

/** The stamp's first words: which version, when, by whom. */
export function stampVersionText(stamp: ReportStamp): string {
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
export function stampOf(publication: StampPublication | null, generatedAt: number, horizon: StampHorizon = {}): ReportStamp {
  if (publication && !publication.restated)
    return { version: "published", publishedAt: publication.publishedAt, publishedBy: publication.publishedBy, sha256: publication.sha256, ...horizon };
  return {
    version: "draft",
    generatedAt: new Date(generatedAt).toISOString(),
    published: publication ? { publishedAt: publication.publishedAt, publishedBy: publication.publishedBy } : null,
    ...horizon,
  };
}

/** The evidence horizon a stamp's words say the week lies past; null when they say nothing of it. */
export function readStampHorizon(text: string): string | null {
  return STATEMENT.exec(text)?.[1] ?? null;
}

/** The stamp's words the way a reader checks them: its version word and the sha256 it names. */
export function readStampText(text: string): { version: ReportStamp["version"]; sha256: string | null } | null {
  const version = text.replace(STATEMENT, "");
  if (version.startsWith("Published version — ")) return { version: "published", sha256: /, sha256 ([0-9a-f]{64})$/.exec(version)?.[1] ?? null };
  if (version.startsWith("Draft generated on ")) return { version: "draft", sha256: null };
  return null;
}
