import { GENESIS_HASH } from "../hash-chain";

/** True when nothing had been logged by the cutoff: the head is the value the chain starts from. */
export const nothingLoggedBy = (logHeadAtCutoff: string): boolean => logHeadAtCutoff === GENESIS_HASH;

/** What a report says for the head of a history that was still empty at the cutoff. */
export const NOTHING_LOGGED =
  "none — the tracker's log holds no entry written by the cutoff: everything this report shows about the week was recorded or imported later";

/** The history head in the words of a printed footer: its first 16 hex digits, or that there was none. */
export function historyHeadWords(logHeadAtCutoff: string): string {
  // Sixteen zeros would read as a hash; the genesis value only says the log was still empty.
  return nothingLoggedBy(logHeadAtCutoff) ? "history: the log began after the cutoff" : `history head at the cutoff ${logHeadAtCutoff.slice(0, 16)}…`;
}

/**
 * The footer of every printed page of a weekly report: program, week, the version when the print
 * has one (draft or published, illustrative), and the history head at the cutoff in words.
 */
export function printFooter(p: { programName: string; week: string; version?: string; logHeadAtCutoff: string }): string {
  return [p.programName, p.week, ...(p.version ? [p.version] : []), historyHeadWords(p.logHeadAtCutoff)].join(" · ");
}
