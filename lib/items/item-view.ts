import { isIllustrative } from "../evidence-horizon";
import { formatDateOrInstant } from "../time";
import type { ListedItem } from "./item-query";

/** An item as the API and the CSV show it: DESIGN's field names, dates as text. */
export function toItemView(i: ListedItem) {
  return {
    key: i.key,
    title: i.title,
    area: i.area,
    owner: i.owner,
    ownerName: i.ownerName,
    team: i.team,
    estimateWeeks: i.estimateWeeks,
    identifiedAt: formatDateOrInstant(i.identifiedAt),
    dependsOn: i.dependsOn,
    trueStatus: i.trueStatus,
    reportedStatus: i.reportedStatus,
    blocked: i.blocked,
    inflated: i.inflated,
  };
}
export type ItemView = ReturnType<typeof toItemView>;

/** Every field of a listed item as the API shows it, in its order; `fields=` picks among them. */
export const ITEM_VIEW_FIELDS = [
  "key",
  "title",
  "area",
  "owner",
  "ownerName",
  "team",
  "estimateWeeks",
  "identifiedAt",
  "dependsOn",
  "trueStatus",
  "reportedStatus",
  "blocked",
  "inflated",
  "illustrative",
] as const;
export type ItemViewField = (typeof ITEM_VIEW_FIELDS)[number];

/**
 * The items of one listing as the API and the CSV show them. Every row is computed for the same
 * asOf, so past the evidence horizon every one of them is illustrative (DESIGN §13) — each row
 * says so, since a row is often read alone.
 */
export function itemViewsAt(listing: { items: ListedItem[]; program: { factsUntil: number | null }; asOf: number }) {
  const illustrative = isIllustrative(listing.program.factsUntil, listing.asOf);
  return listing.items.map((i) => ({ ...toItemView(i), illustrative }));
}

/** The rows with only the asked fields, in the order asked (a picker needs key and title, not 13 fields). */
export function pickFields<T extends Record<ItemViewField, unknown>>(rows: readonly T[], fields: readonly ItemViewField[] | undefined) {
  if (!fields) return rows;
  return rows.map((r) => Object.fromEntries(fields.map((f) => [f, r[f]])) as Partial<T>);
}
