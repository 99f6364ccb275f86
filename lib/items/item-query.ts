import { z } from "zod";
import type { ItemWithStatus } from "../compute-item-statuses";
import { levelOf, statusSchema } from "../status";
import { instantStringSchema } from "../time";

const flag = z
  .enum(["1", "0", "true", "false"], { error: () => "must be 1 or 0" })
  .transform((v) => v === "1" || v === "true")
  .optional();

const ITEM_SORTS = ["key", "title", "area", "owner", "team", "estimateWeeks", "trueStatus", "reportedStatus"] as const;

/** The filters of the items list, shared by the API, the items page and its CSV download. */
export const itemQuerySchema = z.object({
  asOf: instantStringSchema.optional(),
  knownAt: instantStringSchema.optional(),
  status: statusSchema.optional(),
  reportedStatus: statusSchema.optional(),
  area: z.string().max(100).optional(),
  owner: z.string().max(254).optional(),
  team: z.string().max(200).optional(),
  q: z.string().max(200).optional(),
  blocked: flag,
  inflated: flag,
  unowned: flag,
  sort: z.enum(ITEM_SORTS, { error: () => `must be one of ${ITEM_SORTS.join(", ")}` }).default("key"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ItemQuery = z.output<typeof itemQuerySchema>;

/** An item row with what the list shows beside it. */
export interface ListedItem extends ItemWithStatus {
  blocked: boolean;
  inflated: boolean;
}

/**
 * What holds an item back (DESIGN §4): its dependencies in the program at the date that are not
 * done; none once the item itself is done. An item is blocked when the list is not empty.
 */
export function waitingOn(item: ItemWithStatus, inProgram: ReadonlyMap<string, ItemWithStatus>): string[] {
  if (item.trueStatus === "done") return [];
  return item.dependsOn.filter((k) => {
    const d = inProgram.get(k);
    return d !== undefined && d.trueStatus !== "done";
  });
}

/** Marks blocked and inflated items among those in the program at the date (DESIGN §4–§5). */
export function toListedItems(statuses: readonly ItemWithStatus[]): ListedItem[] {
  const inProgram = statuses.filter((i) => i.inProgram);
  const byKey = new Map(inProgram.map((i) => [i.key, i]));
  return inProgram.map((i) => ({
    ...i,
    blocked: waitingOn(i, byKey).length > 0,
    inflated: i.reportedLevel > i.trueLevel,
  }));
}

/** Filters and sorts (stable, then by key); returns the page and the total before paging. */
export function filterItems(items: readonly ListedItem[], q: ItemQuery): { total: number; items: ListedItem[] } {
  const text = q.q?.trim().toLowerCase();
  const matches = items.filter(
    (i) =>
      (!q.status || i.trueStatus === q.status) &&
      (!q.reportedStatus || i.reportedStatus === q.reportedStatus) &&
      (!q.area || i.area === q.area) &&
      (!q.owner || i.owner === q.owner.toLowerCase()) &&
      (!q.team || i.team === q.team) &&
      (q.blocked === undefined || i.blocked === q.blocked) &&
      (q.inflated === undefined || i.inflated === q.inflated) &&
      (q.unowned === undefined || (i.owner === null) === q.unowned) &&
      (!text || `${i.key} ${i.title}`.toLowerCase().includes(text)),
  );
  const sign = q.dir === "desc" ? -1 : 1;
  const value = (i: ListedItem): string | number => {
    if (q.sort === "trueStatus") return levelOf(i.trueStatus);
    if (q.sort === "reportedStatus") return levelOf(i.reportedStatus);
    if (q.sort === "owner") return i.ownerName ?? "";
    return i[q.sort];
  };
  const sorted = [...matches].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "en");
    return sign * c || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  });
  const page = q.limit === undefined ? sorted.slice(q.offset) : sorted.slice(q.offset, q.offset + q.limit);
  return { total: matches.length, items: page };
}

