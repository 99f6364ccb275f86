import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { statusOverTime } from "@/lib/charts/status-over-time";
import { foldItemStatus } from "@/lib/fold-item-status";
import { instantArb, programArb } from "../support/rules-model";

describe("statusOverTime", () => {
  it("agrees at every point with folding each item from scratch", () => {
    fc.assert(
      fc.property(programArb(10), instantArb, instantArb, (items, asOf, knownAt) => {
        for (const p of statusOverTime(items, asOf, knownAt)) {
          const t = Math.min(Date.parse(`${p.date}T23:59:59.999Z`), asOf);
          const inScope = items.filter((i) => i.identifiedAt <= t);
          const folded = inScope.map((i) => foldItemStatus(i.transitions, t, knownAt));
          expect(p.scope).toBe(inScope.length);
          expect(p.verifiedDone).toBe(folded.filter((f) => f.trueStatus === "done").length);
          expect(p.reportedDone).toBe(folded.filter((f) => f.reportedStatus === "done").length);
          expect(p.verifiedStarted).toBe(folded.filter((f) => f.trueStatus !== "not_started").length);
          expect(p.reportedStarted).toBe(folded.filter((f) => f.reportedStatus !== "not_started").length);
          for (const [status, n] of Object.entries(p.byTrueStatus)) expect(n).toBe(folded.filter((f) => f.trueStatus === status).length);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("patched after some items changed, equals the series computed whole", () => {
    fc.assert(
      fc.property(programArb(10), programArb(10), fc.array(fc.boolean(), { maxLength: 10 }), instantArb, instantArb, (before, other, pick, asOf, knownAt) => {
        // The same items, some with another item's history (a write changes transitions, never the key).
        const after = before.map((item, i) => (pick[i] && other[i] ? { ...item, transitions: other[i]!.transitions } : item));
        const series = statusOverTime(before, asOf, knownAt);
        expect(statusOverTime(after, asOf, knownAt, { items: before, series })).toEqual(statusOverTime(after, asOf, knownAt));
      }),
      { numRuns: 200 },
    );
  });

  it("is empty for an empty program and before anything was identified", () => {
    expect(statusOverTime([], Date.now(), Date.now())).toEqual([]);
  });
});
