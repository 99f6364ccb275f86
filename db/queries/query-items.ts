import { computeItemStatuses } from "@/lib/compute-item-statuses";
import { AppError } from "@/lib/errors";
import { filterItems, itemQuerySchema, listItems, type ItemQuery } from "@/lib/items/item-query";
import { toInstant } from "@/lib/time";
import { parseInput } from "@/lib/validations/parse-input";
import type { Db } from "../index";
import { loadProgramHistory } from "./load-program-history";

export function parseItemQuery(params: Record<string, string | undefined>): ItemQuery {
  return parseInput(itemQuerySchema, params, "query");
}

/** The items list at (asOf, knownAt), filtered, sorted and paged — for the API, the page and the CSV. */
export function queryItems(db: Db, slug: string, q: ItemQuery, now = Date.now()) {
  const history = loadProgramHistory(db, slug);
  if (!history) throw new AppError("not_found", `no program "${slug}"`);
  const asOf = q.asOf ? toInstant(q.asOf, "end") : now;
  const knownAt = q.knownAt ? toInstant(q.knownAt, "end") : now;
  const listed = listItems(computeItemStatuses(history.items, asOf, knownAt));
  return { program: history.program, asOf, knownAt, all: listed, ...filterItems(listed, q) };
}
