import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ItemWithTransitions } from "@/lib/item-with-transitions";
import { computeReadiness, type ReadinessInput } from "@/lib/readiness/compute-readiness";
import { NO_THROUGHPUT_REASON } from "@/lib/readiness/forecast";
import { qualityBreaches, type SignalPoint, type Thresholds } from "@/lib/readiness/quality";
import { toInstant } from "@/lib/time";
import {
  byKey,
  DAY,
  endOf,
  hasDoubleCompletionInAWeek,
  instantArb,
  item,
  LADDER,
  modelReadiness,
  programArb,
  startOf,
  tr,
} from "../support/rules-model";

const THRESHOLDS: Thresholds = { testCoveragePct: 70, unvettedCrates: 0, crashOwnerRegistered: true };

function readiness(items: ItemWithTransitions[], asOf: string | number, knownAt: string | number = "2030-01-01", signals: SignalPoint[] = []) {
  const input: ReadinessInput = {
    slug: "test",
    items,
    signals,
    thresholds: THRESHOLDS,
    asOf: typeof asOf === "string" ? toInstant(asOf, "end") : asOf,
    knownAt: typeof knownAt === "string" ? toInstant(knownAt, "end") : knownAt,
  };
  return computeReadiness(input);
}

/**
 * The hand-computed example program (asOf 2024-06-30, a Sunday, unless said otherwise):
 *
 * | key | est | deps  | history                                                     | true        | reported    |
 * |-----|-----|-------|-------------------------------------------------------------|-------------|-------------|
 * | A   | 4   |       | done 03-01 (verified 03-02)                                 | done        | done        |
 * | B   | 2   | A     | rollout 04-01 (verified)                                    | rollout     | rollout     |
 * | C   | 3   | B     | validate 04-10 (verified), done 05-01 (unverified)          | validate    | done        |
 * | D   | 1   | A, C  | — ; no owner                                                | not_started | not_started |
 * | E   | 5   |       | identified 2024-07-15 (after asOf); no owner                | —           | —           |
 * | F   | 2   | A, E  | design 05-01 (unverified)                                   | not_started | design      |
 * | G   | 2   |       | done 02-01 (verified), build 06-01 (regression, unverified) | build       | build       |
 * | H   | 1   | E     | —                                                           | not_started | not_started |
 */
function exampleProgram(): ItemWithTransitions[] {
  return [
    item("A", { estimateWeeks: 4, transitions: [tr("done", "2024-03-01", { verified: "2024-03-02" })] }),
    item("B", { estimateWeeks: 2, dependsOn: ["A"], transitions: [tr("rollout", "2024-04-01", { verified: "2024-04-02" })] }),
    item("C", {
      estimateWeeks: 3,
      dependsOn: ["B"],
      transitions: [tr("validate", "2024-04-10", { verified: "2024-04-11" }), tr("done", "2024-05-01")],
    }),
    item("D", { estimateWeeks: 1, dependsOn: ["A", "C"], owner: null, ownerName: null }),
    item("E", {
      estimateWeeks: 5,
      identifiedAt: startOf("2024-07-15"),
      owner: null,
      ownerName: null,
      // a verified completion before it was even identified: still outside the program at asOf
      transitions: [tr("done", "2024-06-20", { verified: "2024-06-21" })],
    }),
    item("F", { estimateWeeks: 2, dependsOn: ["A", "E"], transitions: [tr("design", "2024-05-01")] }),
    item("G", {
      estimateWeeks: 2,
      transitions: [tr("done", "2024-02-01", { verified: "2024-02-02" }), tr("build", "2024-06-01")],
    }),
    item("H", { estimateWeeks: 1, dependsOn: ["E"] }),
  ];
}

