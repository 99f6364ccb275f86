import { horizonMark } from "@/lib/evidence-horizon";
import { readinessOf } from "@/lib/readiness/compute-readiness";
import { limitReadinessLists } from "@/lib/readiness/limit-lists";
import type { Db } from "../index";
import { loadSnapshot } from "./load-snapshot";
import { memoByHead } from "./memo-by-head";

/** Readiness of a program at (asOf, knownAt): a pure function of its snapshot, memoised by log head. */
export function getReadiness(db: Db, slug: string, asOf: number, knownAt: number) {
  return memoByHead(db, `readiness:${slug}:${asOf}:${knownAt}`, () => readinessOf(loadSnapshot(db, slug, asOf, knownAt)));
}

/**
 * The readiness answer of the API as JSON text, lists cut to `limit` (null: whole), memoised like
 * the value: at 10,000 items serialising 2 MB on every request is what bounds readers' throughput.
 * Ends with the program's evidence horizon and whether asOf is past it (DESIGN §13).
 */
export function getReadinessJson(db: Db, slug: string, asOf: number, knownAt: number, limit: number | null): string {
  return memoByHead(db, `readiness-json:${slug}:${asOf}:${knownAt}:${limit}`, () =>
    JSON.stringify({
      ...limitReadinessLists(getReadiness(db, slug, asOf, knownAt), limit),
      ...horizonMark(loadSnapshot(db, slug, asOf, knownAt).program.factsUntil, asOf),
    }),
  );
}
