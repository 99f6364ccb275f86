import { marginWords } from "../schedule/schedule-words";
import type { ReportPromises } from "./report-model";

/** The section's title, the same words in every format. */
export const PROMISES_TITLE = "Promised dates that can no longer be met";
export const PROMISES_HEADING = `## ${PROMISES_TITLE}`;

// The schedule's words, shared with the timeline and the item page.
export { marginWords, weeksFigure, weeksWords, limitWords as promiseLimitWords } from "../schedule/schedule-words";

/** "Committed target 2025-06-30: impossible — earliest finish 2026-01-12, 27.5 weeks late."; null without a target. */
export function programTargetLine(p: ReportPromises, state: (s: NonNullable<ReportPromises["programTarget"]>["state"]) => string): string | null {
  const t = p.programTarget;
  return t && `Committed target ${t.date}: ${state(t.state)} — earliest finish ${t.earliestFinish}, ${marginWords(t.slackWeeks)}.`;
}

/** What the section says above its table. */
export function promisesIntro(count: number): string {
  const one = count === 1;
  return (
    `${count} ${one ? "item" : "items"} cannot finish by a promised date — ${one ? "its" : "their"} own target, the target of an item waiting on ${one ? "it" : "them"}, ` +
    `or the program's committed target — on the estimates and dependencies at the cutoff (an item not done weighs its whole estimate). Most weeks late first.`
  );
}

/** What the section says when no item is late: never an empty table. */
export function promisesEmptySentence(p: ReportPromises): string {
  if (p.programTarget === null && p.promisedItems === 0) return "Nothing is promised: neither the program nor any item has a target date.";
  // The schedule judges a committed target already past as impossible even when nothing remains.
  if (p.programTarget?.state === "impossible") return "Nothing remains to be done, so no item is late.";
  return "Every promised date can still be met.";
}
