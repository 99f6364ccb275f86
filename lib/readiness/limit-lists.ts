import type { Readiness } from "./compute-readiness";

/** How long each list of a readiness answer is, whatever was cut. */
export interface ReadinessListCounts {
  inflated: number;
  blocked: number;
  breaches: number;
  unowned: number;
}

/**
 * The quality lists' cut when the request names none. One breach per item and metric makes them
 * the bulk of the answer (2 MB of 2.2 at 10,000 items) while a reader of the headline needs the
 * count and the worst few; `?limit=all` gives them whole.
 */
export const QUALITY_LIST_DEFAULT = 1000;

/** `?limit=` of the readiness answer: a number of entries, every list whole, or not given. */
export type ReadinessListLimit = number | "all" | null;

export type ReadinessAnswer = Readiness & {
  counts: ReadinessListCounts;
  /** The cut of `inflated` and `blocked`: null when whole. */
  listLimit: number | null;
  /** The cut of `quality.breaches` and `quality.unowned`: null when whole. */
  qualityListLimit: number | null;
};

/**
 * Readiness as the API answers it: with the length of every list, each list cut to its first
 * `limit` entries when a limit is given. Without one, the lists DESIGN §10 names (inflated,
 * blocked) are whole and the quality lists cut at QUALITY_LIST_DEFAULT; `"all"` cuts nothing.
 */
export function limitReadinessLists(r: Readiness, limit: ReadinessListLimit): ReadinessAnswer {
  const lists = typeof limit === "number" ? limit : null;
  const quality = limit === "all" ? null : (lists ?? QUALITY_LIST_DEFAULT);
  const cut = <T>(list: T[], n: number | null) => (n === null || list.length <= n ? list : list.slice(0, n));
  return {
    ...r,
    inflated: cut(r.inflated, lists),
    blocked: cut(r.blocked, lists),
    quality: { breaches: cut(r.quality.breaches, quality), unowned: cut(r.quality.unowned, quality) },
    counts: { inflated: r.inflated.length, blocked: r.blocked.length, breaches: r.quality.breaches.length, unowned: r.quality.unowned.length },
    listLimit: lists,
    qualityListLimit: quality,
  };
}
