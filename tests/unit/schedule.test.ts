import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildSnapshot } from "@/lib/build-snapshot";
import type { ItemWithTransitions } from "@/lib/item-with-transitions";
import { readinessOf } from "@/lib/readiness/compute-readiness";
import { promiseState, scheduleOf, type ScheduleNode } from "@/lib/schedule/schedule";
import { scheduleCoreOf, scheduleOfSnapshot } from "@/lib/schedule/schedule-of-snapshot";

const ASOF = Date.parse("2025-01-01T23:59:59.999Z");
const day = (d: string) => Date.parse(`${d}T00:00:00Z`);
const node = (key: string, estimateWeeks: number, dependsOn: string[] = [], extra: Partial<ScheduleNode> = {}): ScheduleNode => ({
  key,
  dependsOn,
  estimateWeeks,
  done: false,
  doneAt: null,
  targetDate: null,
  ...extra,
});
const byKey = (s: ReturnType<typeof scheduleOf>) => new Map(s.items.map((i) => [i.key, i]));
/** An item with its history, as the snapshot loads it. */
const historyItem = (key: string, estimateWeeks: number, dependsOn: string[] = [], extra: Partial<ItemWithTransitions> = {}): ItemWithTransitions => ({
  key,
  title: key,
  area: "a",
  owner: null,
  ownerName: null,
  team: "t",
  estimateWeeks,
  identifiedAt: day("2024-01-01"),
  dependsOn,
  transitions: [],
  ...extra,
});
const snapshotOf = (items: ItemWithTransitions[]) =>
  buildSnapshot({ slug: "p", items, signals: [], thresholds: { testCoveragePct: 0, unvettedCrates: 0, crashOwnerRegistered: false }, asOf: ASOF, knownAt: ASOF });

