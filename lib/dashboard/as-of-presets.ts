import { UTCDate } from "@date-fns/utc";
import { endOfQuarter, getQuarter, subQuarters } from "date-fns";
import { formatDate } from "../time";

/** A date one click away on the As-of field. */
export interface AsOfPreset {
  label: string;
  /** YYYY-MM-DD; null means today (no asOf in the URL). */
  date: string | null;
  kind: "today" | "quarter" | "claim" | "target";
}

/** Past quarter ends shown at most: two years is what a status review looks back on. */
export const MAX_QUARTERS = 8;

/** Claim dates shown at most, the latest: a program with hundreds of claims keeps a readable row (the Claims page lists them all). */
export const MAX_CLAIM_DATES = 8;

/**
 * Today, the end of each past quarter (the latest eight, none before the program's first date),
 * the dates of the latest eight public claims, and the committed target — in date order after
 * today, each date once.
 */
export function asOfPresets(input: {
  now: number;
  /** The program's earliest date (first item identified or first claim); null for an empty program. */
  since: number | null;
  claims: readonly { date: string; speaker: string }[];
  target: number | null;
}): AsOfPreset[] {
  const { now, since, claims, target } = input;
  const presets: AsOfPreset[] = [];
  const sinceDay = since === null ? null : formatDate(since);
  for (let i = 1; i <= MAX_QUARTERS; i++) {
    const end = endOfQuarter(subQuarters(new UTCDate(now), i));
    const day = formatDate(end.getTime());
    if (sinceDay !== null && day < sinceDay) break;
    presets.push({ label: `End of Q${getQuarter(end)} ${end.getUTCFullYear()}`, date: day, kind: "quarter" });
  }
  const latest = [...claims].sort((a, b) => b.date.localeCompare(a.date)).slice(0, MAX_CLAIM_DATES);
  for (const c of latest) presets.push({ label: `${c.speaker}, ${c.date}`, date: c.date, kind: "claim" });
  if (target !== null) presets.push({ label: `Target ${formatDate(target)}`, date: formatDate(target), kind: "target" });

  // One chip per date; on a shared date the target, then a claim, says more than a quarter end.
  const rank = { target: 0, claim: 1, quarter: 2, today: 3 } as const;
  const seen = new Set<string>();
  const dated = presets
    .sort((a, b) => a.date!.localeCompare(b.date!) || rank[a.kind] - rank[b.kind])
    .filter((p) => !seen.has(p.date!) && seen.add(p.date!));
  return [{ label: "Today", date: null, kind: "today" }, ...dated];
}