describe("computeReadiness: the hand-computed example", () => {
  const r = readiness(exampleProgram(), "2024-06-30");

  it("counts only items identified by asOf, and only true-done items as done", () => {
    expect(r.total).toBe(7);
    expect(r.notYetIdentified).toBe(1);
    expect(r.done).toBe(1);
    expect(r.readiness).toBe(1 / 7);
    expect(r.effortReadiness).toBe(4 / 15);
    expect(r.reportedDone).toBe(2);
  });

  it("gives no partial credit: an item at rollout counts 0 (0/100 rule)", () => {
    expect(r.byStatus.true.rollout).toBe(1);
    // B (rollout) adds nothing: only A's 4 weeks of 15 count
    expect(r.effortReadiness).toBe(4 / 15);
  });

  it("breaks down by true and by reported status", () => {
    expect(r.byStatus.true).toEqual({ not_started: 3, design: 0, build: 1, validate: 1, rollout: 1, done: 1 });
    expect(r.byStatus.reported).toEqual({ not_started: 2, design: 1, build: 1, validate: 0, rollout: 1, done: 2 });
  });

  it("lists the inflated items (reported above true)", () => {
    expect(byKey(r.inflated)).toEqual([
      { key: "C", reported: "done", true: "validate" },
      { key: "F", reported: "design", true: "not_started" },
    ]);
  });

  it("blocks only not-done items with a not-done dependency, ignoring items identified after asOf", () => {
    // B depends on A (done): not blocked. F depends on A (done) and E (not yet identified): not blocked.
    // H depends only on E: not blocked.
    expect([...r.blocked].sort()).toEqual(["C", "D"]);
  });

  it("takes the critical path over not-done weights, without the items identified after asOf", () => {
    // A(0) -> B(2) -> C(3) -> D(1) = 6; E (5 weeks) is outside the program, so E -> H (6) does not count
    expect(r.criticalPath).toEqual({ keys: ["B", "C", "D"], remainingWeeks: 6 });
    expect(r.earliestByDependencies).toBe("2024-08-11"); // 2024-06-30 + 42 days
    expect(r.forecast.earliestByDependencies).toBe("2024-08-11");
  });

  it("has no throughput in the 12 weeks to 2024-06-30 (E's completion does not count): no forecast", () => {
    expect(r.forecast.sample).toHaveLength(12);
    expect(r.forecast.sample[0]!.week).toBe("2024-W15");
    expect(r.forecast.sample[11]!.week).toBe("2024-W26");
    expect(r.forecast.sample.every((w) => w.done === 0)).toBe(true);
    expect(r.forecast.date).toBeNull();
    expect(r.forecast.reason).toBe(NO_THROUGHPUT_REASON);
    expect([r.forecast.p50, r.forecast.p85, r.forecast.p95]).toEqual([null, null, null]);
  });

  it("lists unowned items in the program only", () => {
    expect(r.quality.unowned).toEqual(["D"]); // E has no owner either, but is not in the program yet
  });

  it("at an earlier asOf the regression and the later transitions have not happened yet", () => {
    const early = readiness(exampleProgram(), "2024-03-31");
    // A and G done; everything else not started (B's rollout, C's, F's transitions are in April/May)
    expect(early.total).toBe(7);
    expect(early.done).toBe(2);
    expect(early.byStatus.true).toEqual({ not_started: 5, design: 0, build: 0, validate: 0, rollout: 0, done: 2 });
    expect(early.inflated).toEqual([]);
    // 12 weeks 2024-W02 .. 2024-W13: G done 2024-02-01 (W05), A done 2024-03-01 (W09)
    const nonZero = early.forecast.sample.filter((w) => w.done > 0);
    expect(nonZero).toEqual([
      { week: "2024-W05", done: 1 },
      { week: "2024-W09", done: 1 },
    ]);
    expect(early.forecast.reason).toBeNull();
    expect(early.forecast.date).not.toBeNull();
  });

  it("counts a verification recorded later than the transition once knownAt reaches it", () => {
    // A: done effective 2024-03-01, its verification recorded 2024-03-02
    const asOf = "2024-03-01";
    expect(readiness(exampleProgram(), asOf, "2024-03-01").done).toBe(1); // only G
    expect(readiness(exampleProgram(), asOf, "2024-03-02").done).toBe(2); // A and G
    const inflatedThen = readiness(exampleProgram(), asOf, "2024-03-01").inflated;
    expect(inflatedThen).toEqual([{ key: "A", reported: "done", true: "not_started" }]);
  });

  it("lowers the true status at once on a regression (G done -> build, unverified)", () => {
    expect(readiness(exampleProgram(), "2024-05-31").byStatus.true.done).toBe(2); // A, G
    expect(readiness(exampleProgram(), "2024-06-01").byStatus.true.done).toBe(1); // A
  });

  it("brings an item into the program on the day it is identified", () => {
    expect(readiness(exampleProgram(), "2024-07-14").total).toBe(7);
    const r15 = readiness(exampleProgram(), "2024-07-15");
    expect(r15.total).toBe(8);
    expect(r15.done).toBe(2); // E's completion counts once E is in the program
    expect([...r15.blocked].sort()).toEqual(["C", "D"]); // E done: F and H still not blocked
    expect(r15.quality.unowned).toEqual(["D", "E"]);
  });
});

