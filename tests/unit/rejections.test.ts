/**
 * DESIGN §13 "rejection" in the pure rules: the fold (a rejected transition never raises the true
 * status, whatever is recorded later, and stays reported), the gates (evidence of a rejected
 * transition no longer counts for what is reported after the rejection), the four-eyes words, and
 * the bundle (optional fields, validated with errors by path, written back only when present).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toBundleJson } from "@/lib/bundle/to-bundle-json";
import { validateBundle } from "@/lib/bundle/validate-bundle";
import { statusOverTime } from "@/lib/charts/status-over-time";
import { checkItemHistory, type GateTransition } from "@/lib/check-item-history";
import { countsAsVerified, foldItemStatus, type FoldTransition } from "@/lib/fold-item-status";
import { fourEyesViolation } from "@/lib/four-eyes";
import type { ItemWithTransitions } from "@/lib/item-with-transitions";
import { levelOf, STATUSES, type Status } from "@/lib/status";
import { toInstant } from "@/lib/time";
import { tinyValidBundle, type TinyBundle } from "../support/bundle-arbitrary";
import { bundleRefusal, validBundle } from "../support/bundle-validation";
import { instantArb, programArb } from "../support/rules-model";

const DAY = 86_400_000;
const END = toInstant("2030-01-01", "end");
const d = (s: string) => toInstant(s);
let order = 0;
function t(to: Status, effective: string, opts: { verified?: string; rejected?: string } = {}): FoldTransition {
  const effectiveAt = d(effective);
  return {
    to,
    effectiveAt,
    recordedAt: effectiveAt,
    recordingOrder: ++order,
    verificationRecordedAt: opts.verified ? d(opts.verified) : null,
    rejectionRecordedAt: opts.rejected ? d(opts.rejected) : null,
  };
}

describe("foldItemStatus with rejections", () => {
  it("a rejected transition stays reported but never raises the true status", () => {
    const history = [t("design", "2024-01-01", { verified: "2024-01-02" }), t("build", "2024-02-01", { rejected: "2024-02-03" })];
    expect(foldItemStatus(history, END, END)).toMatchObject({ reportedStatus: "build", trueStatus: "design" });
  });

  it("a verification recorded after the rejection does not count: the first decision stands", () => {
    const history = [t("build", "2024-02-01", { rejected: "2024-02-03", verified: "2024-02-05" })];
    expect(foldItemStatus(history, END, END).trueStatus).toBe("not_started");
    // Before the verification was recorded there was nothing to count either.
    expect(foldItemStatus(history, END, toInstant("2024-02-04", "end")).trueStatus).toBe("not_started");
  });

  it("a verification recorded first stands against a later rejection, and a tie goes to the rejection (never round up)", () => {
    expect(foldItemStatus([t("design", "2024-02-01", { verified: "2024-02-02", rejected: "2024-02-05" })], END, END).trueStatus).toBe("design");
    expect(foldItemStatus([t("design", "2024-02-01", { verified: "2024-02-02", rejected: "2024-02-02" })], END, END).trueStatus).toBe("not_started");
  });

  it("is bitemporal: known at a moment before the rejection, the transition simply awaits a decision", () => {
    const history = [t("design", "2024-02-01", { rejected: "2024-03-01" })];
    const before = foldItemStatus(history, END, toInstant("2024-02-15", "end"));
    const after = foldItemStatus(history, END, END);
    expect(before).toEqual(after); // unverified either way: same reported and true status
    expect(after).toMatchObject({ reportedStatus: "design", trueStatus: "not_started" });
  });

  it("a rejected move down still lowers the true status: bad news needs no review", () => {
    const history = [t("build", "2024-01-01", { verified: "2024-01-02" }), t("design", "2024-02-01", { rejected: "2024-02-02" })];
    expect(foldItemStatus(history, END, END)).toMatchObject({ reportedStatus: "design", trueStatus: "design" });
  });

  it("countsAsVerified reads an absent rejection as none (older callers)", () => {
    expect(countsAsVerified({ verificationRecordedAt: 5 }, 10)).toBe(true);
    expect(countsAsVerified({ verificationRecordedAt: 5, rejectionRecordedAt: null }, 4)).toBe(false);
  });
});

// Arbitrary histories in which some transitions are rejected, some verified, some both (in either order).
const statusArb = fc.constantFrom(...STATUSES);
const decisionArb = fc.record({
  verifyDelay: fc.option(fc.integer({ min: 0, max: 60 }).map((n) => n * DAY)),
  rejectDelay: fc.option(fc.integer({ min: 0, max: 60 }).map((n) => n * DAY)),
});
const historyArb = fc.array(
  fc.record({ to: statusArb, effectiveAt: fc.integer({ min: 0, max: 400 }).map((n) => n * DAY), recordDelay: fc.integer({ min: 0, max: 30 }).map((n) => n * DAY), decision: decisionArb }),
  { maxLength: 12 },
).map((list) =>
  list.map((x, i): FoldTransition => {
    const recordedAt = x.effectiveAt + x.recordDelay;
    return {
      to: x.to,
      effectiveAt: x.effectiveAt,
      recordedAt,
      recordingOrder: i + 1,
      verificationRecordedAt: x.decision.verifyDelay === null ? null : recordedAt + x.decision.verifyDelay,
      rejectionRecordedAt: x.decision.rejectDelay === null ? null : recordedAt + x.decision.rejectDelay,
    };
  }),
);
const timeArb = fc.integer({ min: 0, max: 500 }).map((n) => n * DAY);
const withoutRejections = (h: FoldTransition[]) => h.map((x) => ({ ...x, rejectionRecordedAt: null }));

describe("rejection properties (fast-check)", () => {
  it("rejecting never raises the true status and never changes the reported one, at any asOf and knownAt", () => {
    fc.assert(
      fc.property(historyArb, timeArb, timeArb, (history, asOf, knownAt) => {
        const withRejections = foldItemStatus(history, asOf, knownAt);
        const without = foldItemStatus(withoutRejections(history), asOf, knownAt);
        expect(withRejections.trueLevel).toBeLessThanOrEqual(without.trueLevel);
        expect(withRejections.reportedStatus).toBe(without.reportedStatus);
      }),
    );
  });

  it("a transition rejected before any verification counts exactly as if it had none, whatever is recorded later", () => {
    fc.assert(
      fc.property(historyArb, timeArb, timeArb, (history, asOf, knownAt) => {
        const voided = history.map((x) =>
          x.rejectionRecordedAt !== null && x.rejectionRecordedAt !== undefined && (x.verificationRecordedAt === null || x.rejectionRecordedAt <= x.verificationRecordedAt)
            ? { ...x, verificationRecordedAt: null, rejectionRecordedAt: null }
            : { ...x, rejectionRecordedAt: null },
        );
        expect(foldItemStatus(history, asOf, knownAt)).toEqual(foldItemStatus(voided, asOf, knownAt));
      }),
    );
  });

  it("the true level never exceeds the highest level verified before any rejection", () => {
    fc.assert(
      fc.property(historyArb, timeArb, timeArb, (history, asOf, knownAt) => {
        const counted = history
          .filter((x) => x.effectiveAt <= asOf && x.recordedAt <= knownAt && countsAsVerified(x, knownAt))
          .map((x) => levelOf(x.to));
        expect(foldItemStatus(history, asOf, knownAt).trueLevel).toBeLessThanOrEqual(Math.max(0, ...counted));
      }),
    );
  });

  it("the charts' sweep agrees with the per-item fold when transitions are rejected", () => {
    const rejectedProgram = fc.tuple(programArb(8), fc.integer({ min: 0, max: 2 ** 30 })).map(([items, seed]): ItemWithTransitions[] =>
      items.map((item) => ({
        ...item,
        transitions: item.transitions.map((x) => {
          const roll = (seed ^ (x.recordingOrder * 2654435761)) >>> 0;
          if (roll % 3 !== 0) return x;
          // Rejected a day after it was recorded; any verification stays as generated (before or after).
          return { ...x, rejectionRecordedAt: x.recordedAt + DAY };
        }),
      })),
    );
    fc.assert(
      fc.property(rejectedProgram, instantArb, instantArb, (items, asOf, knownAt) => {
        const last = statusOverTime(items, asOf, knownAt).at(-1);
        if (!last) return;
        const t = Math.min(Date.parse(`${last.date}T23:59:59.999Z`), asOf);
        const folded = items.filter((i) => i.identifiedAt <= t).map((i) => foldItemStatus(i.transitions, t, knownAt));
        expect(last.verifiedDone).toBe(folded.filter((f) => f.trueStatus === "done").length);
        expect(last.verifiedStarted).toBe(folded.filter((f) => f.trueStatus !== "not_started").length);
        expect(last.reportedStarted).toBe(folded.filter((f) => f.reportedStatus !== "not_started").length);
      }),
      { numRuns: 100 },
    );
  });
});

describe("checkItemHistory with rejections (evidence gates)", () => {
  const design = { kind: "design_doc" as const };
  const g = (to: Status, day: number, evidence: GateTransition["evidence"], rejectedDay: number | null = null): GateTransition => ({
    to,
    effectiveAt: day * DAY,
    recordedAt: day * DAY,
    recordingOrder: day,
    note: "",
    evidence,
    rejectionRecordedAt: rejectedDay === null ? null : rejectedDay * DAY,
  });

  it("evidence of a rejected transition does not count for a transition reported after the rejection, and the message says so", () => {
    const violations = checkItemHistory([g("build", 1, [design], 2), g("build", 3, [])]);
    expect(violations).toMatchObject([
      {
        index: 1,
        field: "evidence",
        message: "cannot enter build: the item's evidence lacks a design_doc (gate of build) (evidence on a rejected transition no longer counts: attach new evidence)",
        words: "The item's evidence lacks what Build needs: a design doc (to enter Build). Evidence on a rejected transition no longer counts: attach new evidence.",
        missing: [{ kind: "design_doc", status: "build" }],
      },
    ]);
    expect(violations).toHaveLength(1);
  });

  it("a transition reported again with new evidence passes; the rejected one and what was recorded before the rejection stay valid", () => {
    expect(checkItemHistory([g("build", 1, [design], 5), g("build", 6, [design])])).toEqual([]);
    // Recorded (day 3) before the rejection (day 5): judged with what was known then.
    expect(checkItemHistory([g("build", 1, [design], 5), g("build", 3, [])])).toEqual([]);
    // A rejection recorded at the very moment of its transition (a bundle's default) keeps its own evidence.
    expect(checkItemHistory([g("build", 1, [design], 1)])).toEqual([]);
  });

  it("without rejections the gates are what they were", () => {
    const [violation] = checkItemHistory([g("build", 1, [design]), g("validate", 2, [])]);
    expect(violation!.message).toBe("cannot enter validate: the item's evidence lacks a code_change (gate of validate)");
    // The person at the form reads it in the form's own words, without field names or evidence kinds.
    expect(violation!.words).toBe("The item's evidence lacks what Validate needs: a code change (to enter Validate).");
  });
});

describe("four eyes for a rejection: the same rule, in the words of rejecting", () => {
  const base = { item: "FND-01", actor: "carl@example.com", recordedAt: 0, verifiedAt: DAY, owners: { initial: "ann@example.com", changes: [] } };
  it("names the broken rules with the verb reject", () => {
    expect(fourEyesViolation({ ...base, verifier: "carl@example.com", decision: "reject" })).toBe(
      "four eyes: carl@example.com reported this transition and cannot also reject it",
    );
    expect(fourEyesViolation({ ...base, verifier: "ann@example.com", decision: "reject" })).toBe(
      "four eyes: ann@example.com owns this item and cannot reject its transitions",
    );
    expect(fourEyesViolation({ ...base, verifier: "rita@example.com", decision: "reject" })).toBeNull();
  });
  it("keeps the words of verifying by default", () => {
    expect(fourEyesViolation({ ...base, verifier: "carl@example.com" })).toBe("four eyes: carl@example.com reported this transition and cannot also verify it");
  });
});

/** The tiny bundle with NET-01's unverified "design" (index 3, reported by cat) rejected by bob. */
function withRejection(change: (t: TinyBundle["transitions"][number]) => void = () => {}): TinyBundle {
  const b = tinyValidBundle();
  const t = b.transitions[3]!;
  Object.assign(t, { rejectedBy: "bob@example.com", rejectedAt: "2024-03-04T10:00:00Z", rejectionReason: "no design doc linked" });
  change(t);
  return b;
}

