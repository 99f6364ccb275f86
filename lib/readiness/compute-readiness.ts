import { buildSnapshot, type Snapshot, type SnapshotInput } from "../build-snapshot";
import { countByStatus, type ItemWithStatus, type StatusCounts } from "../compute-item-statuses";
import type { Status } from "../status";
import { dateAfterWeeks, formatDate } from "../time";
import { criticalPath, type CriticalPath } from "./critical-path";
import { forecastCompletion, throughputSample, type Forecast } from "./forecast";
import type { QualityBreach } from "./quality";

/** What computeReadiness needs: a program's history, signals and thresholds at (asOf, knownAt). */
export type ReadinessInput = SnapshotInput;

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


/** Everything DESIGN §5–§6 says about a program at (asOf, knownAt), from one fold per item. */
export function computeReadiness(input: ReadinessInput): Readiness {
  return readinessOf(buildSnapshot(input));
}

/** Readiness (DESIGN §5–§6) of a program snapshot. */
export function readinessOf(snapshot: Snapshot): Readiness {
  const { listed: items, statuses } = snapshot;
  const isDone = (i: ItemWithStatus) => i.trueStatus === "done";
  const done = items.filter(isDone);
  const effort = (list: readonly ItemWithStatus[]) => list.reduce((sum, i) => sum + i.estimateWeeks, 0);
  const totalEffort = effort(items);

  const blocked = items.filter((i) => i.blocked).map((i) => i.key);
  const path = criticalPath(
    items.map((i) => ({ key: i.key, dependsOn: i.dependsOn, weight: isDone(i) ? 0 : i.estimateWeeks, done: isDone(i) })),
  );
  const asOfDate = formatDate(snapshot.asOf);
  const earliestByDependencies = dateAfterWeeks(snapshot.asOf, path.remainingWeeks);
  const forecast = forecastCompletion({
    slug: snapshot.slug,
    asOf: snapshot.asOf,
    remaining: items.length - done.length,
    sample: throughputSample(
      items.flatMap((i) => i.doneEvents.map((at) => ({ item: i.key, at }))),
      snapshot.asOf,
    ),
    earliestByDependencies,
  });

  return {
    asOf: asOfDate,
    knownAt: formatDate(snapshot.knownAt),
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
      breaches: snapshot.breaches,
      unowned: items.filter((i) => i.owner === null).map((i) => i.key),
    },
    notYetIdentified: statuses.length - items.length,
  };
}