describe("computeReadiness: edge cases", () => {
  it("gives zeros for an empty program, and a nothing-remaining forecast", () => {
    const r = readiness([], "2024-06-26"); // a Wednesday
    expect(r).toMatchObject({ total: 0, done: 0, readiness: 0, effortReadiness: 0, blocked: [], inflated: [] });
    expect(r.criticalPath).toEqual({ keys: [], remainingWeeks: 0 });
    expect(r.earliestByDependencies).toBe("2024-06-26");
    expect(r.forecast.weeks).toEqual({ p50: 0, p85: 0, p95: 0 });
    expect(r.forecast.p85).toBe("2024-06-30");
    expect(r.forecast.date).toBe("2024-06-30");
    expect(r.forecast.reason).toBeNull();
  });

  it("gives zeros when every item is identified after asOf", () => {
    const r = readiness([item("A", { identifiedAt: startOf("2025-01-01") })], "2024-12-31");
    expect(r).toMatchObject({ total: 0, done: 0, readiness: 0, effortReadiness: 0, notYetIdentified: 1 });
  });

  it("counts an item identified at asOf's day (start of day <= end of day)", () => {
    const r = readiness([item("A", { identifiedAt: startOf("2024-12-31") })], "2024-12-31");
    expect(r.total).toBe(1);
  });

  it("everything done: readiness 1, nothing blocked, empty critical path, forecast at the Sunday of the week", () => {
    const items = [
      item("A", { estimateWeeks: 2, transitions: [tr("done", "2024-05-01", { verified: "2024-05-02" })] }),
      item("B", { estimateWeeks: 3, dependsOn: ["A"], transitions: [tr("done", "2024-05-03", { verified: "2024-05-03" })] }),
    ];
    const r = readiness(items, "2024-06-26");
    expect(r).toMatchObject({ total: 2, done: 2, readiness: 1, effortReadiness: 1, blocked: [] });
    expect(r.criticalPath).toEqual({ keys: [], remainingWeeks: 0 });
    expect(r.forecast.weeks).toEqual({ p50: 0, p85: 0, p95: 0 });
    expect(r.forecast.date).toBe("2024-06-30");
  });

  it("turns fractional remaining weeks into whole days, rounding up: 1.5 weeks -> 11 days", () => {
    const r = readiness([item("A", { estimateWeeks: 1.5 })], "2024-06-30");
    expect(r.criticalPath.remainingWeeks).toBe(1.5);
    expect(r.earliestByDependencies).toBe("2024-07-11");
  });

  it("counts an item regressed after done in throughput for the week it became done", () => {
    const items = [
      item("A", { transitions: [tr("done", "2024-06-11", { verified: "2024-06-11" }), tr("rollout", "2024-06-20")] }),
      item("B"),
    ];
    const r = readiness(items, "2024-06-30");
    expect(r.done).toBe(0);
    expect(r.forecast.sample.find((w) => w.week === "2024-W24")!.done).toBe(1);
    expect(r.forecast.reason).toBeNull();
  });

  // DESIGN §6: "the number of ITEMS whose true status became done ... in each of the 12 ISO weeks".
  // An item verified done, rolled back and verified done again within one week is one item.
  // KNOWN FAILURE (reported): lib/fold-item-status.ts records one doneEvent per move up to done, and
  // lib/readiness/forecast.ts throughputSample counts events, so this week counts 2.
  it("counts an item that became done twice in one ISO week once in that week's throughput", () => {
    const items = [
      item("A", {
        transitions: [
          tr("done", "2024-06-10", { verified: "2024-06-10" }),
          tr("rollout", "2024-06-11"),
          tr("done", "2024-06-12", { verified: "2024-06-12" }),
        ],
      }),
      item("B"),
    ];
    const r = readiness(items, "2024-06-30");
    expect(r.forecast.sample.find((w) => w.week === "2024-W24")!.done).toBe(1);
  });
});

