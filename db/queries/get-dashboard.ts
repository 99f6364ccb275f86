import { headlineSentence } from "@/lib/dashboard/headline-sentence";
import { countByArea } from "@/lib/readiness/count-by-area";
import { targetOutlook } from "@/lib/readiness/target-outlook";
import type { Db } from "../index";
import { getClaims } from "./get-claims";
import { getReadiness } from "./get-readiness";
import { getStatusSeries } from "./get-status-series";
import { loadEvents } from "./load-events";
import { loadSnapshot } from "./load-snapshot";
import { memoByHead } from "./memo-by-head";
import { recentVerifications } from "./recent-verifications";

/**
 * Everything the dashboard shows, from the program's snapshot (one fold per item); a not_found
 * AppError for an unknown slug.
 */
export async function getDashboard(db: Db, slug: string, asOf: number, knownAt: number) {
  return await memoByHead(
    db,
    `dashboard:${slug}:${asOf}:${knownAt}`,
    async () => await computeDashboard(db, slug, asOf, knownAt),
    undefined,
    (d) => d.readiness.total,
  );
}

async function computeDashboard(db: Db, slug: string, asOf: number, knownAt: number) {
  const snapshot = await loadSnapshot(db, slug, asOf, knownAt);
  const p = snapshot.program;
  const readiness = await getReadiness(db, slug, asOf, knownAt);
  const claims = (await getClaims(db, slug, asOf, knownAt)).claims;
  const target = targetOutlook(readiness, slug, asOf, p.targetDate);
  const firstDates = [...snapshot.items.map((i) => i.identifiedAt), ...claims.map((c) => Date.parse(`${c.date}T00:00:00Z`))];
  return {
    program: p,
    readiness,
    headline: headlineSentence({ readiness, claims, target }),
    /** The program's earliest date: where date presets start. */
    since: firstDates.length ? Math.min(...firstDates) : null,
    areas: countByArea(snapshot.listed),
    /** Each listed item's title by key, for the lists that name items. */
    titles: new Map(snapshot.listed.map((i) => [i.key, i.title])),
    series: await getStatusSeries(db, slug, asOf, knownAt),
    claims,
    events: await loadEvents(db, p.id),
    recent: await recentVerifications(db, p.id, asOf, knownAt),
  };
}
export type Dashboard = Awaited<ReturnType<typeof computeDashboard>>;
