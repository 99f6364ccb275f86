import { statusOverTime } from "@/lib/charts/status-over-time";
import { countByArea } from "@/lib/readiness/count-by-area";
import type { Db } from "../index";
import { getClaims } from "./get-claims";
import { getReadiness } from "./get-readiness";
import { loadEvents } from "./load-events";
import { loadSnapshot } from "./load-snapshot";
import { memoByHead } from "./memo-by-head";
import { recentVerifications } from "./recent-verifications";

/**
 * Everything the dashboard shows, from the program's snapshot (one fold per item); a not_found
 * AppError for an unknown slug.
 */
export function getDashboard(db: Db, slug: string, asOf: number, knownAt: number) {
  return memoByHead(db, `dashboard:${slug}:${asOf}:${knownAt}`, () => computeDashboard(db, slug, asOf, knownAt));
}

function computeDashboard(db: Db, slug: string, asOf: number, knownAt: number) {
  const snapshot = loadSnapshot(db, slug, asOf, knownAt);
  const p = snapshot.program;
  return {
    program: p,
    readiness: getReadiness(db, slug, asOf, knownAt),
    areas: countByArea(snapshot.listed),
    series: statusOverTime(snapshot.items, asOf, knownAt),
    claims: getClaims(db, slug, asOf, knownAt).claims,
    events: loadEvents(db, p.id),
    recent: recentVerifications(db, p.id, asOf, knownAt),
  };
}
export type Dashboard = ReturnType<typeof computeDashboard>;
