import { thresholdsOf } from "@/lib/readiness/quality";
import { formatDate } from "@/lib/time";
import type { Db } from "../index";
import { getProgramOrThrow } from "./get-program-or-throw";

/** A program's settings as the API shows them. */
export async function getProgram(db: Db, slug: string) {
  const p = await getProgramOrThrow(db, slug);
  return {
    slug: p.slug,
    name: p.name,
    description: p.description,
    targetDate: p.targetDate === null ? null : formatDate(p.targetDate),
    factsUntil: p.factsUntil === null ? null : formatDate(p.factsUntil),
    thresholds: thresholdsOf(p),
    version: p.version,
  };
}
