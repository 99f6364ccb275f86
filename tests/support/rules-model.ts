/**
 * Shared by the rule tests: random small programs (random DAGs, random bitemporal histories) and a
 * deliberately naive model of DESIGN §4–§6, written from the DESIGN text, not from lib/.
 * Not a test file itself (vitest only picks up *.test.ts).
 */
import fc from "fast-check";
import type { ClaimLink } from "@/lib/claims/claim-verdict";
import type { ClaimRecord } from "@/lib/claims/evaluate-claims";
import type { FoldTransition } from "@/lib/fold-item-status";
import type { ItemWithTransitions } from "@/lib/item-with-transitions";
import type { Status } from "@/lib/status";

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
/** Monday 2024-07-01 00:00 UTC; random instants span the 2024/2025 ISO-year boundary. */
export const BASE = Date.UTC(2024, 6, 1);

/** DESIGN §3, lowest first (an independent copy of the ladder). */
export const LADDER: readonly Status[] = ["not_started", "design", "build", "validate", "rollout", "done"];
export const lvl = (s: Status) => LADDER.indexOf(s);

/** A `YYYY-MM-DD` as start of day (effectiveAt, recordedAt, identifiedAt...). */
export const startOf = (date: string) => Date.parse(`${date}T00:00:00.000Z`);
/** A `YYYY-MM-DD` as end of day (asOf, knownAt). */
export const endOf = (date: string) => startOf(date) + DAY - 1;
export const ymd = (ms: number) => new Date(ms).toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------

/** Multiples of 0.5 add up exactly in binary floating point. */
export const estimateArb = fc.constantFrom(0.5, 1, 1.5, 2, 2.5, 3, 5, 8, 13);

const rawTransitionArb = fc.record({
  to: fc.constantFrom<Status>(...LADDER, "done", "done"), // completions are what the rules are about
  effDay: fc.integer({ min: 0, max: 420 }),
  effHour: fc.constantFrom(0, 0, 0, 12, 23),
  recordDelay: fc.constantFrom(0, 0, HOUR, DAY, 3 * DAY, 20 * DAY, 90 * DAY),
  verifyDelay: fc.option(fc.constantFrom(0, HOUR, DAY, 5 * DAY, 40 * DAY), { freq: 3 }),
});

const rawItemArb = fc.record({
  identDay: fc.integer({ min: -60, max: 300 }),
  estimateWeeks: estimateArb,
  owner: fc.option(fc.constant("owner@example.com"), { freq: 4 }),
  deps: fc.array(fc.nat(), { maxLength: 3 }),
  transitions: fc.array(rawTransitionArb, { maxLength: 6 }),
});

/**
 * A random program of up to `max` items. Item i may depend only on items 0..i-1 (a DAG), and the
 * keys are a random permutation, so key order and dependency order are unrelated.
 */
export function programArb(max = 8): fc.Arbitrary<ItemWithTransitions[]> {
  return fc
    .integer({ min: 0, max })
    .chain((n) =>
      fc.tuple(
        fc.array(rawItemArb, { minLength: n, maxLength: n }),
        fc.shuffledSubarray(
          Array.from({ length: n }, (_, i) => `K${String.fromCharCode(65 + i)}`),
          { minLength: n, maxLength: n },
        ),
      ),
    )
    .map(([raw, keys]) => {
      let recorded = 0;
      return raw.map((r, i): ItemWithTransitions => {
        const dependsOn = i === 0 ? [] : [...new Set(r.deps.map((d) => keys[d % i]!))];
        return {
          key: keys[i]!,
          title: keys[i]!,
          area: "Area",
          owner: r.owner,
          ownerName: r.owner,
          team: "",
          estimateWeeks: r.estimateWeeks,
          identifiedAt: BASE + r.identDay * DAY,
          dependsOn,
          transitions: r.transitions.map((t): FoldTransition => {
            const effectiveAt = BASE + t.effDay * DAY + t.effHour * HOUR;
            const recordedAt = effectiveAt + t.recordDelay;
            return {
              to: t.to,
              effectiveAt,
              recordedAt,
              recordingOrder: ++recorded,
              verificationRecordedAt: t.verifyDelay === null ? null : recordedAt + t.verifyDelay,
            };
          }),
        };
      });
    });
}

