import { z } from "zod";
import { changedPositions } from "../changed-positions";
import { sameList } from "../same-list";
import type { ItemWithStatus } from "../compute-item-statuses";
import { levelOf, statusSchema } from "../status";
import { instantStringSchema } from "../time";
import { ITEM_VIEW_FIELDS } from "./item-view";

const flag = z
  .enum(["1", "0", "true", "false"], { error: () => "must be 1 or 0" })
  .transform((v) => v === "1" || v === "true")
  .optional();

/** The page size of the items API and page when no limit is given, and the largest allowed. */
export const ITEMS_PAGE = 100;
export const MAX_ITEMS_PAGE = 1000;

export const ITEM_SORTS = ["key", "title", "area", "owner", "team", "estimateWeeks", "trueStatus", "reportedStatus"] as const;

/** The filters of the items list, shared by the API, the items page and its CSV download. */
export const itemQuerySchema = z.object({
  asOf: instantStringSchema.optional(),
  knownAt: instantStringSchema.optional(),
  status: statusSchema.optional(),
  reportedStatus: statusSchema.optional(),
  area: z.string().max(100).optional(),
  owner: z.string().max(254).optional(),
  team: z.string().max(200).optional(),
  q: z.string().max(200).optional().describe("text in the key or title, any case"),
  search: z.string().max(200).optional().describe("the same as q, for key pickers"),
  blocked: flag,
  inflated: flag,
  unowned: flag,
  started: flag.describe("1: true status past not started (a verified move to design or beyond); 0: not started"),
  reportedStarted: flag.describe("1: latest reported status past not started, verified or not; 0: not started"),
  sort: z.enum(ITEM_SORTS, { error: () => `must be one of ${ITEM_SORTS.join(", ")}` }).default("key"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  limit: z.coerce
    .number({ error: () => `must be a whole number from 1 to ${MAX_ITEMS_PAGE}` })
    .int({ error: () => `must be a whole number from 1 to ${MAX_ITEMS_PAGE}` })
    .min(1, { error: () => `must be a whole number from 1 to ${MAX_ITEMS_PAGE}` })
    .max(MAX_ITEMS_PAGE, { error: () => `must be a whole number from 1 to ${MAX_ITEMS_PAGE}` })
    .optional()
    .describe(`items per page, at most ${MAX_ITEMS_PAGE}; the API and the items page show ${ITEMS_PAGE} by default, the CSV every item`),
  offset: z.coerce
    .number({ error: () => "must be a whole number, 0 or more" })
    .int({ error: () => "must be a whole number, 0 or more" })
    .min(0, { error: () => "must be a whole number, 0 or more" })
    .default(0).describe("items to skip: the Link header's next and prev pages carry it"),
  fields: z
    .string()
    .max(500)
    .transform((s) => s.split(",").map((f) => f.trim()))
    .pipe(z.array(z.enum(ITEM_VIEW_FIELDS, { error: () => `must be a comma-separated list of ${ITEM_VIEW_FIELDS.join(", ")}` })).min(1))
    .optional()
    .describe("only these fields of each item, comma-separated, e.g. key,title"),
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
export function waitingOn(item: ItemWithStatus, inProgram: Pick<ReadonlyMap<string, ItemWithStatus>, "get">): string[] {
  if (item.trueStatus === "done") return [];
  return item.dependsOn.filter((k) => {
    const d = inProgram.get(k);
    return d !== undefined && d.trueStatus !== "done";
  });
}

const listedRow = (i: ItemWithStatus, inProgram: Pick<ReadonlyMap<string, ItemWithStatus>, "get">): ListedItem => ({
  ...i,
  blocked: waitingOn(i, inProgram).length > 0,
  inflated: i.reportedLevel > i.trueLevel,
});

/**
 * Marks blocked and inflated items among those in the program at the date (DESIGN §4–§5). Given
 * the answer for an earlier version of the same items (same order), patches it: a write changes a
 * few items, and copying 10,000 rows of twenty fields costs more than the rest of a refresh.
 */
export function toListedItems(
  statuses: readonly ItemWithStatus[],
  previous?: { statuses: readonly ItemWithStatus[]; listed: readonly ListedItem[] },
): ListedItem[] {
  const patched = previous && patchListed(statuses, previous);
  if (patched) return patched;
  const inProgram = statuses.filter((i) => i.inProgram);
  const byKey = new Map(inProgram.map((i) => [i.key, i]));
  return inProgram.map((i) => listedRow(i, byKey));
}

// Past this many changed items a patch saves nothing.
const MAX_PATCHED = 256;
// Where each key stands in a listed answer; a patched answer keeps the order, so it shares the index.
const positions = new WeakMap<readonly ListedItem[], ReadonlyMap<string, number>>();

/**
 * The earlier answer with the rows of the changed statuses made again, and — when an item became
 * done or undone — every row whose blocked mark that moves; undefined when the change could move
 * more: an item entering or leaving the program at the date, or too many changes.
 */
function patchListed(
  statuses: readonly ItemWithStatus[],
  previous: { statuses: readonly ItemWithStatus[]; listed: readonly ListedItem[] },
): ListedItem[] | undefined {
  const changedAt = changedPositions(previous.statuses, statuses, MAX_PATCHED);
  if (!changedAt) return undefined;
  const changed = new Map<string, ItemWithStatus>();
  const doneMovedKeys: string[] = [];
  let dependenciesMoved = false;
  for (const n of changedAt) {
    const now = statuses[n]!;
    const before = previous.statuses[n]!;
    if (now.key !== before.key || now.inProgram !== before.inProgram) return undefined;
    if ((now.trueStatus === "done") !== (before.trueStatus === "done")) doneMovedKeys.push(now.key);
    if (!sameList(now.dependsOn, before.dependsOn)) dependenciesMoved = true;
    changed.set(now.key, now);
  }
  let index = positions.get(previous.listed);
  if (!index) positions.set(previous.listed, (index = new Map(previous.listed.map((row, n) => [row.key, n]))));
  const at = index;
  const listed = previous.listed.slice();
  // Each dependency in the program at the date as it is now: its changed status, else its row.
  const lookup = {
    get: (k: string) => {
      const n = at.get(k);
      return n === undefined ? undefined : (changed.get(k) ?? listed[n]);
    },
  };
  for (const status of changed.values()) {
    const n = at.get(status.key);
    if (n !== undefined) listed[n] = listedRow(status, lookup);
    else if (status.inProgram) return undefined;
  }
  if (doneMovedKeys.length > 0) {
    // Only the rows that depend on an item that became done or undone can change their mark.
    let dependents = dependentsIndex.get(at);
    if (!dependents || dependenciesMoved) dependentsIndex.set(at, (dependents = dependentsOf(listed)));
    for (const key of doneMovedKeys)
      for (const n of dependents.get(key) ?? []) {
        const row = listed[n]!;
        const blocked = waitingOn(row, lookup).length > 0;
        if (blocked !== row.blocked) listed[n] = { ...row, blocked };
      }
  } else if (dependenciesMoved) dependentsIndex.delete(at);
  positions.set(listed, at);
  return listed;
}

// The rows that depend on each key, by position; shared, like the positions, by the answers
// patched from one another, and made again when a patch changes an item's dependencies.
const dependentsIndex = new WeakMap<ReadonlyMap<string, number>, ReadonlyMap<string, readonly number[]>>();

function dependentsOf(listed: readonly ListedItem[]): ReadonlyMap<string, readonly number[]> {
  const dependents = new Map<string, number[]>();
  listed.forEach((row, n) => {
    for (const k of row.dependsOn) {
      const list = dependents.get(k);
      if (list) list.push(n);
      else dependents.set(k, [n]);
    }
  });
  return dependents;
}

/** Filters and sorts (stable, then by key); returns the page and the total before paging. */
export function filterItems(items: readonly ListedItem[], q: ItemQuery): { total: number; items: ListedItem[] } {
  const text = (q.q ?? q.search)?.trim().toLowerCase();
  const matches = sortedItems(items, q.sort, q.dir).filter(
    (i) =>
      (!q.status || i.trueStatus === q.status) &&
      (!q.reportedStatus || i.reportedStatus === q.reportedStatus) &&
      (!q.area || i.area === q.area) &&
      (!q.owner || i.owner === q.owner.toLowerCase()) &&
      (!q.team || i.team === q.team) &&
      (q.blocked === undefined || i.blocked === q.blocked) &&
      (q.inflated === undefined || i.inflated === q.inflated) &&
      (q.unowned === undefined || (i.owner === null) === q.unowned) &&
      (q.started === undefined || (i.trueLevel > 0) === q.started) &&
      (q.reportedStarted === undefined || (i.reportedLevel > 0) === q.reportedStarted) &&
      (!text || `${i.key} ${i.title}`.toLowerCase().includes(text)),
  );
  const page = q.limit === undefined ? matches.slice(q.offset) : matches.slice(q.offset, q.offset + q.limit);
  return { total: matches.length, items: page };
}

// A listed array is replaced, never changed, after a write; so its orders are kept beside it and a
// page of 10,000 items filters an order sorted once instead of sorting on every request.
const orders = new WeakMap<readonly ListedItem[], Map<string, readonly ListedItem[]>>();

function sortedItems(items: readonly ListedItem[], sort: ItemQuery["sort"], dir: ItemQuery["dir"]): readonly ListedItem[] {
  let kept = orders.get(items);
  if (!kept) orders.set(items, (kept = new Map()));
  const name = `${sort} ${dir}`;
  let sorted = kept.get(name);
  if (!sorted) kept.set(name, (sorted = sortItems(items, sort, dir)));
  return sorted;
}

function sortItems(items: readonly ListedItem[], sort: ItemQuery["sort"], dir: ItemQuery["dir"]): ListedItem[] {
  const sign = dir === "desc" ? -1 : 1;
  const value = (i: ListedItem): string | number => {
    if (sort === "trueStatus") return levelOf(i.trueStatus);
    if (sort === "reportedStatus") return levelOf(i.reportedStatus);
    if (sort === "owner") return i.ownerName ?? "";
    return i[sort];
  };
  return [...items].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "en");
    return sign * c || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  });
}
