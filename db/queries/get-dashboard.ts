import { statusOverTime } from "@/lib/charts/status-over-time";
import { evaluateClaims } from "@/lib/claims/evaluate-claims";
import { computeItemStatuses } from "@/lib/compute-item-statuses";
import { listItems } from "@/lib/items/item-query";
import { readinessFromStatuses } from "@/lib/readiness/compute-readiness";
import { countByArea } from "@/lib/readiness/count-by-area";
import type { Db } from "../index";
import { loadClaims } from "./load-claims";
import { loadEvents } from "./load-events";
import { loadProgramHistory } from "./load-program-history";
import { loadSignals } from "./load-signals";
import { recentVerifications } from "./recent-verifications";

/** Everything the dashboard shows, from one load of the history and one fold per item. */
export function getDashboard(db: Db, slug: string, asOf: number, knownAt: number) {
  const history = loadProgramHistory(db, slug);
  if (!history) return null;
  const p = history.program;
  const statuses = computeItemStatuses(history.items, asOf, knownAt);
  const readiness = readinessFromStatuses(
    {
      slug,
      items: history.items,
      signals: loadSignals(db, p.id),
      thresholds: { testCoveragePct: p.testCoveragePct, unvettedCrates: p.unvettedCrates, crashOwnerRegistered: p.crashOwnerRegistered },
      asOf,
      knownAt,
    },
    statuses,
  );
  return {
    program: p,
    readiness,
    areas: countByArea(listItems(statuses)),
    series: statusOverTime(history.items, asOf, knownAt),
    claims: evaluateClaims(loadClaims(db, p.id), history.items, asOf, knownAt),
    events: loadEvents(db, p.id),
    recent: recentVerifications(db, p.id, asOf, knownAt),
  };
}
export type Dashboard = NonNullable<ReturnType<typeof getDashboard>>;
