import { AppError } from "@/lib/errors";
import { computeReadiness } from "@/lib/readiness/compute-readiness";
import type { Db } from "../index";
import { loadProgramHistory } from "./load-program-history";
import { loadSignals } from "./load-signals";

/** Readiness of a program at (asOf, knownAt): loads once, computes in lib/. */
export function getReadiness(db: Db, slug: string, asOf: number, knownAt: number) {
  const history = loadProgramHistory(db, slug);
  if (!history) throw new AppError("not_found", `no program "${slug}"`);
  const p = history.program;
  return computeReadiness({
    slug,
    items: history.items,
    signals: loadSignals(db, p.id),
    thresholds: { testCoveragePct: p.testCoveragePct, unvettedCrates: p.unvettedCrates, crashOwnerRegistered: p.crashOwnerRegistered },
    asOf,
    knownAt,
  });
}
