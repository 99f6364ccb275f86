import { eq } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/time";
import type { Db } from "../index";
import { programs } from "../schema";

/** A program's settings as the API shows them. */
export function getProgram(db: Db, slug: string) {
  const p = db.select().from(programs).where(eq(programs.slug, slug)).get();
  if (!p) throw new AppError("not_found", `no program "${slug}"`);
  return {
    slug: p.slug,
    name: p.name,
    description: p.description,
    targetDate: p.targetDate === null ? null : formatDate(p.targetDate),
    thresholds: { testCoveragePct: p.testCoveragePct, unvettedCrates: p.unvettedCrates, crashOwnerRegistered: p.crashOwnerRegistered },
    version: p.version,
  };
}
