import type { SignalMetric } from "../bundle/bundle-schema";

export interface Thresholds {
  testCoveragePct: number;
  unvettedCrates: number;
  crashOwnerRegistered: boolean;
}

/** A program's thresholds, in the order the API and the bundle write them. */
export function thresholdsOf(p: Thresholds): Thresholds {
  return { testCoveragePct: p.testCoveragePct, unvettedCrates: p.unvettedCrates, crashOwnerRegistered: p.crashOwnerRegistered };
}

export interface SignalPoint {
  item: string;
  metric: SignalMetric;
  value: number;
  measuredAt: number;
}

export interface QualityBreach {
  key: string;
  metric: SignalMetric;
  value: number;
  threshold: string;
  measuredAt: number;
}

/** DESIGN §5: items breaching a program threshold on their latest signal measured by `asOf`. */
export function qualityBreaches(signals: readonly SignalPoint[], thresholds: Thresholds, asOf: number): QualityBreach[] {
  const latest = new Map<string, SignalPoint>();
  for (const s of signals) {
    if (s.measuredAt > asOf) continue;
    const id = `${s.item}\u0000${s.metric}`;
    const seen = latest.get(id);
    if (!seen || s.measuredAt >= seen.measuredAt) latest.set(id, s);
  }
  const breaches: QualityBreach[] = [];
  for (const s of latest.values()) {
    const threshold = breachOf(s, thresholds);
    if (threshold) breaches.push({ key: s.item, metric: s.metric, value: s.value, threshold, measuredAt: s.measuredAt });
  }
  return breaches.sort((a, b) => (a.key === b.key ? a.metric.localeCompare(b.metric) : a.key < b.key ? -1 : 1));
}

function breachOf(s: SignalPoint, t: Thresholds): string | null {
  if (s.metric === "test_coverage_pct" && s.value < t.testCoveragePct) return `>= ${t.testCoveragePct}`;
  if (s.metric === "unvetted_crates" && s.value > t.unvettedCrates) return `<= ${t.unvettedCrates}`;
  if (s.metric === "crash_owner_registered" && t.crashOwnerRegistered && s.value !== 1) return "= 1";
  return null;
}
