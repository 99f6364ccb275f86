import { statusOverTime } from "@/lib/charts/status-over-time";
import { countByArea } from "@/lib/readiness/count-by-area";
import type { Db } from "../index";
import { getClaims } from "./get-claims";
import { getReadiness } from "./get-readiness";
import { loadEvents } from "./load-events";
import { loadProgramHistory } from "./load-program-history";
import { memoByHead } from "./memo-by-head";
import { listedItems } from "./query-items";
import { recentVerifications } from "./recent-verifications";

/** Everything the dashboard shows, from one load of the history and one fold per item. */
export function getDashboard(db: Db, slug: string, asOf: number, knownAt: number) {
  return memoByHead(db, `dashboard:${slug}:${asOf}:${knownAt}`, () => computeDashboard(db, slug, asOf, knownAt));
}

function computeDashboard(db: Db, slug: string, asOf: number, knownAt: number) {
  const history = loadProgramHistory(db, slug);
  if (!history) return null;
  const p = history.program;
  return {
    program: p,
    readiness: getReadiness(db, slug, asOf, knownAt),
    areas: countByArea(listedItems(db, slug, history.items, asOf, knownAt)),
    series: statusOverTime(history.items, asOf, knownAt),
    claims: getClaims(db, slug, asOf, knownAt).claims,
    events: loadEvents(db, p.id),
    recent: recentVerifications(db, p.id, asOf, knownAt),
  };
}
export type Dashboard = NonNullable<ReturnType<typeof computeDashboard>>;
