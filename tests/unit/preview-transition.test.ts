import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkItemHistory } from "@/lib/check-item-history";
import { EVIDENCE_KINDS } from "@/lib/gates";
import { previewTransition, type RecordedTransition } from "@/lib/preview-transition";
import { STATUSES } from "@/lib/status";

const day = (d: string) => Date.parse(`${d}T00:00:00Z`);
const t = (id: number, to: RecordedTransition["to"], effective: string, evidence: RecordedTransition["evidence"] = [], note = ""): RecordedTransition => ({
  id,
  to,
  effectiveAt: day(effective),
  recordedAt: day(effective),
  note,
  evidence,
});
const statuses = (gates: { status: string }[]) => gates.map((g) => g.status);

describe("previewTransition", () => {
  it("on an item with no history, lists every gate up to the status as missing", () => {
    const p = previewTransition([], { to: "rollout", effectiveAt: null, note: "", evidence: [] });
    expect(p).toMatchObject({ from: "not_started", down: false, noteMissing: false });
    expect(statuses(p.needs)).toEqual(["build", "validate", "rollout"]);
    expect(p.onRecord).toEqual([]);
    expect(statuses(p.missing)).toEqual(["build", "validate", "rollout"]);
  });

  it("counts evidence on earlier transitions of the item, and the draft's own", () => {
    const history = [t(1, "build", "2024-03-01", [{ kind: "design_doc" }])];
    const p = previewTransition(history, { to: "rollout", effectiveAt: null, note: "", evidence: [{ kind: "test_report" }] });
    expect(p.from).toBe("build");
    expect(statuses(p.onRecord)).toEqual(["build"]);
    expect(statuses(p.missing)).toEqual(["validate"]);
  });

  it("a backdated draft counts only transitions effective before it", () => {
    const history = [t(1, "build", "2024-03-01", [{ kind: "design_doc" }])];
    const p = previewTransition(history, { to: "build", effectiveAt: day("2024-02-01"), note: "", evidence: [] });
    expect(p.from).toBe("not_started");
    expect(statuses(p.missing)).toEqual(["build"]);
  });

  it("a move down needs a note and no evidence", () => {
    const history = [t(1, "build", "2024-03-01", [{ kind: "design_doc" }])];
    const bare = previewTransition(history, { to: "design", effectiveAt: null, note: "", evidence: [] });
    expect(bare).toMatchObject({ from: "build", down: true, needs: [], missing: [], noteMissing: true });
    expect(previewTransition(history, { to: "design", effectiveAt: null, note: "scope cut", evidence: [] }).noteMissing).toBe(false);
  });

  it("a deployment meets done only at 100 % of the fleet", () => {
    const pool = [{ kind: "design_doc" as const }, { kind: "code_change" as const }, { kind: "test_report" as const }];
    const history = [t(1, "rollout", "2024-03-01", pool)];
    expect(statuses(previewTransition(history, { to: "done", effectiveAt: null, note: "", evidence: [{ kind: "deployment", fleetPercent: 50 }] }).missing)).toEqual(["done"]);
    expect(previewTransition(history, { to: "done", effectiveAt: null, note: "", evidence: [{ kind: "deployment", fleetPercent: 100 }] }).missing).toEqual([]);
  });

  it("agrees with the server's check of the same history: nothing missing exactly when the draft passes", () => {
    const evidence = fc.array(fc.record({ kind: fc.constantFrom(...EVIDENCE_KINDS), fleetPercent: fc.constantFrom(null, 50, 100) }), { maxLength: 3 });
    const status = fc.constantFrom(...STATUSES);
    fc.assert(
      fc.property(fc.array(fc.tuple(status, evidence), { maxLength: 4 }), status, evidence, fc.boolean(), (past, to, draftEvidence, withNote) => {
        // A valid history to start from: the server never stores one that breaks a gate.
        const history = past.map(([s, e], i) => t(i + 1, s, `2024-0${i + 1}-01`, e, "why"));
        if (checkItemHistory(history.map((h) => ({ ...h, recordingOrder: h.id }))).length > 0) return;
        const draft = { to, effectiveAt: null, note: withNote ? "why" : "", evidence: draftEvidence };
        const p = previewTransition(history, draft);
        const server = checkItemHistory([
          ...history.map((h) => ({ ...h, recordingOrder: h.id })),
          { ...draft, effectiveAt: day("2024-12-01"), recordedAt: day("2024-12-01"), recordingOrder: 99 },
        ]);
        expect(p.missing.length === 0 && !p.noteMissing).toBe(server.length === 0);
      }),
    );
  });
});
