import { asc, eq } from "drizzle-orm";
import type { SignalPoint } from "@/lib/readiness/quality";
import type { Db } from "../index";
import { items, signals, type Program } from "../schema";
import { keepUnlessTouched, memoByHead } from "./memo-by-head";

/** Every signal of a program, oldest first; kept across writes that record no signal there. */
export async function loadSignals(db: Db, program: Pick<Program, "id" | "slug">): Promise<SignalPoint[]> {
  return await memoByHead(db, `signals:${program.id}`, async () => await readSignals(db, program.id), keepUnlessTouched(program.slug, ["signal"]));
}

async function readSignals(db: Db, programId: number): Promise<SignalPoint[]> {
  return await db
    .select({ item: items.key, metric: signals.metric, value: signals.value, measuredAt: signals.measuredAt })
    .from(signals)
    .innerJoin(items, eq(signals.itemId, items.id))
    .where(eq(items.programId, programId))
    .orderBy(asc(signals.measuredAt), asc(signals.id));
}
