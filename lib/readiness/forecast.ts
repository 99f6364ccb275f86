import { createHash } from "node:crypto";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { isoWeekAfter } from "../iso-week";
import { formatDate, formatDateOrInstant } from "../time";

const SAMPLE_WEEKS = 12;
export const TRIALS = 10_000;
/** A trial that has not finished after 20 years stops there: the answer is "not within 20 years". */
export const MAX_WEEKS = 1040;

export const NO_THROUGHPUT_REASON =
  "no verified completion in the last 12 weeks: at this rate the program does not finish";

export interface ThroughputWeek {
  week: string;
  done: number;
}

export interface DoneEvent {
  item: string;
  at: number;
}

/**
 * The number of items whose true status became done in each of the 12 ISO weeks ending with the
 * week that contains `asOf`. An item done twice in one week (done, rolled back, done) counts once.
 */
export function throughputSample(doneEvents: readonly DoneEvent[], asOf: number): ThroughputWeek[] {
  return Array.from({ length: SAMPLE_WEEKS }, (_, i) => {
    const week = isoWeekAfter(asOf, i - (SAMPLE_WEEKS - 1));
    const items = new Set(doneEvents.filter((e) => e.at >= week.start && e.at <= week.end && e.at <= asOf).map((e) => e.item));
    return { week: week.label, done: items.size };
  });
}

export interface Forecast {
  /** Dates (Sunday ending the ISO week) by which 50/85/95 % of trials finished; null if none. */
  p50: string | null;
  p85: string | null;
  p95: string | null;
  weeks: { p50: number | null; p85: number | null; p95: number | null } | null;
  /** The honest date: the later of P85 and earliestByDependencies; null when there is no forecast. */
  date: string | null;
  reason: string | null;
  earliestByDependencies: string;
  sample: ThroughputWeek[];
  trials: number;
}

/** A reproducible seed from the program and the date (DESIGN §6). */
export function forecastSeed(slug: string, asOf: number): number {
  return createHash("sha256").update(`${slug}|${formatDateOrInstant(asOf)}`).digest().readInt32BE(0);
}

/** The Sunday that ends the n-th ISO week after the week containing `asOf` (n = 0: that week). */
export function weeksToDate(asOf: number, n: number): string {
  return formatDate(isoWeekAfter(asOf, n).end);
}

