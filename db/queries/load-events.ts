import { asc, eq } from "drizzle-orm";
import { formatDate } from "@/lib/time";
import type { Db } from "../index";
import { memoByHead } from "./memo-by-head";
import { events } from "../schema";

/** Dated context events of a program, for timelines. */
export async function loadEvents(db: Db, programId: number) {
  return await memoByHead(db, `events:${programId}`, async () => await readEvents(db, programId));
}

async function readEvents(db: Db, programId: number) {
  return (await db
    .select()
    .from(events)
    .where(eq(events.programId, programId))
    .orderBy(asc(events.date)))
    .map((e) => ({ date: formatDate(e.date), title: e.title, url: e.url }));
}
