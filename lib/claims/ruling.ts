import { statusLabel, verdictLabel } from "../labels";
import { levelOf, type Status } from "../status";
import { verdictFor, type Verdict } from "./claim-verdict";

/** What the ruling reads of one link: the claim-date assessment and the status at `asOf`. */
export interface RulingLink {
  requires: Status;
  trueStatus: Status;
  reportedStatus: Status;
  met: boolean;
  started: boolean;
  trueStatusAsOf: Status;
  metAsOf: boolean;
}

/** The claim as the ruling needs it; an `EvaluatedClaim` fits. */
export interface RulingInput {
  date: string;
  asOf: string;
  links: readonly RulingLink[];
  verdictKnownThen: Verdict;
}

export interface Ruling {
  /** The verdict on the claim's date, by the same function as every other verdict. */
  verdict: Verdict;
  linked: number;
  met: number;
  /** Started (true level ≥ 1) but below the status the claim implies. */
  startedNotMet: number;
  notStarted: number;
  /** Among the unmet: reported at or past the implied status, without the verification that would count it. */
  reportedNotVerified: number;
  metAsOf: number;
  verdictAsOf: Verdict;
  /** The paragraph, sentence by sentence. */
  sentences: string[];
  text: string;
}

const items = (n: number) => (n === 1 ? "item" : "items");
const lower = (s: Status) => statusLabel(s).toLowerCase();

/** "rollout", or "the status the claim implies (rollout for 4, build for 1)" when links differ. */
function impliedStatus(links: readonly RulingLink[]): string {
  const counts = new Map<Status, number>();
  for (const l of links) counts.set(l.requires, (counts.get(l.requires) ?? 0) + 1);
  if (counts.size === 1) return lower(links[0]!.requires);
  const parts = [...counts].sort((a, b) => b[1] - a[1] || levelOf(b[0]) - levelOf(a[0])).map(([s, n]) => `${lower(s)} for ${n}`);
  return `the status the claim implies (${parts.join(", ")})`;
}

/**
 * The ruling of a fact-check, in words, from the same link assessments the verdicts come from:
 * how many linked items had verifiably reached what the claim implies on its date, how many had
 * started, how many had not, the verdict on that date, what the records of that day said, and
 * where the claim stands at `asOf`. Counts, not percentages: a reader can check them row by row.
 */
export function claimRuling(claim: RulingInput): Ruling {
  const { links, date, asOf } = claim;
  const linked = links.length;
  const met = links.filter((l) => l.met).length;
  const started = links.filter((l) => l.started).length;
  const startedNotMet = links.filter((l) => l.started && !l.met).length;
  // A link that implies not_started is met without being started: counted once, as met.
  const notStarted = links.filter((l) => !l.started && !l.met).length;
  const reportedNotVerified = links.filter((l) => !l.met && levelOf(l.reportedStatus) >= levelOf(l.requires)).length;
  const verdict = verdictFor(met, linked, started);
  const metAsOf = links.filter((l) => l.metAsOf).length;
  const verdictAsOf = verdictFor(metAsOf, linked, links.filter((l) => levelOf(l.trueStatusAsOf) >= 1).length);

  const sentences: string[] = [];
  if (linked === 0) {
    sentences.push(`On ${date}, the claim was linked to no work item, so there is nothing to check it against.`);
  } else {
    const parts = [`On ${date}, ${met} of the ${linked} linked ${items(linked)} had reached ${impliedStatus(links)}, verified`];
    if (startedNotMet > 0) parts.push(`${startedNotMet} had started but not reached it`);
    if (notStarted > 0) parts.push(`${notStarted} had not started`);
    sentences.push(`${parts.join("; ")}.`);
    if (reportedNotVerified > 0)
      sentences.push(
        `${reportedNotVerified} of the unmet ${reportedNotVerified === 1 ? "was" : "were"} reported that far, but without a second person verifying the evidence, so ${reportedNotVerified === 1 ? "it does" : "they do"} not count.`,
      );
  }
  sentences.push(`Verdict on that date: ${verdictLabel(verdict)}.`);
  if (linked > 0) {
    sentences.push(
      claim.verdictKnownThen === verdict
        ? "The tracker's records of that day already showed this."
        : `As the tracker's records stood that day, the verdict was ${verdictLabel(claim.verdictKnownThen)}; records entered later changed it.`,
    );
    if (asOf !== date)
      sentences.push(`As of ${asOf}, ${metAsOf} of the ${linked} had reached it, verified: ${verdictLabel(verdictAsOf)}.`);
  }
  return { verdict, linked, met, startedNotMet, notStarted, reportedNotVerified, metAsOf, verdictAsOf, sentences, text: sentences.join(" ") };
}