describe("qualityBreaches and unowned items", () => {
  const s = (item: string, metric: SignalPoint["metric"], value: number, date: string): SignalPoint => ({
    item,
    metric,
    value,
    measuredAt: startOf(date),
  });
  const signals = [
    s("A", "test_coverage_pct", 35, "2024-05-01"),
    s("A", "test_coverage_pct", 75, "2024-06-15"),
    s("B", "unvetted_crates", 3, "2024-06-01"),
    s("B", "unvetted_crates", 0, "2024-07-10"), // after asOf
    s("C", "crash_owner_registered", 0, "2024-06-01"),
    s("D", "third_party_crates", 900, "2024-06-01"), // no threshold on this metric
    s("D", "open_crash_buckets", 40, "2024-06-01"), // nor on this one
    s("E", "test_coverage_pct", 10, "2024-06-01"), // E is not in the program at asOf
  ];

  it("judges each item on its latest signal measured by asOf", () => {
    const r = readiness(exampleProgram(), "2024-06-30", "2030-01-01", signals);
    expect(r.quality.breaches.map((b) => [b.key, b.metric, b.value])).toEqual([
      ["B", "unvetted_crates", 3],
      ["C", "crash_owner_registered", 0],
    ]);
    const may = readiness(exampleProgram(), "2024-05-31", "2030-01-01", signals);
    expect(may.quality.breaches.map((b) => [b.key, b.metric, b.value])).toEqual([["A", "test_coverage_pct", 35]]);
    const july = readiness(exampleProgram(), "2024-07-20", "2030-01-01", signals);
    expect(july.quality.breaches.map((b) => [b.key, b.metric, b.value])).toEqual([
      ["C", "crash_owner_registered", 0],
      ["E", "test_coverage_pct", 10],
    ]);
  });

  it("applies the thresholds at their boundaries", () => {
    const at = endOf("2024-12-31");
    const list = [
      s("A", "test_coverage_pct", 70, "2024-06-01"),
      s("B", "test_coverage_pct", 69.9, "2024-06-01"),
      s("C", "unvetted_crates", 0, "2024-06-01"),
      s("D", "unvetted_crates", 1, "2024-06-01"),
      s("E", "crash_owner_registered", 1, "2024-06-01"),
      s("F", "crash_owner_registered", 0, "2024-06-01"),
    ];
    expect(qualityBreaches(list, THRESHOLDS, at).map((b) => b.key)).toEqual(["B", "D", "F"]);
    const lax = { testCoveragePct: 0, unvettedCrates: 5, crashOwnerRegistered: false };
    expect(qualityBreaches(list, lax, at)).toEqual([]);
  });

  it("counts a signal measured on asOf's day", () => {
    const list = [s("A", "unvetted_crates", 2, "2024-06-30")];
    expect(qualityBreaches(list, THRESHOLDS, endOf("2024-06-30"))).toHaveLength(1);
    expect(qualityBreaches(list, THRESHOLDS, endOf("2024-06-29"))).toHaveLength(0);
  });
});