describe("the critical-path schedule", () => {
  it("lays a chain end to end, in weeks from asOf and in dates rounded up to whole days", () => {
    const s = scheduleOf([node("A", 2), node("B", 1.5, ["A"]), node("C", 0.1, ["B"])], ASOF, null);
    const i = byKey(s);
    expect([i.get("A")!.earliestStartWeeks, i.get("A")!.earliestFinishWeeks]).toEqual([0, 2]);
    expect([i.get("B")!.earliestStartWeeks, i.get("B")!.earliestFinishWeeks]).toEqual([2, 3.5]);
    expect(i.get("C")!.earliestFinishWeeks).toBe(3.6);
    expect(i.get("A")!.earliestStart).toBe("2025-01-01");
    expect(i.get("B")!.earliestFinish).toBe("2025-01-26"); // 24.5 days → 25
    expect(i.get("C")!.earliestFinish).toBe("2025-01-27"); // 25.2 days → 26
    expect(s.finish).toBe("2025-01-27");
    expect(s.criticalPath).toEqual(["A", "B", "C"]);
    expect([...i.values()].every((x) => x.critical)).toBe(true);
    // Nothing promised: no latest finish, no slack, no verdict.
    expect(i.get("C")).toMatchObject({ latestFinish: null, slackWeeks: null, state: "no_target", limitedBy: null });
  });

  it("starts the join of a diamond after its longer branch, and gives the shorter branch slack to a target", () => {
    const s = scheduleOf([node("A", 1), node("B", 4, ["A"]), node("C", 1, ["A"]), node("D", 1, ["B", "C"])], ASOF, day("2025-03-05"));
    const i = byKey(s);
    expect(i.get("D")!.earliestStartWeeks).toBe(5);
    expect(s.finishWeeks).toBe(6);
    expect(s.criticalPath).toEqual(["A", "B", "D"]);
    expect(i.get("C")!.critical).toBe(false);
    // The target is 9 weeks after asOf: D may finish by week 9, so C by week 8 (slack 6), B by week 8 (slack 3).
    expect(i.get("D")).toMatchObject({ latestFinishWeeks: 9, slackWeeks: 3, state: "on_track", limitedBy: { key: null, date: "2025-03-05" } });
    expect(i.get("C")).toMatchObject({ latestFinishWeeks: 8, slackWeeks: 6 });
    expect(i.get("A")).toMatchObject({ latestFinishWeeks: 4, slackWeeks: 3 });
    expect(s).toMatchObject({ target: "2025-03-05", targetState: "on_track", targetSlackWeeks: 3 });
  });

  it("gives a done dependency no weight and keeps its done date", () => {
    const s = scheduleOf([node("A", 5, [], { done: true, doneAt: day("2024-11-04") }), node("B", 2, ["A"])], ASOF, null);
    const i = byKey(s);
    expect(i.get("A")).toMatchObject({ state: "done", doneAt: "2024-11-04", earliestStart: null, earliestFinish: null });
    expect(i.get("B")).toMatchObject({ earliestStartWeeks: 0, earliestFinishWeeks: 2 });
    expect(s.finishWeeks).toBe(2);
  });

  it("weighs an item already started at its whole estimate: no partial credit", () => {
    // The schedule knows only done or not: a started item is not done.
    const s = scheduleOf([node("A", 3), node("B", 1, ["A"])], ASOF, null);
    expect(byKey(s).get("B")!.earliestStartWeeks).toBe(3);
  });

  it("calls an item's own target impossible when it ends after it, and at risk under two weeks of slack", () => {
    const s = scheduleOf(
      [node("A", 4), node("B", 1, ["A"], { targetDate: day("2025-01-29") }), node("C", 1, [], { targetDate: day("2025-01-15") })],
      ASOF,
      null,
    );
    const i = byKey(s);
    // B ends at week 5 = 2025-02-05, after its 2025-01-29 target; A inherits the bound and is impossible too.
    expect(i.get("B")).toMatchObject({ earliestFinish: "2025-02-05", state: "impossible", slackWeeks: -1, limitedBy: { key: "B", date: "2025-01-29" } });
    expect(i.get("A")).toMatchObject({ state: "impossible", slackWeeks: -1, limitedBy: { key: "B" } });
    // C ends 2025-01-08 with one week to spare.
    expect(i.get("C")).toMatchObject({ earliestFinish: "2025-01-08", slackWeeks: 1, state: "at_risk" });
  });

  it("calls the program target impossible when the critical path passes it, as the dashboard does", () => {
    const s = scheduleOf([node("A", 10)], ASOF, day("2025-02-01"));
    expect(s).toMatchObject({ finish: "2025-03-12", targetState: "impossible" });
    expect(promiseState("2025-03-12", "2025-02-01")).toBe("impossible");
    expect(promiseState("2025-03-12", "2025-03-12")).toBe("at_risk");
    expect(promiseState("2025-03-12", "2025-03-26")).toBe("on_track");
  });

  it("leaves out an item identified after asOf, and the dependencies on it", () => {
    const snapshot = snapshotOf([historyItem("A", 3, ["LATE"]), historyItem("LATE", 3, [], { identifiedAt: day("2025-06-01") })]);
    const s = scheduleOfSnapshot(snapshot, null);
    expect(s.items.map((i) => i.key)).toEqual(["A"]);
    expect(s.items[0]).toMatchObject({ earliestStartWeeks: 0, earliestFinishWeeks: 3 });
    expect(s.finish).toBe(readinessOf(snapshot).earliestByDependencies);
  });
});

/** Random acyclic graphs: an item depends only on items before it. */
const graphs = fc
  .array(fc.record({ weeks: fc.integer({ min: 0, max: 40 }).map((n) => n / 4), done: fc.boolean(), deps: fc.array(fc.nat(), { maxLength: 3 }), target: fc.option(fc.integer({ min: -10, max: 400 })) }), { maxLength: 25 })
  .map((rows) =>
    rows.map((r, i) =>
      node(`K${i}`, r.weeks, i === 0 ? [] : [...new Set(r.deps.map((d) => `K${d % i}`))], {
        done: r.done,
        doneAt: r.done ? day("2024-12-01") : null,
        targetDate: r.target === null ? null : day("2025-01-01") + r.target * 86_400_000,
      }),
    ),
  );

