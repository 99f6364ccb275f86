import { asc, eq } from "drizzle-orm";
import { formatDate } from "@/lib/time";
import type { Db } from "../index";
import { memoByHead } from "./memo-by-head";
import { events } from "../schema";

/** Dated context events of a program, for timelines. */
export function loadEvents(db: Db, programId: number) {
  return memoByHead(db, `events:${programId}`, () => readEvents(db, programId));
}

function readEvents(db: Db, programId: number) {
  return db
    .select()
    .from(events)
    .where(eq(events.programId, programId))
    .orderBy(asc(events.date))
    .all()
    .map((e) => ({ date: formatDate(e.date), title: e.title, url: e.url }));
}
