import { toCsv } from "../csv/to-csv";
import { escapeMarkdown, markdownLink, markdownTable } from "../markdown/markdown-text";
import type { EvaluatedClaim } from "./evaluate-claims";

const COLUMNS = [
  "id",
  "date",
  "speaker",
  "venue",
  "quote",
  "quoteIsParaphrase",
  "url",
  "implies",
  "linked",
  "metAtClaimDate",
  "verdictAtClaimDate",
  "verdictKnownThen",
  "verdictAsOf",
  "asOf",
  "factsUntil",
  "illustrativeAtClaimDate",
  "illustrativeAsOf",
];

/** The claims comparison as CSV (one row per claim, formulas neutralised). */
export function claimsToCsv(claims: readonly EvaluatedClaim[]): string {
  return toCsv(COLUMNS, claims as unknown as Record<string, unknown>[]);
}

/** The claims comparison as Markdown, stored text escaped so it reads as text. */
export function claimsToMarkdown(programName: string, claims: readonly EvaluatedClaim[], asOf: string): string {
  const factsUntil = claims.find((c) => c.factsUntil !== null)?.factsUntil ?? null;
  const mark = (verdict: string, illustrative: boolean) => (illustrative ? `${verdict} (illustrative)` : verdict);
  const lines = [
    `# Public claims against the evidence — ${escapeMarkdown(programName)}`,
    "",
    `Verdicts: on the claim's date with today's knowledge · as the records of that day showed · as of ${asOf}.`,
    "",
    ...(factsUntil === null
      ? []
      : [
          `Evidence horizon: facts until ${factsUntil}. A verdict marked (illustrative) is computed for a later date: invented continuation, not fact.`,
          "",
        ]),
    markdownTable(
      ["date", "speaker", "claim", "links met", "on its date", "as recorded then", "as of"],
      claims.map((c) => [
        c.date,
        escapeMarkdown(c.speaker),
        `${c.quoteIsParaphrase ? "(paraphrase) " : ""}${escapeMarkdown(c.quote)} ${markdownLink("source", c.url)}${c.implies ? ` — implies: ${escapeMarkdown(c.implies)}` : ""}`,
        `${c.metAtClaimDate} / ${c.linked}`,
        mark(c.verdictAtClaimDate, c.illustrativeAtClaimDate),
        mark(c.verdictKnownThen, c.illustrativeAtClaimDate),
        mark(c.verdictAsOf, c.illustrativeAsOf),
      ]),
    ),
    "",
  ];
  return lines.join("\n");
}