describe("computeReadiness properties over random programs", () => {
  it("readiness and effortReadiness in [0,1]; done <= total; byStatus sums equal total", () => {
    fc.assert(
      fc.property(programArb(), instantArb, instantArb, (items, asOf, knownAt) => {
        const r = readiness(items, asOf, knownAt);
        expect(r.readiness).toBeGreaterThanOrEqual(0);
        expect(r.readiness).toBeLessThanOrEqual(1);
        expect(r.effortReadiness).toBeGreaterThanOrEqual(0);
        expect(r.effortReadiness).toBeLessThanOrEqual(1 + 1e-12);
        expect(r.done).toBeLessThanOrEqual(r.total);
        const sum = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
        expect(sum(r.byStatus.true)).toBe(r.total);
        expect(sum(r.byStatus.reported)).toBe(r.total);
        expect(r.byStatus.true.done).toBe(r.done);
        expect(r.total + r.notYetIdentified).toBe(items.length);
      }),
      { numRuns: 100 },
    );
  });

  it("is monotone in verified completions: adding a verified transition to done never lowers done", () => {
    fc.assert(
      fc.property(
        programArb().filter((items) => items.length > 0),
        fc.nat(),
        fc.integer({ min: 0, max: 420 }),
        fc.constantFrom(0, 12, 23),
        fc.constantFrom(0, 3_600_000, 86_400_000, 30 * 86_400_000),
        instantArb,
        instantArb,
        (items, which, effDay, hour, verifyDelay, asOf, knownAt) => {
          const target = items[which % items.length]!;
          const effectiveAt = startOf("2024-07-01") + effDay * DAY + hour * 3_600_000;
          const lastRecorded = Math.max(0, ...items.flatMap((i) => i.transitions.map((t) => t.recordingOrder)));
          const added = items.map((i) =>
            i === target
              ? {
                  ...i,
                  transitions: [
                    ...i.transitions,
                    { to: "done" as const, effectiveAt, recordedAt: effectiveAt, recordingOrder: lastRecorded + 1, verificationRecordedAt: effectiveAt + verifyDelay },
                  ],
                }
              : i,
          );
          const before = readiness(items, asOf, knownAt);
          const after = readiness(added, asOf, knownAt);
          expect(after.done).toBeGreaterThanOrEqual(before.done);
          expect(after.readiness).toBeGreaterThanOrEqual(before.readiness);
          expect(after.effortReadiness).toBeGreaterThanOrEqual(before.effortReadiness - 1e-12);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("a verified done as the latest visible transition makes that item done", () => {
    fc.assert(
      fc.property(programArb().filter((items) => items.length > 0), fc.nat(), (items, which) => {
        const target = items[which % items.length]!;
        const last = Math.max(target.identifiedAt, ...target.transitions.map((t) => Math.max(t.effectiveAt, t.recordedAt)));
        const at = last + DAY;
        const added = items.map((i) =>
          i === target
            ? { ...i, transitions: [...i.transitions, { to: "done" as const, effectiveAt: at, recordedAt: at, recordingOrder: 10_000, verificationRecordedAt: at }] }
            : i,
        );
        const asOf = at + DAY;
        const r = readiness(added, asOf, asOf);
        expect(r.blocked).not.toContain(target.key);
        expect(r.inflated.map((x) => x.key)).not.toContain(target.key);
        expect(r.done).toBeGreaterThanOrEqual(readiness(items, asOf, asOf).done);
        expect(r.done).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 100 },
    );
  });

  it("agrees with a naive model of DESIGN §4–§6 at random asOf / knownAt", () => {
    const seen = { done: 0, blocked: 0, inflated: 0, throughput: 0, outside: 0 };
    // asOf sometimes a few weeks after one of the program's own transitions, so that the
    // 12-week throughput window often holds completions
    const caseArb = programArb().chain((items) => {
      const times = items.flatMap((i) => i.transitions.map((t) => t.effectiveAt));
      const near =
        times.length === 0
          ? instantArb
          : fc.tuple(fc.constantFrom(...times), fc.integer({ min: 0, max: 60 * 24 })).map(([t, h]) => t + h * 3_600_000);
      return fc.tuple(fc.constant(items), fc.oneof(instantArb, near), fc.oneof(instantArb, near));
    });
    fc.assert(
      fc.property(caseArb, ([items, asOf, knownAt]) => {
        const r = readiness(items, asOf, knownAt);
        const m = modelReadiness(items, asOf, knownAt);
        if (m.done > 0) seen.done++;
        if (m.blocked.length > 0) seen.blocked++;
        if (m.inflated.length > 0) seen.inflated++;
        if (m.sample.some((w) => w.done > 0)) seen.throughput++;
        if (m.total < items.length) seen.outside++;
        expect(r.total).toBe(m.total);
        expect(r.done).toBe(m.done);
        expect(r.readiness).toBeCloseTo(m.readiness, 12);
        expect(r.effortReadiness).toBeCloseTo(m.effortReadiness, 12);
        expect(r.byStatus.true).toEqual(m.byTrue);
        expect(r.byStatus.reported).toEqual(m.byReported);
        expect(byKey(r.inflated)).toEqual(byKey(m.inflated));
        expect([...r.blocked].sort()).toEqual([...m.blocked].sort());
        expect(r.criticalPath.remainingWeeks).toBe(m.remainingWeeks);
        expect(r.earliestByDependencies).toBe(m.earliestByDependencies);
        // the same-week double completion is the reported discrepancy above; keep this property stable
        if (!hasDoubleCompletionInAWeek(items, asOf, knownAt)) expect(r.forecast.sample).toEqual(m.sample);
        if (m.total - m.done === 0) expect(r.forecast.weeks).toEqual({ p50: 0, p85: 0, p95: 0 });
        else if (m.sample.every((w) => w.done === 0)) {
          expect(r.forecast.date).toBeNull();
          expect(r.forecast.reason).toBe(NO_THROUGHPUT_REASON);
        }
      }),
      // 300 runs: at 150 the throughput case came up only five times in one run of many (flaky floor).
      { numRuns: 300 },
    );
    // the generator reaches the interesting cases, so the agreement is not vacuous
    for (const [what, count] of Object.entries(seen)) expect(count, what).toBeGreaterThan(5);
  });

  it("statuses counted are always on the ladder", () => {
    fc.assert(
      fc.property(programArb(), instantArb, (items, asOf) => {
        const r = readiness(items, asOf, asOf);
        expect(Object.keys(r.byStatus.true)).toEqual([...LADDER]);
        expect(Object.keys(r.byStatus.reported)).toEqual([...LADDER]);
      }),
      { numRuns: 30 },
    );
  });
});