function percentile(sorted: ArrayLike<number>, p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

/**
 * Monte Carlo on throughput (DESIGN §6): 10,000 trials drawing weekly throughput from the sample
 * with replacement until `remaining` items are done. No sample, no forecast — never an invented date.
 */
export function forecastCompletion(input: {
  slug: string;
  asOf: number;
  remaining: number;
  sample: ThroughputWeek[];
  earliestByDependencies: string;
}): Forecast {
  const { slug, asOf, remaining, sample, earliestByDependencies } = input;
  const base = { earliestByDependencies, sample, trials: 0 };
  if (remaining <= 0) {
    const now = weeksToDate(asOf, 0);
    return {
      ...base,
      p50: now,
      p85: now,
      p95: now,
      weeks: { p50: 0, p85: 0, p95: 0 },
      date: later(now, earliestByDependencies),
      reason: null,
    };
  }
  const values = sample.map((w) => w.done);
  if (values.every((v) => v === 0))
    return { ...base, p50: null, p85: null, p95: null, weeks: null, date: null, reason: NO_THROUGHPUT_REASON };

  const weeks = simulatedWeeks(slug, asOf, remaining, values);
  const toDate = (n: number | null) => (n === null ? null : weeksToDate(asOf, n));
  const p85 = toDate(weeks.p85);
  return {
    ...base,
    trials: TRIALS,
    p50: toDate(weeks.p50),
    p85,
    p95: toDate(weeks.p95),
    weeks: { ...weeks },
    date: p85 === null ? null : later(p85, earliestByDependencies),
    reason: p85 === null ? `at this rate the program does not finish within ${MAX_WEEKS / 52} years (P85)` : null,
  };
}

type Percentiles = { p50: number | null; p85: number | null; p95: number | null };
// The trials are the costly part (75 ms at 10,000 items) and depend on these four inputs only.
// Most writes leave them as they were (no item became done), so the outcomes are remembered.
const simulations = new Map<string, Float64Array>();
const MAX_SIMULATIONS = 64;

/** Weeks each trial took, ascending; Infinity for a trial that did not finish within MAX_WEEKS. */
function trialOutcomes(slug: string, asOf: number, remaining: number, values: readonly number[]): Float64Array {
  const key = `${slug}\u0000${asOf}\u0000${remaining}\u0000${values.join(",")}`;
  const known = simulations.get(key);
  if (known) return known;
  const stream = drawStream(slug, asOf, values.length);
  const outcomes = new Float64Array(TRIALS);
  let at = 0;
  for (let trial = 0; trial < TRIALS; trial++) {
    let left = remaining;
    let weeks = 0;
    while (left > 0 && weeks < MAX_WEEKS) {
      if (at === stream.length) drawMore(stream);
      left -= values[stream.draws[at++]!]!;
      weeks++;
    }
    outcomes[trial] = left > 0 ? Infinity : weeks;
  }
  outcomes.sort();
  simulations.set(key, outcomes);
  if (simulations.size > MAX_SIMULATIONS) simulations.delete(simulations.keys().next().value!);
  return outcomes;
}

// Which week of the sample each draw picks depends on the seed and the sample's length only, not
// on the sample's counts nor on how many items remain: trial after trial reads the one stream of
// draws. So the draws are kept, and when an item becomes done or undone (a new `remaining`) the
// trials are cut again from the same draws instead of drawing millions of numbers anew.
interface DrawStream {
  rng: ReturnType<typeof xoroshiro128plus>;
  range: number;
  draws: Uint8Array;
  length: number;
}
const streams = new Map<string, DrawStream>();
const MAX_STREAMS = 8;

function drawStream(slug: string, asOf: number, range: number): DrawStream {
  if (range > 256) throw new Error(`a throughput sample of ${range} weeks does not fit the kept draws`);
  const key = `${slug}\u0000${asOf}\u0000${range}`;
  const known = streams.get(key);
  if (known) {
    streams.delete(key);
    streams.set(key, known);
    return known;
  }
  const stream = { rng: xoroshiro128plus(forecastSeed(slug, asOf)), range, draws: new Uint8Array(1 << 16), length: 0 };
  streams.set(key, stream);
  if (streams.size > MAX_STREAMS) streams.delete(streams.keys().next().value!);
  return stream;
}

function drawMore(stream: DrawStream): void {
  if (stream.length === stream.draws.length) {
    const grown = new Uint8Array(stream.draws.length * 2);
    grown.set(stream.draws);
    stream.draws = grown;
  }
  const end = stream.draws.length;
  for (let i = stream.length; i < end; i++) stream.draws[i] = uniformInt(stream.rng, 0, stream.range - 1);
  stream.length = end;
}

function simulatedWeeks(slug: string, asOf: number, remaining: number, values: readonly number[]): Percentiles {
  const outcomes = trialOutcomes(slug, asOf, remaining, values);
  const weeksAt = (p: number) => {
    const n = percentile(outcomes, p);
    return Number.isFinite(n) ? n : null;
  };
  return { p50: weeksAt(0.5), p85: weeksAt(0.85), p95: weeksAt(0.95) };
}

/**
 * The share of the same trials the forecast draws that finish within `weeks` ISO weeks after the
 * week of `asOf` (0 when no verified throughput: at that rate nothing finishes).
 */
export function shareFinishedWithin(input: { slug: string; asOf: number; remaining: number; sample: readonly ThroughputWeek[]; weeks: number }): number {
  const { slug, asOf, remaining, sample, weeks } = input;
  if (remaining <= 0) return 1;
  const values = sample.map((w) => w.done);
  if (weeks < 1 || values.every((v) => v === 0)) return 0;
  const outcomes = trialOutcomes(slug, asOf, remaining, values);
  let lo = 0;
  let hi = outcomes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (outcomes[mid]! <= weeks) lo = mid + 1;
    else hi = mid;
  }
  return lo / outcomes.length;
}

function later(a: string, b: string): string {
  return a > b ? a : b;
}
