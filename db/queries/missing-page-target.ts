import { nullWhenNamesNothing } from "@/lib/errors";
import type { MissingTarget, PageTarget } from "@/lib/http/page-target";
import type { Db } from "../index";
import { findProgram } from "./get-program-or-throw";
import { findItemInProgram } from "./find-program-item";
import { findListedWeek } from "./list-report-weeks";
import { loadClaims } from "./load-claims";

/**
 * Whether the program, item, claim or week a page address names is missing, by the lookups its
 * page makes (the same functions, so the two cannot disagree on a name): null when it exists.
 * A value no database can hold (U+0000 for PostgreSQL) names nothing, as on the page.
 */
export async function missingPageTarget(db: Db, target: PageTarget, now = Date.now()): Promise<MissingTarget | null> {
  const program = await nullWhenNamesNothing(async () => await findProgram(db, target.slug));
  if (!program) return { kind: "program" };
  if (target.kind === "program") return null;
  const exists = await nullWhenNamesNothing(async () => {
    switch (target.kind) {
      case "item":
        return target.key !== null && (await findItemInProgram(db, program.id, target.key)) !== undefined;
      case "claim":
        return target.id !== null && (await loadClaims(db, program)).some((c) => c.id === target.id);
      case "week":
        return target.week !== null && (await findListedWeek(db, program.slug, target.week, now)).at >= 0;
    }
  });
  return exists ? null : { kind: target.kind, slug: program.slug };
}
