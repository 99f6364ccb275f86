import { asc, eq } from "drizzle-orm";
import type { SignalPoint } from "@/lib/readiness/quality";
import type { Db } from "../index";
import { memoByHead } from "./memo-by-head";
import { items, signals } from "../schema";

/** Every signal of a program, oldest first. */
export function loadSignals(db: Db, programId: number): SignalPoint[] {
  return memoByHead(db, `signals:${programId}`, () => readSignals(db, programId));
}

function readSignals(db: Db, programId: number): SignalPoint[] {
  return db
    .select({ item: items.key, metric: signals.metric, value: signals.value, measuredAt: signals.measuredAt })
    .from(signals)
    .innerJoin(items, eq(signals.itemId, items.id))
    .where(eq(items.programId, programId))
    .orderBy(asc(signals.measuredAt), asc(signals.id))
    .all();
}
