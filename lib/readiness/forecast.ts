import { createHash } from "node:crypto";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { isoWeekAfter } from "../iso-week";
import { processWide } from "../process-wide";
import { formatDate, formatDateOrInstant } from "../time";
import { KeptDraws } from "./kept-draws";

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
  return countDoneByWeek(asOf, (count) => {
    for (const e of doneEvents) count(e.item, e.at);
  });
}

/** throughputSample of items with their done events, without listing the events first. */
export function throughputSampleOf(items: readonly { key: string; doneEvents: readonly number[] }[], asOf: number): ThroughputWeek[] {
  return countDoneByWeek(asOf, (count) => {
    for (const i of items) for (const at of i.doneEvents) count(i.key, at);
  });
}

// One pass over the events: after a write that moves the plan the sample is counted again, and
// twelve passes over every done event of 10,000 items took milliseconds each.
function countDoneByWeek(asOf: number, forEach: (count: (item: string, at: number) => void) => void): ThroughputWeek[] {
  const weeks = Array.from({ length: SAMPLE_WEEKS }, (_, i) => isoWeekAfter(asOf, i - (SAMPLE_WEEKS - 1)));
  const items = weeks.map(() => new Set<string>());
  const from = weeks[0]!.start;
  const to = Math.min(weeks[SAMPLE_WEEKS - 1]!.end, asOf);
  forEach((item, at) => {
    if (at < from || at > to) return;
    let w = SAMPLE_WEEKS - 1;
    while (at < weeks[w]!.start) w--;
    items[w]!.add(item);
  });
  return weeks.map((week, i) => ({ week: week.label, done: items[i]!.size }));
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
// The trials depend on these four inputs only, and most writes leave them as they were (no item
// became done), so the outcomes are remembered — once for the server: the warm-up and every
// route run their own copies of this module.
const simulations = processWide("forecast:simulations", () => new Map<string, Float64Array>());
const MAX_SIMULATIONS = 64;

/** Weeks each trial took, ascending; Infinity for a trial that did not finish within MAX_WEEKS. */
function trialOutcomes(slug: string, asOf: number, remaining: number, values: readonly number[]): Float64Array {
  const key = `${slug}\u0000${asOf}\u0000${remaining}\u0000${values.join(",")}`;
  const known = simulations.get(key);
  if (known) return known;
  const stream = drawStream(slug, asOf, values.length);
  const outcomes = new Float64Array(TRIALS);
  // A trial walks the draws until `remaining` items are done. Whole blocks of draws whose total
  // leaves it short are stepped over by their running totals (a binary search), so a trial walks
  // at most two blocks' draws instead of every week (600 weeks a trial at 10,000 items).
  let blocks = blockTotals(stream, values);
  let at = 0;
  for (let trial = 0; trial < TRIALS; trial++) {
    const limit = at + MAX_WEEKS;
    if (stream.draws.length < limit) {
      while (stream.draws.length < limit) drawMore(stream);
      blocks = blockTotals(stream, values);
    }
    const d = stream.draws;
    let left = remaining;
    let i = at;
    while (left > 0 && i < limit && i % BLOCK !== 0) left -= values[d.at(i++)]!;
    if (left > 0 && i < limit) {
      const first = i / BLOCK;
      const before = blocks[first]!;
      let lo = first;
      let hi = Math.floor(limit / BLOCK);
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (blocks[mid]! - before < left) lo = mid;
        else hi = mid - 1;
      }
      left -= blocks[lo]! - before;
      i = lo * BLOCK;
    }
    while (left > 0 && i < limit) left -= values[d.at(i++)]!;
    outcomes[trial] = left > 0 ? Infinity : i - at;
    at = i;
  }
  sortOutcomes(outcomes);
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
  draws: KeptDraws;
  /** Block totals of the draws for one sample's counts (see blockTotals). */
  totals: { values: string; sums: Float64Array; length: number } | null;
}
const streams = processWide("forecast:draw-streams", () => new Map<string, DrawStream>());
const MAX_STREAMS = 8;

function drawStream(slug: string, asOf: number, range: number): DrawStream {
  const key = `${slug}\u0000${asOf}\u0000${range}`;
  const known = streams.get(key);
  if (known) {
    streams.delete(key);
    streams.set(key, known);
    return known;
  }
  const stream = { rng: xoroshiro128plus(forecastSeed(slug, asOf)), range, draws: new KeptDraws(range), totals: null };
  streams.set(key, stream);
  if (streams.size > MAX_STREAMS) streams.delete(streams.keys().next().value!);
  return stream;
}

// Draws are made a step at a time: when one more item remains (a write reopened an item) the
// last trial needs a few more draws, and drawing millions more at once held the server for a
// quarter of a second on the next read.
const DRAW_STEP = 1 << 16;

function drawMore(stream: DrawStream): void {
  stream.draws.append(DRAW_STEP, () => uniformInt(stream.rng, 0, stream.range - 1));
}

const BLOCK = 32;

/** Sorts trial outcomes in place: whole weeks up to MAX_WEEKS, or Infinity — counted, not compared. */
function sortOutcomes(outcomes: Float64Array): void {
  const counts = new Uint32Array(MAX_WEEKS + 2); // the last slot counts Infinity
  for (const w of outcomes) counts[Number.isFinite(w) ? w : MAX_WEEKS + 1]!++;
  let at = 0;
  for (let w = 0; w < counts.length; w++) outcomes.fill(w === MAX_WEEKS + 1 ? Infinity : w, at, (at += counts[w]!));
}

/**
 * Running totals of the stream's draws under `values` (the sample's weekly counts), block by
 * block: totals[k] = the sum of the first k × BLOCK draws. Kept for the last sample, so a write
 * that moves `remaining` but not the sample reuses them; a quarter of a byte per draw.
 */
function blockTotals(stream: DrawStream, values: readonly number[]): Float64Array {
  const id = values.join(",");
  const blocks = Math.floor(stream.draws.length / BLOCK);
  let totals = stream.totals;
  if (totals === null || totals.values !== id) totals = stream.totals = { values: id, sums: new Float64Array(blocks + 1), length: 0 };
  if (totals.sums.length < blocks + 1) {
    // Doubled: the draws grow a step at a time, and a new array each step copied the totals
    // again and again.
    const grown = new Float64Array(Math.max(blocks + 1, totals.sums.length * 2));
    grown.set(totals.sums.subarray(0, totals.length + 1));
    totals.sums = grown;
  }
  const { sums } = totals;
  const { draws } = stream;
  for (let k = totals.length; k < blocks; k++) sums[k + 1] = sums[k]! + draws.sumWithin(k * BLOCK, (k + 1) * BLOCK, values);
  totals.length = blocks;
  return sums;
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
