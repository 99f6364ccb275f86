import { buildSnapshot, type Snapshot, type SnapshotInput } from "../build-snapshot";
import { countByStatus, type ItemWithStatus, type StatusCounts } from "../compute-item-statuses";
import { changedPositions } from "../changed-positions";
import { sameList } from "../same-list";
import { STATUSES, type Status } from "../status";
import { dateAfterWeeks, formatDate } from "../time";
import { criticalPath, type CriticalPath } from "./critical-path";
import { forecastCompletion, throughputSampleOf, type Forecast } from "./forecast";
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

/** Readiness with the snapshot it was computed from: what readinessOf reuses after a write. */
export interface ReadinessOfSnapshot {
  snapshot: Snapshot;
  readiness: Readiness;
}

/**
 * Readiness (DESIGN §5–§6) of a program snapshot. Given the answer for an earlier snapshot of the
 * same program at the same date, the critical path and the forecast are kept when no item's input
 * to them changed (done or not, estimate, dependencies, done events): most writes move neither.
 */
export function readinessOf(snapshot: Snapshot, previous?: ReadinessOfSnapshot): Readiness {
  if (!previous) return wholeReadiness(snapshot);
  const was = previous.snapshot;
  const sameView = was.slug === snapshot.slug && was.asOf === snapshot.asOf && was.knownAt === snapshot.knownAt;
  const changed = sameView ? changedPositions(was.listed, snapshot.listed, MAX_PATCHED) : null;
  return (changed && patchedReadiness(snapshot, previous, changed)) ?? wholeReadiness(snapshot, previous, changed);
}

/**
 * Every item walked. With the earlier answer, and the positions of the rows a write changed when
 * they are few, the plan is kept when those rows kept their plan inputs, and the throughput
 * sample when they kept their done events: then only the critical path and the forecast for the
 * new number of items left are computed again.
 */
function wholeReadiness(snapshot: Snapshot, previous?: ReadinessOfSnapshot, changed: readonly number[] | null = null): Readiness {
  const { listed: items, statuses } = snapshot;
  let done = 0;
  let doneEffort = 0;
  let totalEffort = 0;
  let reportedDone = 0;
  const blocked: string[] = [];
  const inflated: Readiness["inflated"] = [];
  const unowned: string[] = [];
  // One pass: at 10,000 items each walk over the list costs milliseconds.
  for (const i of items) {
    totalEffort += i.estimateWeeks;
    if (isDone(i)) {
      done++;
      doneEffort += i.estimateWeeks;
    }
    if (i.reportedStatus === "done") reportedDone++;
    if (i.blocked) blocked.push(i.key);
    if (i.inflated) inflated.push({ key: i.key, reported: i.reportedStatus, true: i.trueStatus });
    if (i.owner === null) unowned.push(i.key);
  }
  const plan = previous && samePlanInputs(previous.snapshot, snapshot, changed) ? previous.readiness : planOf(snapshot, done, previous, changed);
  // Lists a write left as they were stay the same arrays, so their encoded JSON is reused.
  const before = previous?.readiness;

  return {
    asOf: formatDate(snapshot.asOf),
    knownAt: formatDate(snapshot.knownAt),
    total: items.length,
    done,
    readiness: items.length === 0 ? 0 : done / items.length,
    effortReadiness: totalEffort === 0 ? 0 : doneEffort / totalEffort,
    byStatus: countByStatus(items),
    reportedDone,
    inflated: before && sameList(before.inflated, inflated, sameInflation) ? before.inflated : inflated,
    blocked: before && sameList(before.blocked, blocked) ? before.blocked : blocked,
    criticalPath: plan.criticalPath,
    earliestByDependencies: plan.earliestByDependencies,
    forecast: plan.forecast,
    quality: { breaches: snapshot.breaches, unowned: before && sameList(before.quality.unowned, unowned) ? before.quality.unowned : unowned },
    notYetIdentified: statuses.length - items.length,
  };
}

// Past this many changed rows a patch saves nothing.
const MAX_PATCHED = 64;

/**
 * The earlier answer moved by the rows a write changed, without a walk over every item; undefined
 * when the change could move a sum of estimates or the plan (an item became done or undone, an
 * estimate, a dependency or a done event changed) — those take the whole walk, whose sums are
 * added in list order, as a fresh answer's are. The inflated and unowned lists are walked again
 * only when a changed row enters or leaves one of them.
 */
