import { describe, expect, it } from "vitest";
import { computeItemStatuses } from "@/lib/compute-item-statuses";
import { parseGraphFocus } from "@/lib/graph-focus";
import { buildGraphView } from "@/lib/graph-view";
import { toListedItems } from "@/lib/items/item-query";
import type { ItemWithTransitions } from "@/lib/item-with-transitions";

const item = (key: string, area: string, dependsOn: string[], done = false): ItemWithTransitions => ({
  key,
  title: `Item ${key}`,
  area,
  owner: null,
  ownerName: null,
  team: "",
  estimateWeeks: 2,
  identifiedAt: 0,
  dependsOn,
  transitions: done ? [{ to: "done", effectiveAt: 1, recordedAt: 1, recordingOrder: 1, verificationRecordedAt: 1 }] : [],
});

describe("buildGraphView", () => {
  // F1 (done) <- S1 <- N1; F2 <- N1.
  const items = toListedItems(
    computeItemStatuses([item("F1", "Foundations", [], true), item("F2", "Foundations", []), item("S1", "Storage", ["F1"]), item("N1", "Networking", ["S1", "F2"])], 10, 10),
  );
  const view = buildGraphView(items, ["S1", "N1"]);

  it("lists what each item waits on: its unfinished dependencies only", () => {
    expect(Object.fromEntries(view.nodes.map((n) => [n.key, n.waitingOn]))).toEqual({ F1: [], F2: [], S1: [], N1: ["S1", "F2"] });
  });

  it("says which area waits on which, counting unfinished work only", () => {
    expect(view.areas).toEqual([
      { area: "Foundations", waitsOn: [] },
      { area: "Networking", waitsOn: ["Foundations", "Storage"] },
      { area: "Storage", waitsOn: [] },
    ]);
  });

  it("marks the critical path's items and the edges between consecutive ones", () => {
    expect(view.nodes.filter((n) => n.critical).map((n) => n.key)).toEqual(["S1", "N1"]);
    expect(view.edges.filter((e) => e.critical)).toEqual([{ from: "S1", to: "N1", critical: true }]);
  });
});

describe("parseGraphFocus", () => {
  it("takes a known focus, and follows a lineage only when there is an item to follow", () => {
    expect(parseGraphFocus("critical", false)).toBe("critical");
    expect(parseGraphFocus("ancestors", true)).toBe("ancestors");
    expect(parseGraphFocus("descendants", false)).toBe("all");
    expect(parseGraphFocus("everything", true)).toBe("all");
    expect(parseGraphFocus(undefined, true)).toBe("all");
  });
});
