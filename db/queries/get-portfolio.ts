import { horizonMark } from "@/lib/evidence-horizon";
import { describeTargetOutlook, targetOutlook } from "@/lib/readiness/target-outlook";
import type { Db } from "../index";
import { getClaims } from "./get-claims";
import { getReadiness } from "./get-readiness";
import { listPrograms } from "./list-programs";

/**
 * Every program's headline at (asOf, knownAt): the portfolio at a glance, with the program's
 * evidence horizon and whether its figures at asOf lie past it (DESIGN §13).
 */
export async function getPortfolio(db: Db, asOf: number, knownAt: number) {
  return Promise.all((await listPrograms(db)).map(async (p) => {
    const r = await getReadiness(db, p.slug, asOf, knownAt);
    const { program, claims } = await getClaims(db, p.slug, asOf, knownAt);
    const made = claims.filter((c) => c.date <= r.asOf).sort((a, b) => a.date.localeCompare(b.date));
    const outlook = targetOutlook(r, p.slug, asOf, program.targetDate);
    return {
      slug: p.slug,
      name: p.name,
      ...horizonMark(program.factsUntil, asOf),
      total: r.total,
      done: r.done,
      reportedDone: r.reportedDone,
      inflated: r.inflated.length,
      latestClaim: made.at(-1) ?? null,
      target: outlook ? describeTargetOutlook(outlook) : null,
    };
  }));
}