describe("the schedule, on any dependency graph", () => {
  it("starts every item after each dependency's earliest finish, and its largest finish is earliestByDependencies", () => {
    fc.assert(
      fc.property(graphs, (nodes) => {
        const s = scheduleOf(nodes, ASOF, null);
        const i = byKey(s);
        for (const n of nodes) {
          if (n.done) continue;
          for (const d of n.dependsOn) {
            const dep = i.get(d)!;
            if (dep.state !== "done") expect(i.get(n.key)!.earliestStartWeeks!).toBeGreaterThanOrEqual(dep.earliestFinishWeeks!);
          }
        }
        const finishes = s.items.filter((x) => x.state !== "done").map((x) => x.earliestFinishWeeks!);
        expect(Math.max(0, ...finishes)).toBe(s.finishWeeks);
        const listed = nodes.map((n) => ({ key: n.key, dependsOn: n.dependsOn, weight: n.done ? 0 : n.estimateWeeks }));
        expect(s.finishWeeks).toBe(Math.max(0, ...listed.map((n) => longest(n.key, listed))));
      }),
    );
  });

  it("gives an item its own promised day as its latest finish, and a whole number of days of work its exact earliest finish", () => {
    const dayAfter = (days: number) => new Date(day("2025-01-01") + days * 86_400_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 5000 }), (targetDays, workDays) => {
        const s = scheduleOf([node("A", workDays / 7, [], { targetDate: day(dayAfter(targetDays)) })], ASOF, null);
        const a = byKey(s).get("A")!;
        expect(a.latestFinish).toBe(dayAfter(targetDays));
        expect(a.earliestFinish).toBe(dayAfter(workDays));
      }),
    );
  });

  it("never lets a latest finish be later than a dependent's latest start, nor a promised date", () => {
    fc.assert(
      fc.property(graphs, (nodes) => {
        const i = byKey(scheduleOf(nodes, ASOF, day("2025-06-30")));
        for (const n of nodes) {
          const own = i.get(n.key)!;
          if (own.latestFinishWeeks === null) continue;
          expect(own.latestFinish! <= "2025-06-30").toBe(true);
          if (n.targetDate !== null) expect(own.latestFinishWeeks).toBeLessThanOrEqual((n.targetDate - day("2025-01-01")) / (7 * 86_400_000) + 1e-9);
          for (const d of n.dependsOn) {
            const dep = i.get(d)!;
            if (dep.latestFinishWeeks !== null) expect(dep.latestFinishWeeks).toBeLessThanOrEqual(own.latestFinishWeeks - (n.done ? 0 : n.estimateWeeks) + 1e-9);
          }
          expect(own.state === "impossible").toBe(own.slackWeeks! < 0);
        }
      }),
    );
  });
});

/** An independent model: the heaviest chain ending at `key`, by plain recursion. */
function longest(key: string, nodes: { key: string; dependsOn: readonly string[]; weight: number }[]): number {
  const n = nodes.find((x) => x.key === key)!;
  return Math.round((n.weight + Math.max(0, ...n.dependsOn.map((d) => longest(d, nodes)))) * 1e9) / 1e9;
}

describe("the schedule after a write", () => {
  const design = { to: "design" as const, effectiveAt: day("2024-12-01"), recordedAt: day("2024-12-01"), recordingOrder: 1, verificationRecordedAt: null, rejectionRecordedAt: null };

  it("keeps its answer when no date can have moved, and computes again when one can", () => {
    const item = historyItem;
    const before = scheduleCoreOf(snapshotOf([item("A", 2), item("B", 1, ["A"])]), null);
    // A report of progress below done moves no date: the same answer object.
    expect(scheduleCoreOf(snapshotOf([item("A", 2, [], { transitions: [design] }), item("B", 1, ["A"])]), null, before)).toBe(before);
    const longer = scheduleCoreOf(snapshotOf([item("A", 3), item("B", 1, ["A"])]), null, before);
    expect(longer).not.toBe(before);
    expect(longer.schedule.finishWeeks).toBe(4);
    expect(scheduleCoreOf(snapshotOf([item("A", 2), item("B", 1)]), null, before).schedule.finishWeeks).toBe(2);
    expect(scheduleCoreOf(snapshotOf([item("A", 2), item("B", 1, ["A"])]), day("2025-06-30"), before)).not.toBe(before);
  });
});

describe("a program with nothing left to do", () => {
  it("says its target is done, not impossible, even when the target has passed", () => {
    const s = scheduleOf([node("A", 2, [], { done: true, doneAt: day("2024-10-01") })], ASOF, day("2024-06-30"));
    expect(s).toMatchObject({ finishWeeks: 0, finish: "2025-01-01", targetState: "done", criticalPath: [] });
  });
});