/** An instant in the generated range: mostly an end of day, sometimes any millisecond. */
export const instantArb = fc.oneof(
  fc.integer({ min: -30, max: 480 }).map((d) => BASE + d * DAY + DAY - 1),
  fc.integer({ min: -30 * 24, max: 480 * 24 }).map((h) => BASE + h * HOUR),
);

// ---------------------------------------------------------------------------------------------
// The naive model (DESIGN §4–§6)
// ---------------------------------------------------------------------------------------------

export interface ModelItem {
  key: string;
  inProgram: boolean;
  reported: number;
  true: number;
  /** effectiveAt of every time the true status became done (by a verified transition). */
  becameDone: number[];
}

/** DESIGN §4 for one item. */
export function modelItem(item: ItemWithTransitions, asOf: number, knownAt: number): ModelItem {
  const seen = item.transitions
    .filter((t) => t.recordedAt <= knownAt)
    .filter((t) => t.effectiveAt <= asOf)
    .slice()
    .sort((a, b) => {
      if (a.effectiveAt !== b.effectiveAt) return a.effectiveAt < b.effectiveAt ? -1 : 1;
      if (a.recordedAt !== b.recordedAt) return a.recordedAt < b.recordedAt ? -1 : 1;
      return a.recordingOrder < b.recordingOrder ? -1 : 1;
    });
  let current = 0;
  const becameDone: number[] = [];
  for (const t of seen) {
    const target = lvl(t.to);
    if (target < current) {
      current = target; // bad news needs no verification
    } else if (target > current) {
      const verifiedVisible = t.verificationRecordedAt !== null && t.verificationRecordedAt <= knownAt;
      if (verifiedVisible) {
        current = target;
        if (target === 5) becameDone.push(t.effectiveAt);
      }
    }
  }
  return {
    key: item.key,
    inProgram: item.identifiedAt <= asOf,
    reported: seen.length === 0 ? 0 : lvl(seen[seen.length - 1]!.to),
    true: current,
    becameDone,
  };
}

/** Brute force: every dependency chain, the heaviest sum of not-done weights (DESIGN §5). */
export function bruteForceLongest(nodes: readonly { key: string; dependsOn: readonly string[]; weight: number }[]): number {
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  let best = 0;
  const walk = (key: string, acc: number) => {
    const node = byKey.get(key)!;
    const total = acc + node.weight;
    if (total > best) best = total;
    for (const dep of node.dependsOn) if (byKey.has(dep)) walk(dep, total);
  };
  for (const n of nodes) walk(n.key, 0);
  return best;
}

/** Monday 00:00 UTC of the ISO week containing t (1970-01-01 was a Thursday). */
export function mondayOf(t: number): number {
  const days = Math.floor(t / DAY);
  const sinceMonday = (((days + 3) % 7) + 7) % 7;
  return (days - sinceMonday) * DAY;
}

