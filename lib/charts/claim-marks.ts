import { VERDICTS, type Verdict } from "../claims/claim-verdict";
import { verdictLabel } from "../labels";

export interface ClaimMark {
  id: string;
  date: string;
  speaker: string;
  verdict: Verdict;
}

/** One marker on a time axis: one claim, or several too close together to tell apart. */
export interface ClaimMarkGroup {
  t: number;
  claims: ClaimMark[];
  /** The worst verdict in the group colours the marker; the label names each. */
  verdict: Verdict;
  label: string;
}

// Worst first: a group with one contradicted claim is marked as contradicted.
const SEVERITY: readonly Verdict[] = ["contradicted", "unsupported", "partly_supported", "mostly_supported", "supported", "unrated"];

const toTime = (date: string) => Date.parse(`${date}T00:00:00Z`);

/**
 * The claims dated within [min, max], oldest first, grouped when a claim falls within `minGap` ms
 * of the first claim of the group before it, so markers never sit on top of each other.
 */
export function groupClaimMarks(claims: readonly ClaimMark[], min: number, max: number, minGap: number): ClaimMarkGroup[] {
  const inRange = claims.filter((c) => toTime(c.date) >= min && toTime(c.date) <= max).sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const groups: ClaimMark[][] = [];
  for (const c of inRange) {
    const last = groups.at(-1);
    if (last && toTime(c.date) - toTime(last[0]!.date) < minGap) last.push(c);
    else groups.push([c]);
  }
  return groups.map((g) => ({
    t: toTime(g[0]!.date),
    claims: g,
    verdict: SEVERITY.find((v) => g.some((c) => c.verdict === v)) ?? VERDICTS[0],
    label: g.map((c) => `${c.date} ${c.speaker}: ${verdictLabel(c.verdict)}`).join("; "),
  }));
}

/**
 * A speaker's name short enough to label a marker: whole when it fits in `max` characters, else cut
 * at the last word that fits, with an ellipsis ("Microsoft Learn (Azure documentation)" →
 * "Microsoft Learn…"), so two speakers sharing a first word still read apart.
 */
export function shortSpeaker(speaker: string, max = 18): string {
  const name = speaker.trim().replace(/\s+/g, " ");
  if (name.length <= max) return name;
  const head = name.slice(0, max);
  const space = head.lastIndexOf(" ");
  const cut = (space > 0 ? head.slice(0, space) : head.slice(0, max - 1)).replace(/[\s(\[{,;:·–—-]+$/u, "");
  return `${cut || name.slice(0, max - 1)}…`;
}
