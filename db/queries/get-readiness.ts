import { AppError } from "@/lib/errors";
import { readinessFromStatuses } from "@/lib/readiness/compute-readiness";
import type { Db } from "../index";
import { loadProgramHistory } from "./load-program-history";
import { loadSignals } from "./load-signals";
import { memoByHead } from "./memo-by-head";
import { itemStatuses } from "./query-items";

/** Readiness of a program at (asOf, knownAt): loads once, computes in lib/. */
export function getReadiness(db: Db, slug: string, asOf: number, knownAt: number) {
  return memoByHead(db, `readiness:${slug}:${asOf}:${knownAt}`, () => computeFor(db, slug, asOf, knownAt));
}

function computeFor(db: Db, slug: string, asOf: number, knownAt: number) {
  const history = loadProgramHistory(db, slug);
  if (!history) throw new AppError("not_found", `no program "${slug}"`);
  const p = history.program;
  return readinessFromStatuses(
    {
      slug,
      items: history.items,
      signals: loadSignals(db, p),
      thresholds: { testCoveragePct: p.testCoveragePct, unvettedCrates: p.unvettedCrates, crashOwnerRegistered: p.crashOwnerRegistered },
      asOf,
      knownAt,
    },
    itemStatuses(db, slug, history.items, asOf, knownAt),
  );
}
