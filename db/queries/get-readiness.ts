import { AppError } from "@/lib/errors";
import { programBreaches, readinessFromStatuses } from "@/lib/readiness/compute-readiness";
import { limitReadinessLists } from "@/lib/readiness/limit-lists";
import type { Db } from "../index";
import { loadProgramHistory } from "./load-program-history";
import { loadSignals } from "./load-signals";
import { keepUnlessTouched, memoByHead } from "./memo-by-head";
import { itemStatuses, listedItems } from "./query-items";

/** Readiness of a program at (asOf, knownAt): loads once, computes in lib/. */
export function getReadiness(db: Db, slug: string, asOf: number, knownAt: number) {
  return memoByHead(db, `readiness:${slug}:${asOf}:${knownAt}`, () => computeFor(db, slug, asOf, knownAt));
}

/**
 * The readiness answer of the API as JSON text, lists cut to `limit` (null: whole), memoised like
 * the value: at 10,000 items serialising 2 MB on every request is what bounds readers' throughput.
 */
export function getReadinessJson(db: Db, slug: string, asOf: number, knownAt: number, limit: number | null): string {
  return memoByHead(db, `readiness-json:${slug}:${asOf}:${knownAt}:${limit}`, () =>
    JSON.stringify(limitReadinessLists(getReadiness(db, slug, asOf, knownAt), limit)),
  );
}

function computeFor(db: Db, slug: string, asOf: number, knownAt: number) {
  const history = loadProgramHistory(db, slug);
  if (!history) throw new AppError("not_found", `no program "${slug}"`);
  const p = history.program;
  const input = {
    slug,
    items: history.items,
    signals: loadSignals(db, p),
    thresholds: { testCoveragePct: p.testCoveragePct, unvettedCrates: p.unvettedCrates, crashOwnerRegistered: p.crashOwnerRegistered },
    asOf,
    knownAt,
  };
  const listed = listedItems(db, slug, history.items, asOf, knownAt);
  // Breaches depend on the signals, the thresholds and which items are in the program at asOf
  // (identifiedAt, which no edit changes) — not on transitions: most writes keep them.
  const breaches = memoByHead(
    db,
    `breaches:${slug}:${asOf}`,
    () => programBreaches(input.signals, listed, input.thresholds, asOf),
    keepUnlessTouched(slug, ["signal", "program"]),
  );
  return readinessFromStatuses(input, itemStatuses(db, slug, history.items, asOf, knownAt), { listed, breaches });
}
