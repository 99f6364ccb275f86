import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldItemStatus, type FoldTransition } from "@/lib/fold-item-status";
import { levelOf, STATUSES, type Status } from "@/lib/status";
import { toInstant } from "@/lib/time";

const d = (s: string) => toInstant(s);
let recorded = 0;
function t(to: Status, effective: string, opts: { recorded?: string; verified?: string | null } = {}): FoldTransition {
  const effectiveAt = d(effective);
  return {
    to,
    effectiveAt,
    recordedAt: opts.recorded ? d(opts.recorded) : effectiveAt,
    recordingOrder: ++recorded,
    verificationRecordedAt: opts.verified === undefined || opts.verified === null ? null : d(opts.verified),
  };
}
const END = toInstant("2030-01-01", "end");

describe("foldItemStatus", () => {
  it("starts at not_started with no history", () => {
    expect(foldItemStatus([], END, END)).toMatchObject({ reportedStatus: "not_started", trueStatus: "not_started" });
  });

  it("reports the latest visible transition but raises the true status only when verified", () => {
    const history = [t("design", "2024-01-01", { verified: "2024-01-02" }), t("build", "2024-02-01")];
    expect(foldItemStatus(history, END, END)).toMatchObject({ reportedStatus: "build", trueStatus: "design" });
  });

  it("lowers the true status at once on a regression, verified or not", () => {
    const history = [
      t("design", "2024-01-01", { verified: "2024-01-01" }),
      t("build", "2024-02-01", { verified: "2024-02-02" }),
      t("design", "2024-03-01"),
    ];
    expect(foldItemStatus(history, END, END)).toMatchObject({ reportedStatus: "design", trueStatus: "design" });
  });

  it("ignores transitions effective after asOf and records not yet known at knownAt", () => {
    const history = [t("design", "2024-01-01", { recorded: "2024-03-01", verified: "2024-03-02" })];
    expect(foldItemStatus(history, toInstant("2023-12-31", "end"), END).reportedStatus).toBe("not_started");
    expect(foldItemStatus(history, END, toInstant("2024-02-28", "end")).reportedStatus).toBe("not_started");
    expect(foldItemStatus(history, END, toInstant("2024-03-01", "end"))).toMatchObject({
      reportedStatus: "design",
      trueStatus: "not_started", // verification recorded a day later
    });
  });

  it("counts a verification recorded later than asOf once it is known (best knowledge)", () => {
    const history = [t("design", "2024-01-01", { verified: "2024-06-01" })];
    expect(foldItemStatus(history, toInstant("2024-01-31", "end"), END).trueStatus).toBe("design");
    expect(foldItemStatus(history, toInstant("2024-01-31", "end"), toInstant("2024-01-31", "end")).trueStatus).toBe(
      "not_started",
    );
  });

  it("orders by effectiveAt, then recordedAt, then recording order", () => {
    const later = t("build", "2024-02-01", { recorded: "2024-02-01" });
    const backfill = t("design", "2024-01-15", { recorded: "2024-05-01" });
    expect(foldItemStatus([later, backfill], END, END).reportedStatus).toBe("build");
    const a = t("design", "2024-02-01", { recorded: "2024-02-03" });
    const b = t("validate", "2024-02-01", { recorded: "2024-02-02" });
    expect(foldItemStatus([a, b], END, END).reportedStatus).toBe("design");
  });
});

const statusArb = fc.constantFrom(...STATUSES);
const day = 86_400_000;
const transitionArb = fc.record({
  to: statusArb,
  effectiveAt: fc.integer({ min: 0, max: 400 }).map((n) => n * day),
  recordDelay: fc.integer({ min: 0, max: 30 }).map((n) => n * day),
  verifyDelay: fc.option(fc.integer({ min: 0, max: 60 }).map((n) => n * day)),
});
const historyArb = fc.array(transitionArb, { maxLength: 12 }).map((list) =>
  list.map(
    (x, i): FoldTransition => ({
      to: x.to,
      effectiveAt: x.effectiveAt,
      recordedAt: x.effectiveAt + x.recordDelay,
      recordingOrder: i + 1,
      verificationRecordedAt: x.verifyDelay === null ? null : x.effectiveAt + x.recordDelay + x.verifyDelay,
    }),
  ),
);
const instantArb = fc.integer({ min: 0, max: 500 }).map((n) => n * day);

describe("foldItemStatus properties", () => {
  it("the true level never exceeds the highest verified level", () => {
    fc.assert(
      fc.property(historyArb, instantArb, instantArb, (history, asOf, knownAt) => {
        const verifiedLevels = history
          .filter((x) => x.effectiveAt <= asOf && x.recordedAt <= knownAt)
          .filter((x) => x.verificationRecordedAt !== null && x.verificationRecordedAt <= knownAt)
          .map((x) => levelOf(x.to));
        expect(foldItemStatus(history, asOf, knownAt).trueLevel).toBeLessThanOrEqual(Math.max(0, ...verifiedLevels));
      }),
    );
  });

  it("adding an unverified upward transition at the end never changes the true status", () => {
    fc.assert(
      fc.property(historyArb, statusArb, (history, to) => {
        const before = foldItemStatus(history, Infinity, Infinity);
        fc.pre(levelOf(to) >= before.trueLevel);
        const last = Math.max(0, ...history.map((x) => x.effectiveAt)) + day;
        const extended = [...history, { to, effectiveAt: last, recordedAt: last, recordingOrder: 999, verificationRecordedAt: null }];
        expect(foldItemStatus(extended, Infinity, Infinity).trueStatus).toBe(before.trueStatus);
      }),
    );
  });

  it("the true level exceeds the reported level only after a reported regression", () => {
    fc.assert(
      fc.property(historyArb, instantArb, (history, asOf) => {
        const s = foldItemStatus(history, asOf, Infinity);
        if (s.trueLevel > s.reportedLevel) {
          // impossible: the latest transition is below the true level only if it lowered it
          throw new Error("true status above the latest reported one");
        }
      }),
    );
  });

  it("does not depend on the order the transitions are given in", () => {
    fc.assert(
      fc.property(historyArb, instantArb, instantArb, (history, asOf, knownAt) => {
        const reversed = [...history].reverse();
        expect(foldItemStatus(reversed, asOf, knownAt)).toEqual(foldItemStatus(history, asOf, knownAt));
      }),
    );
  });
});
