import { formatUtcMinute } from "../time";

/** From when an entry of My work is new: the person's last visit, or their account's creation before a first one. */
export interface Since {
  at: number;
  firstVisit: boolean;
}

export function sinceOf(previousVisit: number | null, accountCreatedAt: number): Since {
  return previousVisit === null ? { at: accountCreatedAt, firstVisit: true } : { at: previousVisit, firstVisit: false };
}

/** A moment for people, in UTC and as every other page writes one: "2025-11-29 14:05 UTC". */
export function formatMoment(ms: number): string {
  return formatUtcMinute(ms);
}

/** "your last visit, 2025-11-29 14:05 UTC", or, before a first visit, when the account was created. */
export function describeSince(since: Since): string {
  return since.firstVisit ? `your account was created, ${formatMoment(since.at)}` : `your last visit, ${formatMoment(since.at)}`;
}
