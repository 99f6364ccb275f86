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

/**
 * The items of one listing as the API and the CSV show them. Every row is computed for the same
 * asOf, so past the evidence horizon every one of them is illustrative (DESIGN §13) — each row
 * says so, since a row is often read alone.
 */
export function itemViewsAt(listing: { items: ListedItem[]; program: { factsUntil: number | null }; asOf: number }) {
  const illustrative = isIllustrative(listing.program.factsUntil, listing.asOf);
  return listing.items.map((i) => ({ ...toItemView(i), illustrative }));
}
