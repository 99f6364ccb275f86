/**
 * The gate check keeps the gates its evidence pool meets as the pool grows; its verdicts must be
 * those of asking the whole pool again at every transition, as DESIGN §3 states the rule.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkItemHistory, type GateTransition } from "@/lib/check-item-history";
import { compareEffectiveOrder } from "@/lib/fold-item-status";
import { EVIDENCE_KINDS, missingEvidence, type EvidenceLike } from "@/lib/gates";
import { levelOf, STATUSES } from "@/lib/status";

/** The rule read literally: at each transition, the gates up to its level that nothing counted meets. */
function literal(transitions: readonly GateTransition[]): { index: number; field: string; missing: number[] }[] {
  const ordered = transitions.map((t, index) => ({ t, index })).sort((a, b) => compareEffectiveOrder(a.t, b.t));
  const out: { index: number; field: string; missing: number[] }[] = [];
  let previous = 0;
  ordered.forEach(({ t, index }, k) => {
    const level = levelOf(t.to);
    if (level < previous) {
      if (!t.note.trim()) out.push({ index, field: "note", missing: [] });
    } else {
      // Evidence so far counts unless its transition's rejection was recorded before this one was.
      const counted: EvidenceLike[] = ordered
        .slice(0, k + 1)
        .filter(({ t: e }) => e.rejectionRecordedAt == null || e.rejectionRecordedAt >= t.recordedAt)
        .flatMap(({ t: e }) => e.evidence);
      const missing = missingEvidence(t.to, counted);
      if (missing.length > 0) out.push({ index, field: "evidence", missing: missing.map((g) => g.level) });
    }
    previous = level;
  });
  return out;
}

const evidence = fc.record({ kind: fc.constantFrom(...EVIDENCE_KINDS), fleetPercent: fc.constantFrom(null, 50, 100) });
const transition = fc.record({
  effectiveAt: fc.integer({ min: 0, max: 20 }),
  recordedAt: fc.integer({ min: 0, max: 20 }),
  to: fc.constantFrom(...STATUSES),
  evidence: fc.array(evidence, { maxLength: 3 }),
  note: fc.constantFrom("", "why"),
  rejectionRecordedAt: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
});

describe("checkItemHistory", () => {
  it("finds what the rule read literally finds, with and without rejected evidence", () => {
    fc.assert(
      fc.property(fc.array(transition, { maxLength: 12 }), (drafts) => {
        const transitions: GateTransition[] = drafts.map((d, i) => ({ ...d, recordingOrder: i }));
        const got = checkItemHistory(transitions).map((v) => ({ index: v.index, field: v.field, missing: (v.missing ?? []).map((g) => g.level) }));
        expect(got).toEqual(literal(transitions));
      }),
      { numRuns: 400 },
    );
  });
});
