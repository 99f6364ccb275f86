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
