const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** From when an entry of My work is new: the person's last visit, or their account's creation before a first one. */
export interface Since {
  at: number;
  firstVisit: boolean;
}

export function sinceOf(previousVisit: number | null, accountCreatedAt: number): Since {
  return previousVisit === null ? { at: accountCreatedAt, firstVisit: true } : { at: previousVisit, firstVisit: false };
}

/** A moment for people, in UTC and in the same words on every machine: "29 Nov 2025 at 14:05 UTC". */
export function formatMoment(ms: number): string {
  const d = new Date(ms);
  const hhmm = d.toISOString().slice(11, 16);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} at ${hhmm} UTC`;
}

/** "your last visit on 29 Nov 2025 at 14:05 UTC", or, before a first visit, when the account was created. */
export function describeSince(since: Since): string {
  return since.firstVisit ? `your account was created on ${formatMoment(since.at)}` : `your last visit on ${formatMoment(since.at)}`;
}

/** A section's news in words: "3 new since your last visit on 29 Nov 2025 at 14:05 UTC." */
export function newSinceSentence(count: number, since: Since): string {
  return `${count === 0 ? "Nothing" : count} new since ${describeSince(since)}.`;
}