/** `YYYY-Www` of the ISO week starting on `monday`: the year of its Thursday. */
export function isoLabel(monday: number): string {
  const thursday = monday + 3 * DAY;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

export interface ModelReadiness {
  total: number;
  done: number;
  readiness: number;
  effortReadiness: number;
  byTrue: Record<Status, number>;
  byReported: Record<Status, number>;
  inflated: { key: string; reported: Status; true: Status }[];
  blocked: string[];
  remainingWeeks: number;
  earliestByDependencies: string;
  /** Items (counted once per week) whose true status became done in each of the 12 weeks. */
  sample: { week: string; done: number }[];
}

const zeroCounts = () => Object.fromEntries(LADDER.map((s) => [s, 0])) as Record<Status, number>;

export function modelReadiness(items: readonly ItemWithTransitions[], asOf: number, knownAt: number): ModelReadiness {
  const inProgram = items.filter((i) => i.identifiedAt <= asOf);
  const status = new Map(inProgram.map((i) => [i.key, modelItem(i, asOf, knownAt)]));
  const isDone = (key: string) => status.get(key)!.true === 5;
  const total = inProgram.length;
  const doneItems = inProgram.filter((i) => isDone(i.key));
  let allEffort = 0;
  for (const i of inProgram) allEffort += i.estimateWeeks;
  let doneEffort = 0;
  for (const i of doneItems) doneEffort += i.estimateWeeks;

  const byTrue = zeroCounts();
  const byReported = zeroCounts();
  for (const s of status.values()) {
    byTrue[LADDER[s.true]!]++;
    byReported[LADDER[s.reported]!]++;
  }
  const inflated = [...status.values()]
    .filter((s) => s.reported > s.true)
    .map((s) => ({ key: s.key, reported: LADDER[s.reported]!, true: LADDER[s.true]! }));
  const blocked = inProgram
    .filter((i) => !isDone(i.key))
    .filter((i) => i.dependsOn.some((d) => status.has(d) && !isDone(d)))
    .map((i) => i.key);
  const remainingWeeks = bruteForceLongest(
    inProgram.map((i) => ({ key: i.key, dependsOn: i.dependsOn, weight: isDone(i.key) ? 0 : i.estimateWeeks })),
  );
  const asOfDay = startOf(ymd(asOf));
  const earliestByDependencies = ymd(asOfDay + Math.ceil(7 * remainingWeeks) * DAY);

  const lastMonday = mondayOf(asOf);
  const sample = [];
  for (let back = 11; back >= 0; back--) {
    const start = lastMonday - back * 7 * DAY;
    const end = start + 7 * DAY - 1;
    let count = 0;
    for (const s of status.values()) if (s.becameDone.some((t) => t >= start && t <= end && t <= asOf)) count++;
    sample.push({ week: isoLabel(start), done: count });
  }
  return {
    total,
    done: doneItems.length,
    readiness: total === 0 ? 0 : doneItems.length / total,
    effortReadiness: allEffort === 0 ? 0 : doneEffort / allEffort,
    byTrue,
    byReported,
    inflated,
    blocked,
    remainingWeeks,
    earliestByDependencies,
    sample,
  };
}

/** True when an item became done twice within one ISO week (see the throughput test in readiness.test.ts). */
export function hasDoubleCompletionInAWeek(items: readonly ItemWithTransitions[], asOf: number, knownAt: number): boolean {
  return items.some((i) => {
    const weeks = modelItem(i, asOf, knownAt).becameDone.map(mondayOf);
    return new Set(weeks).size !== weeks.length;
  });
}

export const byKey = <T extends { key: string }>(list: readonly T[]) =>
  [...list].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

/** A bare ItemWithTransitions for hand-written examples. */
export function item(key: string, fields: Partial<ItemWithTransitions> = {}): ItemWithTransitions {
  return {
    key,
    title: key,
    area: "Area",
    owner: "owner@example.com",
    ownerName: "Owner",
    team: "",
    estimateWeeks: 1,
    identifiedAt: startOf("2024-01-01"),
    dependsOn: [],
    transitions: [],
    ...fields,
  };
}

/** A claim for hand-written examples, said on `date` (start of day): only its date and links vary. */
export function claimRecord(id: string, date: string, links: ClaimLink[]): ClaimRecord {
  return {
    id,
    date: startOf(date),
    datePrecision: "day",
    dateNote: "",
    speaker: "Speaker",
    venue: "Venue",
    quote: "It already runs there.",
    quoteIsParaphrase: false,
    url: "https://example.com/claim",
    kind: "blog",
    links,
  };
}

let exampleRecorded = 0;
/** A transition for examples: dates are start of day unless a full ISO instant is given. */
export function tr(
  to: Status,
  effective: string,
  opts: { recorded?: string; verified?: string | null } = {},
): FoldTransition {
  const at = (s: string) => (s.length === 10 ? startOf(s) : Date.parse(s));
  const effectiveAt = at(effective);
  const recordedAt = opts.recorded ? at(opts.recorded) : effectiveAt;
  return {
    to,
    effectiveAt,
    recordedAt,
    recordingOrder: ++exampleRecorded,
    verificationRecordedAt: opts.verified ? at(opts.verified) : null,
  };
}
