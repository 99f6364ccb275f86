import { statusOverTime, type StatusPoint, type StatusSeriesOf } from "@/lib/charts/status-over-time";
import type { Db } from "../index";
import { loadProgramHistory } from "./load-program-history";
import { memoByHead } from "./memo-by-head";

async function compute(db: Db, slug: string, asOf: number, knownAt: number, previous?: StatusSeriesOf): Promise<StatusSeriesOf> {
  const { items } = await loadProgramHistory(db, slug);
  if (previous?.items === items) return previous;
  return { items, series: statusOverTime(items, asOf, knownAt, previous) };
}

/**
 * The program week by week at (asOf, knownAt) — the burn-up and cumulative-flow series — memoised
 * by log head; after a write only the share of the items it changed is taken out and put back.
 */
export async function getStatusSeries(db: Db, slug: string, asOf: number, knownAt: number): Promise<StatusPoint[]> {
  return (await memoByHead(
    db,
    `series:${slug}:${asOf}:${knownAt}`,
    async () => await compute(db, slug, asOf, knownAt),
    async (previous) => await compute(db, slug, asOf, knownAt, previous),
    (s) => s.items.length,
  )).series;
}