describe("validateBundle: rejections", () => {
  it("a bundle without the fields (written before rejections existed) validates and exports without them", () => {
    const bundle = validBundle(tinyValidBundle());
    expect(bundle.transitions.every((t) => t.rejectedBy === null && t.rejectedAt === null && t.rejectionReason === null)).toBe(true);
    for (const t of toBundleJson(bundle).transitions) expect(Object.keys(t)).not.toContain("rejectedBy");
  });

  it("a rejected transition validates; rejectedAt defaults to recordedAt; the JSON form round-trips", () => {
    const bundle = validBundle(withRejection((t) => delete (t as { rejectedAt?: string }).rejectedAt));
    const t = bundle.transitions[3]!;
    expect(t).toMatchObject({ rejectedBy: "bob@example.com", rejectedAt: t.recordedAt, rejectionReason: "no design doc linked" });
    const json = toBundleJson(bundle);
    expect(json.transitions[3]).toMatchObject({ rejectedBy: "bob@example.com", rejectedAt: "2024-03-01", rejectionReason: "no design doc linked" });
    expect(Object.keys(json.transitions[2]!)).not.toContain("rejectedBy");
    expect(validBundle(JSON.parse(JSON.stringify(json)))).toEqual(bundle);
  });

  it("e-mails are compared without case, like a verifier's", () => {
    expect(validateBundle(withRejection((t) => (t.rejectedBy = "BOB@example.com"))).ok).toBe(true);
  });

  it.each([
    ["a rejection without a reason", (t: Record<string, unknown>) => delete t.rejectionReason, "transitions[3].rejectionReason", "a rejection needs a reason"],
    ["a blank reason", (t: Record<string, unknown>) => (t.rejectionReason = "   "), "transitions[3].rejectionReason", "a rejection needs a reason"],
    ["a reason without a rejecter", (t: Record<string, unknown>) => delete t.rejectedBy, "transitions[3].rejectedBy", "rejectedBy is missing"],
    ["both verified and rejected", (t: Record<string, unknown>) => (t.verifiedBy = "ann@example.com"), "transitions[3].rejectedBy", "verified or rejected, never both"],
    ["a rejection by the reporter", (t: Record<string, unknown>) => (t.rejectedBy = "cat@example.com"), "transitions[3].rejectedBy", "cat@example.com reported this transition and cannot also reject it"],
    ["a rejecter who is not in people", (t: Record<string, unknown>) => (t.rejectedBy = "nobody@example.com"), "transitions[3].rejectedBy", 'unknown person "nobody@example.com"'],
    ["a rejection before the transition was recorded", (t: Record<string, unknown>) => (t.rejectedAt = "2024-02-01"), "transitions[3].rejectedAt", "cannot precede the transition's recordedAt"],
    ["a rejection in the future", (t: Record<string, unknown>) => (t.rejectedAt = "2999-01-01"), "transitions[3].rejectedAt", "must not be in the future"],
  ])("refuses %s, naming the field (422)", (_what, change, path, words) => {
    const result = bundleRefusal(withRejection(change as (t: TinyBundle["transitions"][number]) => void));
    expect(result.kind).toBe("rule");
    const at = result.errors.filter((e) => e.path === path);
    expect(at, JSON.stringify(result.errors)).toHaveLength(1);
    expect(at[0]!.message).toContain(words);
  });

  it("refuses a rejection by the item's owner (the bundle's owner counts throughout)", () => {
    const b = tinyValidBundle();
    // NET-02 (owned by cat), its "design" reported by bob: cat rejects it instead of ann verifying it.
    Object.assign(b.transitions[4]!, { verifiedBy: undefined, verifiedAt: undefined, rejectedBy: "cat@example.com", rejectionReason: "no evidence" });
    const result = bundleRefusal(b);
    expect(result.errors).toContainEqual({ path: "transitions[4].rejectedBy", message: "four eyes: cat@example.com owns this item and cannot reject its transitions" });
  });

  it("a malformed rejectedBy or rejectedAt is a shape error (400)", () => {
    expect(bundleRefusal(withRejection((t) => (t.rejectedBy = "not an e-mail"))).kind).toBe("shape");
    expect(bundleRefusal(withRejection((t) => (t.rejectedAt = "yesterday"))).kind).toBe("shape");
  });
});
