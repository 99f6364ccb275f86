import { computeItemStatuses, countByStatus, type ItemWithStatus, type StatusCounts } from "../compute-item-statuses";
import { listItems, type ListedItem } from "../items/item-query";
import type { HistoryItem } from "../program-history";
import type { Status } from "../status";
import { formatDate } from "../time";
import { criticalPath, type CriticalPath } from "./critical-path";
import { forecastCompletion, throughputSample, type Forecast } from "./forecast";
import { qualityBreaches, type QualityBreach, type SignalPoint, type Thresholds } from "./quality";

export interface ReadinessInput {
  slug: string;
  items: readonly HistoryItem[];
  signals: readonly SignalPoint[];
  thresholds: Thresholds;
  asOf: number;
  knownAt: number;
}

export interface Readiness {
  asOf: string;
  knownAt: string;
  total: number;
  done: number;
  /** done / total, unrounded; 0 for an empty program. */
  readiness: number;
  /** estimate of done items / estimate of all items, unrounded. */
  effortReadiness: number;
  byStatus: StatusCounts;
  reportedDone: number;
  inflated: { key: string; reported: Status; true: Status }[];
  blocked: string[];
  criticalPath: CriticalPath;
  earliestByDependencies: string;
  forecast: Forecast;
  quality: { breaches: QualityBreach[]; unowned: string[] };
  /** Items identified after asOf: outside the program at that date. */
  notYetIdentified: number;
}

const DAY_MS = 86_400_000;

/** Everything DESIGN §5–§6 says about a program at (asOf, knownAt), from one fold per item. */
export function computeReadiness(input: ReadinessInput): Readiness {
  const statuses = computeItemStatuses(input.items, input.asOf, input.knownAt);
  return readinessFromStatuses(input, statuses);
}

/** Parts of the answer a caller may already hold (memoised); each must equal what would be computed. */
export interface ReadinessParts {
  listed?: readonly ListedItem[];
  breaches?: QualityBreach[];
}

/** Quality breaches (DESIGN §5) of the items in the program at asOf, on their latest signals. */
export function programBreaches(signals: readonly SignalPoint[], listed: readonly ListedItem[], thresholds: Thresholds, asOf: number): QualityBreach[] {
  const keys = new Set(listed.map((i) => i.key));
  return qualityBreaches(
    signals.filter((s) => keys.has(s.item)),
    thresholds,
    asOf,
  );
}

export function readinessFromStatuses(input: ReadinessInput, statuses: readonly ItemWithStatus[], parts: ReadinessParts = {}): Readiness {
  const items = parts.listed ?? listItems(statuses);
  const isDone = (i: ItemWithStatus) => i.trueStatus === "done";
  const done = items.filter(isDone);
  const effort = (list: readonly ItemWithStatus[]) => list.reduce((sum, i) => sum + i.estimateWeeks, 0);
  const totalEffort = effort(items);

  const blocked = items.filter((i) => i.blocked).map((i) => i.key);
  const path = criticalPath(
    items.map((i) => ({ key: i.key, dependsOn: i.dependsOn, weight: isDone(i) ? 0 : i.estimateWeeks, done: isDone(i) })),
  );
  const asOfDate = formatDate(input.asOf);
  const earliestByDependencies = formatDate(
    Date.parse(`${asOfDate}T00:00:00Z`) + Math.ceil(7 * path.remainingWeeks) * DAY_MS,
  );
  const forecast = forecastCompletion({
    slug: input.slug,
    asOf: input.asOf,
    remaining: items.length - done.length,
    sample: throughputSample(
      items.flatMap((i) => i.doneEvents.map((at) => ({ item: i.key, at }))),
      input.asOf,
    ),
    earliestByDependencies,
  });

  return {
    asOf: asOfDate,
    knownAt: formatDate(input.knownAt),
    total: items.length,
    done: done.length,
    readiness: items.length === 0 ? 0 : done.length / items.length,
    effortReadiness: totalEffort === 0 ? 0 : effort(done) / totalEffort,
    byStatus: countByStatus(items),
    reportedDone: items.filter((i) => i.reportedStatus === "done").length,
    inflated: items
      .filter((i) => i.inflated)
      .map((i) => ({ key: i.key, reported: i.reportedStatus, true: i.trueStatus })),
    blocked,
    criticalPath: path,
    earliestByDependencies,
    forecast,
    quality: {
      breaches: parts.breaches ?? programBreaches(input.signals, items, input.thresholds, input.asOf),
      unowned: items.filter((i) => i.owner === null).map((i) => i.key),
    },
    notYetIdentified: statuses.length - items.length,
  };
}
