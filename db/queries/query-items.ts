import { filterItems, itemQuerySchema, type ItemQuery } from "@/lib/items/item-query";
import { resolveAsOf } from "@/lib/validations/as-of-query";
import { parseInput } from "@/lib/validations/parse-input";
import type { Db } from "../index";
import { loadSnapshot } from "./load-snapshot";

export function parseItemQuery(params: Record<string, string | undefined>): ItemQuery {
  return parseInput(itemQuerySchema, params, "query");
}

/** The items list at (asOf, knownAt), filtered, sorted and paged — for the API, the page and the CSV. */
export async function queryItems(db: Db, slug: string, q: ItemQuery, now = Date.now()) {
  const { asOf, knownAt } = resolveAsOf(q, now);
  const { program, listed } = await loadSnapshot(db, slug, asOf, knownAt);
  return { program, asOf, knownAt, all: listed, ...filterItems(listed, q) };
}
