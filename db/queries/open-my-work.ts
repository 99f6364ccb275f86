import { transact } from "../transact";
import { markNew } from "@/lib/my-work/mark-new";
import { sinceOf } from "@/lib/my-work/since";
import { decidingChangesNothingToday, type Status } from "@/lib/status";
import { compareSortValues } from "@/lib/table-sort";
import type { Db } from "../index";
import { recordMyWorkVisit } from "../mutations/record-my-work-visit";
import type { Person } from "../schema";
import { listMentions } from "./list-mentions";
import { listMyAwaiting, type MyAwaitingRow } from "./list-my-awaiting";
import { listMyRejections } from "./list-my-rejections";
import { listOwnedItems, type OwnedItemRow } from "./list-owned-items";
import { statusesToday } from "./statuses-today";

/** An item the person owns, with its status today from the program's snapshot. */
export interface OwnedItem extends OwnedItemRow {
  trueStatus: Status;
  reportedStatus: Status;
  blocked: boolean;
  inflated: boolean;
}

export type MyWork = Awaited<ReturnType<typeof openMyWork>>;

/**
 * My work as `person` opens it: what they own, what they reported that awaits a reviewer, the
 * rejections of what they reported and the comments that mention them, each entry marked when it arrived after their previous visit.
 * Records this visit in the same transaction (IMMEDIATE: no other writer commits between the
 * moment taken as "now" and the reads), so an entry is new on exactly one visit, whatever the
 * number of tabs.
 */
export async function openMyWork(db: Db, person: Person, clock: () => number = Date.now) {
  const read = await transact(db, async (tx) => {
    const now = clock();
    const previous = await recordMyWorkVisit(tx, person.id, now);
    return {
      now,
      previous,
      owned: await listOwnedItems(tx, person),
      awaiting: await listMyAwaiting(tx, person),
      rejected: await listMyRejections(tx, person, now),
      mentions: await listMentions(tx, person.id),
    };
  });
  const since = sinceOf(read.previous, person.createdAt);
  return {
    now: read.now,
    since,
    owned: markNew(await withStatuses(db, read.owned, read.now), (e) => e.ownedSince, since.at),
    awaiting: markNew(await withTrueStatus(db, read.awaiting, read.now), (e) => e.recordedAt, since.at),
    rejected: markNew(read.rejected, (e) => e.rejectionRecordedAt, since.at),
    mentions: markNew(read.mentions, (e) => Date.parse(e.mentionedAt), since.at),
  };
}

/** A report awaiting a reviewer, with its item's true status today and whether deciding it would change that. */
export interface MyAwaiting extends MyAwaitingRow {
  trueStatus: Status;
  /** The item is already at `to` or past it: a decision on this report changes no status today. */
  overtaken: boolean;
}

async function withTrueStatus(db: Db, rows: readonly MyAwaitingRow[], now: number): Promise<MyAwaiting[]> {
  const statusOf = statusesToday(db, now);
  return await Promise.all(
    rows.map(async (row) => {
      const { trueStatus } = await statusOf(row.program, row.item);
      return { ...row, trueStatus, overtaken: decidingChangesNothingToday(trueStatus, row.to) };
    }),
  );
}

/** Each item's true and reported status today, blocked and inflated, from its program's (memoised) snapshot. */
async function withStatuses(db: Db, rows: readonly OwnedItemRow[], now: number): Promise<OwnedItem[]> {
  const statusOf = statusesToday(db, now);
  const items = await Promise.all(rows.map(async (row) => ({ ...row, ...(await statusOf(row.program, row.item)) })));
  return items.sort((a, b) => compareSortValues(a.programName, b.programName) || compareSortValues(a.item, b.item));
}
