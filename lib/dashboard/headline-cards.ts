import { formatPercentFloor, formatWeeks } from "../format";
import type { Readiness } from "../readiness/compute-readiness";
import { startedCount } from "../status";

/** One figure of the dashboard's headline: what it is, its value, and the item filter behind it. */
export interface HeadlineCard {
  id: string;
  label: string;
  /** What the figure counts, in words: shown on demand beside the label. */
  definition: string;
  value: string;
  sub?: string;
  /** Bad news: the sub-line says what is wrong, and is drawn in red. */
  bad?: boolean;
  /** The items list's query that lists what the figure counts. */
  filter?: Record<string, string>;
  /** For a figure that is not a count of items: the dashboard panel that shows how it was reached. */
  panel?: string;
}

/** The gap between reported and verified, in words: what the reader would otherwise compute. */
function gap(reported: number, verified: number): string {
  return reported > verified ? `${reported - verified} more than verified` : "no more than verified";
}

/** Verified against reported, and what stands in the way: the eight figures seen first. */
export function headlineCards(r: Readiness): HeadlineCard[] {
  const verified = startedCount(r.byStatus.true, r.total);
  const reported = startedCount(r.byStatus.reported, r.total);
  const ofAll = (n: number) => `${n} / ${r.total}`;
  return [
    {
      id: "done",
      label: "Done (verified)",
      definition: "Items whose true status is done: the done transition carries a 100 % deployment and a second person verified it. No partial credit.",
      value: ofAll(r.done),
      sub: `readiness ${formatPercentFloor(r.readiness)} · effort ${formatPercentFloor(r.effortReadiness)}`,
      filter: { status: "done" },
    },
    {
      id: "reported-done",
      label: "Done (reported)",
      definition: "Items whose latest reported status is done, verified or not.",
      value: ofAll(r.reportedDone),
      sub: gap(r.reportedDone, r.done),
      bad: r.reportedDone > r.done,
      filter: { reportedStatus: "done" },
    },
    {
      id: "started",
      label: "Started (verified)",
      definition: "Items whose true status is past not started: a second person verified a move to design or beyond.",
      value: ofAll(verified),
      sub: `${r.byStatus.true.not_started} not started`,
      filter: { started: "1" },
    },
    {
      id: "reported-started",
      label: "Started (reported)",
      definition: "Items whose latest reported status is past not started, verified or not.",
      value: ofAll(reported),
      sub: gap(reported, verified),
      bad: reported > verified,
      filter: { reportedStarted: "1" },
    },
    {
      id: "inflated",
      label: "Inflated",
      definition: "Items whose reported status is above their true (verified) status.",
      value: String(r.inflated.length),
      sub: "reported ahead of the evidence",
      bad: r.inflated.length > 0,
      filter: { inflated: "1" },
    },
    { id: "blocked", label: "Blocked", definition: "Items not done with at least one dependency not done (true status).", value: String(r.blocked.length), filter: { blocked: "1" } },
    {
      id: "critical",
      label: "Critical path",
      definition:
        "The longest dependency chain weighted by the estimates of items not done. The program cannot finish before asOf + this many weeks, even with unlimited staff.",
      value: formatWeeks(r.criticalPath.remainingWeeks),
      sub: `no earlier than ${r.earliestByDependencies}`,
      panel: "critical-path",
    },
    {
      id: "forecast",
      label: "Forecast (P85)",
      definition: "Monte Carlo on the verified completions of the last 12 ISO weeks; the honest date is the later of P85 and the critical path's earliest date.",
      value: r.forecast.date ?? "none",
      sub: r.forecast.date ? `P50 ${r.forecast.p50} · P95 ${r.forecast.p95}` : "no verified throughput",
      panel: "forecast",
    },
  ];
}
