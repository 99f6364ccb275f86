import type { ListedItem } from "../items/item-query";
import { emptyStatusCounts, type Status } from "../status";

export interface AreaCounts {
  area: string;
  total: number;
  true: Record<Status, number>;
  reported: Record<Status, number>;
  inflated: number;
  blocked: number;
}

/** Status by area (true and reported), areas in alphabetical order. */
export function countByArea(items: readonly ListedItem[]): AreaCounts[] {
  const byArea = new Map<string, AreaCounts>();
  for (const i of items) {
    let a = byArea.get(i.area);
    if (!a) {
      a = { area: i.area, total: 0, true: emptyStatusCounts(), reported: emptyStatusCounts(), inflated: 0, blocked: 0 };
      byArea.set(i.area, a);
    }
    a.total++;
    a.true[i.trueStatus]++;
    a.reported[i.reportedStatus]++;
    if (i.inflated) a.inflated++;
    if (i.blocked) a.blocked++;
  }
  return [...byArea.values()].sort((x, y) => x.area.localeCompare(y.area, "en"));
}
