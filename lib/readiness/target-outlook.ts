import { isoWeekOf } from "../iso-week";
import { promiseState } from "../schedule/schedule";
import { formatDate } from "../time";
import type { Readiness } from "./compute-readiness";
import { shareFinishedWithin } from "./forecast";

const WEEK_MS = 7 * 86_400_000;

/** What the evidence says about a committed target date at asOf. */
export type TargetOutlook =
  | { target: string; kind: "empty" }
  | { target: string; kind: "done"; finishedBy: boolean }
  | { target: string; kind: "passed" }
  | { target: string; kind: "impossible"; earliestByDependencies: string }
  | { target: string; kind: "no_forecast" }
  | { target: string; kind: "chance"; share: number };

/**
 * Whether the program can meet `target`: first the critical path (no amount of staff finishes
 * before it), then the share of the forecast's own Monte Carlo trials that finish by the Sunday
 * ending the last whole ISO week on or before the target.
 */
export function targetOutlook(r: Readiness, slug: string, asOf: number, target: number | null): TargetOutlook | null {
  if (target === null) return null;
  const day = formatDate(target);
  const remaining = r.total - r.done;
  // No items is not a finished program: nothing has been measured against the target yet.
  if (r.total === 0) return { target: day, kind: "empty" };
  if (remaining === 0) return { target: day, kind: "done", finishedBy: r.asOf <= day };
  if (day < r.asOf) return { target: day, kind: "passed" };
  if (promiseState(r.earliestByDependencies, day) === "impossible") return { target: day, kind: "impossible", earliestByDependencies: r.earliestByDependencies };
  if (r.forecast.weeks === null && r.forecast.sample.every((w) => w.done === 0)) return { target: day, kind: "no_forecast" };
  // Trials count whole ISO weeks after the week of asOf; week n ends on that week's Sunday.
  const firstSunday = Date.parse(`${formatDate(isoWeekOf(asOf).end)}T00:00:00Z`);
  const weeks = Math.floor((Date.parse(`${day}T00:00:00Z`) - firstSunday) / WEEK_MS);
  return { target: day, kind: "chance", share: shareFinishedWithin({ slug, asOf, remaining, sample: r.forecast.sample, weeks }) };
}

/** The outlook in words, and whether it is bad news. */
export function describeTargetOutlook(o: TargetOutlook): { text: string; bad: boolean } {
  switch (o.kind) {
    case "empty":
      return { text: `no items yet, so nothing can be said about the ${o.target} target`, bad: false };
    case "done":
      return o.finishedBy
        ? { text: `every item verified done, on or before the ${o.target} target`, bad: false }
        : { text: `every item verified done, after the ${o.target} target`, bad: true };
    case "passed":
      return { text: `the ${o.target} target has passed with work left`, bad: true };
    case "impossible":
      return { text: `the ${o.target} target is impossible by dependencies (critical path ends ${o.earliestByDependencies} at the earliest)`, bad: true };
    case "no_forecast":
      return { text: `no chance can be given for the ${o.target} target without verified throughput`, bad: true };
    case "chance": {
      // Floor, as every other share here: never round up.
      const percent = Math.floor(o.share * 100);
      const words = o.share > 0 && percent === 0 ? "under 1 %" : `${percent} %`;
      return { text: `${words} chance of finishing by the ${o.target} target`, bad: o.share < 0.5 };
    }
  }
}
