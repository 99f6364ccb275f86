import { describe, expect, it } from "vitest";
import { blankRow, planEvidenceRows, rowsEvidence, rowsFromLists } from "@/lib/evidence-rows";

const kinds = (rows: { kind: string }[]) => rows.map((r) => r.kind);

describe("planEvidenceRows", () => {
  it("adds one blank row per missing kind, set to that kind, reusing a blank row of that kind", () => {
    const rows = planEvidenceRows([blankRow("design_doc")], ["design_doc", "code_change", "test_report"]);
    expect(kinds(rows)).toEqual(["design_doc", "code_change", "test_report"]);
    expect(rows.every((r) => r.url === "")).toBe(true);
  });

  it("never drops a row with something typed in it, and does not add a kind that already has a row", () => {
    const typed = { kind: "other", url: "", summary: "notes", fleet: "" };
    const test = { kind: "test_report", url: "https://ci.example.com/1", summary: "", fleet: "" };
    expect(planEvidenceRows([typed, test], ["test_report"])).toEqual([typed, test]);
  });

  it("drops blank rows of kinds no longer needed, keeping one row", () => {
    const planned = planEvidenceRows([blankRow("design_doc"), blankRow("code_change"), blankRow("test_report")], ["design_doc"]);
    expect(kinds(planned)).toEqual(["design_doc"]);
    expect(kinds(planEvidenceRows([blankRow("code_change"), blankRow("test_report")], []))).toEqual(["code_change"]);
    expect(kinds(planEvidenceRows([], []))).toEqual(["design_doc"]);
  });
});

describe("rowsEvidence", () => {
  it("counts a row once it has a URL, with its fleet percent as a number", () => {
    const rows = rowsFromLists(["design_doc", "deployment", "code_change"], ["https://a", " https://b ", " "], ["", "", "x"], ["", "100", ""]);
    expect(rowsEvidence(rows)).toEqual([
      { kind: "design_doc", fleetPercent: null },
      { kind: "deployment", fleetPercent: 100 },
    ]);
  });

  it("counts a row with a chosen file and no URL, and keeps such a row when the status changes", () => {
    const withFile = { kind: "test_report", url: "", summary: "", fleet: "", file: "junit.xml" };
    expect(rowsEvidence([withFile, blankRow("code_change")])).toEqual([{ kind: "test_report", fleetPercent: null }]);
    expect(planEvidenceRows([withFile], [])).toEqual([withFile]);
  });
});
