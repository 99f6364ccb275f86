import { computeItemStatuses } from "@/lib/compute-item-statuses";
import { AppError } from "@/lib/errors";
import { filterItems, itemQuerySchema, listItems, type ItemQuery } from "@/lib/items/item-query";
import type { HistoryItem } from "@/lib/program-history";
import { endOfToday, toInstant } from "@/lib/time";
import { parseInput } from "@/lib/validations/parse-input";
import type { Db } from "../index";
import { loadProgramHistory } from "./load-program-history";
import { memoByHead } from "./memo-by-head";

/**
 * Every item's status at (asOf, knownAt), those identified later included: one fold per item,
 * memoised; after a write only the items it touched are folded again.
 */
export function itemStatuses(db: Db, slug: string, items: readonly HistoryItem[], asOf: number, knownAt: number) {
  return memoByHead(
    db,
    `statuses:${slug}:${asOf}:${knownAt}`,
    () => computeItemStatuses(items, asOf, knownAt),
    (previous) => computeItemStatuses(items, asOf, knownAt, previous),
  );
}

/** The items in the program at asOf, with blocked and inflated marked, memoised. */
export function listedItems(db: Db, slug: string, items: readonly HistoryItem[], asOf: number, knownAt: number) {
  return memoByHead(db, `listed:${slug}:${asOf}:${knownAt}`, () => listItems(itemStatuses(db, slug, items, asOf, knownAt)));
}

export function parseItemQuery(params: Record<string, string | undefined>): ItemQuery {
  return parseInput(itemQuerySchema, params, "query");
}

/** The items list at (asOf, knownAt), filtered, sorted and paged — for the API, the page and the CSV. */
export function queryItems(db: Db, slug: string, q: ItemQuery, now = Date.now()) {
  const history = loadProgramHistory(db, slug);
  if (!history) throw new AppError("not_found", `no program "${slug}"`);
  const asOf = q.asOf ? toInstant(q.asOf, "end") : endOfToday(now);
  const knownAt = q.knownAt ? toInstant(q.knownAt, "end") : endOfToday(now);
  const listed = listedItems(db, slug, history.items, asOf, knownAt);
  return { program: history.program, asOf, knownAt, all: listed, ...filterItems(listed, q) };
}
