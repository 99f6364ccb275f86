import type { ItemWithStatus } from "@/lib/compute-item-statuses";
import type { ListedItem } from "@/lib/items/item-query";
import type { Status } from "@/lib/status";
import { endOfToday } from "@/lib/time";
import type { Db } from "../index";
import { loadSnapshot } from "./load-snapshot";

export interface StatusToday {
  trueStatus: Status;
  reportedStatus: Status;
  blocked: boolean;
  inflated: boolean;
}

/**
 * Looks up items' statuses today across programs, each program's (memoised) snapshot loaded once
 * for all the lookups of one answer.
 */
export function statusesToday(db: Db, now: number): (program: string, item: string) => Promise<StatusToday> {
  const today = endOfToday(now);
  const programs = new Map<string, Promise<{ listed: Map<string, ListedItem>; all: Map<string, ItemWithStatus> }>>();
  const programOf = (slug: string) => {
    if (!programs.has(slug))
      programs.set(
        slug,
        loadSnapshot(db, slug, today, today).then((s) => ({ listed: new Map(s.listed.map((i) => [i.key, i])), all: new Map(s.statuses.map((i) => [i.key, i])) })),
      );
    return programs.get(slug)!;
  };
  return async (program, item) => {
    const { listed, all } = await programOf(program);
    // An item identified after today is outside the program: its status, but no flags.
    const flagged = listed.get(item);
    const status = flagged ?? all.get(item);
    return {
      trueStatus: status?.trueStatus ?? "not_started",
      reportedStatus: status?.reportedStatus ?? "not_started",
      blocked: flagged?.blocked ?? false,
      inflated: flagged?.inflated ?? false,
    };
  };
}
