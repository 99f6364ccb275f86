import type { Readiness } from "./compute-readiness";

/** How long each list of a readiness answer is, whatever was cut. */
export interface ReadinessListCounts {
  inflated: number;
  blocked: number;
  breaches: number;
  unowned: number;
}

export type ReadinessAnswer = Readiness & { counts: ReadinessListCounts; listLimit: number | null };

/**
 * Readiness as the API answers it: with the length of every list, and each list cut to its first
 * `limit` entries when a limit is given — at 10,000 items the full lists weigh megabytes (DESIGN
 * §10 keeps them whole by default).
 */
export function limitReadinessLists(r: Readiness, limit: number | null): ReadinessAnswer {
  const cut = <T>(list: T[]) => (limit === null ? list : list.slice(0, limit));
  return {
    ...r,
    inflated: cut(r.inflated),
    blocked: cut(r.blocked),
    quality: { breaches: cut(r.quality.breaches), unowned: cut(r.quality.unowned) },
    counts: { inflated: r.inflated.length, blocked: r.blocked.length, breaches: r.quality.breaches.length, unowned: r.quality.unowned.length },
    listLimit: limit,
  };
}
