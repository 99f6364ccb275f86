/**
 * After a write readiness is moved by the rows that changed instead of walked again over every
 * item; whatever the writes, the answer must equal the one computed whole (DESIGN §5–§6).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildSnapshot, type Snapshot } from "@/lib/build-snapshot";
import type { ItemWithTransitions } from "@/lib/item-with-transitions";
import { readinessOf, type Readiness } from "@/lib/readiness/compute-readiness";
import { statusAt } from "@/lib/status";

const N = 8;
const DAY = 86_400_000;
const AS_OF = 400 * DAY;
// Within the forecast's 12 sampled weeks, so done events move it.
const T0 = AS_OF - 40 * DAY;

/** An item's state as a write leaves it: true and reported levels, owner, estimate, dependencies. */
interface State {
  trueLevel: number;
  extra: number; // the reported status is this many levels above the true one
  owned: boolean;
  /** Done once before, then rolled back to the true level: a done event stays in the history. */
  wasDone: boolean;
  estimate: number;
  dependsOn: number[];
}

const stateArb = (i: number): fc.Arbitrary<State> =>
  fc.record({
    trueLevel: fc.integer({ min: 0, max: 5 }),
    extra: fc.integer({ min: 0, max: 2 }),
    owned: fc.boolean(),
    wasDone: fc.boolean(),
    estimate: fc.constantFrom(1, 2, 0.5),
    dependsOn: fc.uniqueArray(fc.nat(Math.max(0, i - 1)), { maxLength: i === 0 ? 0 : 2 }),
  });

function itemOf(i: number, s: State): ItemWithTransitions {
  const reported = Math.min(5, s.trueLevel + s.extra);
  const transitions = [];
  if (s.wasDone) transitions.push({ to: statusAt(5), effectiveAt: T0 + i, recordedAt: T0 + i, recordingOrder: 0, verificationRecordedAt: T0 + DAY });
  // A verified move to the true level, then an unverified report above it.
  if (s.trueLevel > 0 && !(s.wasDone && s.trueLevel === 5)) transitions.push({ to: statusAt(s.trueLevel), effectiveAt: T0 + 10 * DAY + i, recordedAt: T0 + 10 * DAY + i, recordingOrder: 2 * i, verificationRecordedAt: T0 + 11 * DAY });
  if (reported > s.trueLevel) transitions.push({ to: statusAt(reported), effectiveAt: T0 + 20 * DAY + i, recordedAt: T0 + 20 * DAY + i, recordingOrder: 2 * i + 1, verificationRecordedAt: null });
  return {
    key: `K${i}`,
    title: `Item ${i}`,
    area: "Area",
    owner: s.owned ? "owner@example.com" : null,
    ownerName: s.owned ? "Owner" : null,
    team: "",
    estimateWeeks: s.estimate,
    identifiedAt: 0,
    targetDate: null,
    dependsOn: s.dependsOn.filter((d) => d < i).map((d) => `K${d}`),
    transitions,
  };
}

const snapshotOf = (items: ItemWithTransitions[], previous?: Snapshot) =>
  buildSnapshot({ slug: "patch", items, signals: [], thresholds: { testCoveragePct: 70, unvettedCrates: 0, crashOwnerRegistered: true }, asOf: AS_OF, knownAt: AS_OF }, previous);

describe("readiness moved by the rows a write changed", () => {
  it("equals readiness computed whole after each of many writes", () => {
    const states = fc.tuple(...Array.from({ length: N }, (_, i) => stateArb(i)));
    // A write gives one or two items a new state (most often only a status or the owner moves).
    const write = fc.array(fc.tuple(fc.nat(N - 1), fc.oneof(fc.record({ trueLevel: fc.integer({ min: 0, max: 5 }), extra: fc.integer({ min: 0, max: 2 }) }), fc.record({ trueLevel: fc.constantFrom(3, 5), wasDone: fc.constant(true) }), fc.record({ owned: fc.boolean() }), stateArb(N - 1))), { minLength: 1, maxLength: 2 });
    fc.assert(
      fc.property(states, fc.array(write, { minLength: 1, maxLength: 10 }), (initial, writes) => {
        let now: State[] = [...initial];
        let items = now.map((s, i) => itemOf(i, s));
        let snapshot = snapshotOf(items);
        let readiness: Readiness = readinessOf(snapshot);
        for (const changes of writes) {
          now = [...now];
          for (const [i, change] of changes) now[i] = { ...now[i]!, ...change };
          // Untouched items keep their objects, as the history cache does.
          const next = items.map((item, i) => (changes.some(([c]) => c === i) ? itemOf(i, now[i]!) : item));
          const nextSnapshot = snapshotOf(next, snapshot);
          const patched = readinessOf(nextSnapshot, { snapshot, readiness });
          expect(patched).toEqual(readinessOf(snapshotOf(next)));
          [items, snapshot, readiness] = [next, nextSnapshot, patched];
        }
      }),
      { numRuns: 300 },
    );
  });

  it("keeps the lists a write did not move as the same arrays, so their encoded text is reused", () => {
    const items = Array.from({ length: N }, (_, i) => itemOf(i, { trueLevel: 1, extra: i % 2, owned: i % 3 !== 0, wasDone: false, estimate: 1, dependsOn: [] }));
    const snapshot = snapshotOf(items);
    const readiness = readinessOf(snapshot);
    // K1's report rises from one unverified level above its true status to two: still inflated, another status.
    expect(readiness.inflated.find((i) => i.key === "K1")).toEqual({ key: "K1", reported: "build", true: "design" });
    const moved = items.map((item, i) => (i === 1 ? itemOf(1, { trueLevel: 1, extra: 2, owned: true, wasDone: false, estimate: 1, dependsOn: [] }) : item));
    const patched = readinessOf(snapshotOf(moved, snapshot), { snapshot, readiness });
    expect(patched.blocked).toBe(readiness.blocked);
    expect(patched.quality.unowned).toBe(readiness.quality.unowned);
    expect(patched.inflated).not.toBe(readiness.inflated);
    expect(patched.inflated.find((i) => i.key === "K1")).toEqual({ key: "K1", reported: "validate", true: "design" });
  });
});