function patchedReadiness(snapshot: Snapshot, previous: ReadinessOfSnapshot, changed: readonly number[]): Readiness | undefined {
  const was = previous.snapshot;
  const before = previous.readiness;
  let reportedDone = before.reportedDone;
  const counts = { true: { ...before.byStatus.true }, reported: { ...before.byStatus.reported } };
  let inflatedMoved = false;
  let unownedMoved = false;
  for (const n of changed) {
    const b = was.listed[n]!;
    const a = snapshot.listed[n]!;
    if (a.key !== b.key || isDone(a) !== isDone(b) || a.estimateWeeks !== b.estimateWeeks) return undefined;
    if (!sameList(a.dependsOn, b.dependsOn) || !sameList(a.doneEvents, b.doneEvents)) return undefined;
    reportedDone += Number(a.reportedStatus === "done") - Number(b.reportedStatus === "done");
    counts.true[b.trueStatus]--;
    counts.true[a.trueStatus]++;
    counts.reported[b.reportedStatus]--;
    counts.reported[a.reportedStatus]++;
    inflatedMoved ||= (a.inflated || b.inflated) && !(a.inflated && b.inflated && a.reportedStatus === b.reportedStatus && a.trueStatus === b.trueStatus);
    unownedMoved ||= (a.owner === null) !== (b.owner === null);
  }
  const items = snapshot.listed;
  const inflated = inflatedMoved ? items.filter((i) => i.inflated).map((i) => ({ key: i.key, reported: i.reportedStatus, true: i.trueStatus })) : before.inflated;
  const unowned = unownedMoved ? items.filter((i) => i.owner === null).map((i) => i.key) : before.quality.unowned;
  return {
    ...before,
    byStatus: sameCounts(counts, before.byStatus) ? before.byStatus : counts,
    reportedDone,
    inflated: sameList(before.inflated, inflated, sameInflation) ? before.inflated : inflated,
    // A blocked mark moves only with done-ness or dependencies, which take the whole walk.
    blocked: before.blocked,
    quality: { breaches: snapshot.breaches, unowned: sameList(before.quality.unowned, unowned) ? before.quality.unowned : unowned },
    notYetIdentified: snapshot.statuses.length - items.length,
  };
}

function sameCounts(a: StatusCounts, b: StatusCounts): boolean {
  return STATUSES.every((s) => a.true[s] === b.true[s] && a.reported[s] === b.reported[s]);
}

const isDone = (i: ItemWithStatus) => i.trueStatus === "done";

/**
 * The critical path, the date it allows and the forecast: the costly part of readiness. The
 * earlier answer's throughput sample is reused when none of the changed rows' done events moved.
 */
function planOf(snapshot: Snapshot, done: number, previous?: ReadinessOfSnapshot, changed: readonly number[] | null = null): Pick<Readiness, "criticalPath" | "earliestByDependencies" | "forecast"> {
  const items = snapshot.listed;
  const sampleKept =
    previous !== undefined &&
    changed !== null &&
    changed.every((n) => {
      const before = previous.snapshot.listed[n]!;
      return before.key === items[n]!.key && sameList(before.doneEvents, items[n]!.doneEvents);
    });
  const path = criticalPath(items.map((i) => ({ key: i.key, dependsOn: i.dependsOn, weight: isDone(i) ? 0 : i.estimateWeeks, done: isDone(i) })));
  const earliestByDependencies = dateAfterWeeks(snapshot.asOf, path.remainingWeeks);
  const forecast = forecastCompletion({
    slug: snapshot.slug,
    asOf: snapshot.asOf,
    remaining: items.length - done,
    sample: sampleKept ? previous.readiness.forecast.sample : throughputSampleOf(items, snapshot.asOf),
    earliestByDependencies,
  });
  return { criticalPath: path, earliestByDependencies, forecast };
}

/**
 * Whether the plan of `now` is the plan of `before`: same date and program, same items, each with
 * the same plan inputs. Given the positions of the rows that changed, only those are compared.
 */
function samePlanInputs(before: Snapshot, now: Snapshot, changed: readonly number[] | null): boolean {
  if (before.slug !== now.slug || before.asOf !== now.asOf || before.listed.length !== now.listed.length) return false;
  const samePlanRow = (k: number) => {
    const b = before.listed[k]!;
    const n = now.listed[k]!;
    return (
      b === n ||
      (b.key === n.key &&
        isDone(b) === isDone(n) &&
        b.estimateWeeks === n.estimateWeeks &&
        sameList(b.dependsOn, n.dependsOn) &&
        sameList(b.doneEvents, n.doneEvents))
    );
  };
  return changed ? changed.every(samePlanRow) : now.listed.every((_, k) => samePlanRow(k));
}

const sameInflation = (a: Readiness["inflated"][number], b: Readiness["inflated"][number]) => a.key === b.key && a.reported === b.reported && a.true === b.true;
