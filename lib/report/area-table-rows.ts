import { STATUSES, type Status } from "../status";
import type { WeeklyReport } from "./report-model";

/**
 * The counts of a status-by-area table, in column order: items, one per status, then inflated and
 * blocked (true status only). One row per area, and the row for all areas; every format shows these.
 */
export function areaTableRows(r: WeeklyReport, which: "true" | "reported") {
  const counts = (total: number, byStatus: Record<Status, number>, flags: { inflated: number; blocked: number }) => [
    total,
    ...STATUSES.map((s) => byStatus[s]),
    ...(which === "true" ? [flags.inflated, flags.blocked] : []),
  ];
  return {
    areas: r.areas.map((a) => ({ area: a.area, counts: counts(a.total, a[which], a) })),
    all: counts(r.headline.total, r.byStatus[which], r.headline),
  };
}
