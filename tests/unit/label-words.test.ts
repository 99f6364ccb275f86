import { describe, expect, it } from "vitest";
import { ARTEFACT_KINDS } from "@/lib/artefacts/artefact-types";
import { reviewedTransitionWords, signalSourceLabel, weeksOf } from "@/lib/labels";

describe("where a signal came from, in words", () => {
  it("says a value given as it is was entered by hand", () => {
    expect(signalSourceLabel(null)).toBe("entered by hand");
  });

  it("names what was read for every artefact kind, never its identifier", () => {
    expect(signalSourceLabel("coverage")).toBe("read from a test coverage report");
    expect(signalSourceLabel("cargo")).toBe("read from the Rust dependency files");
    expect(signalSourceLabel("crashes")).toBe("read from a crash bucket export");
    // A kind added to ARTEFACT_KINDS without words would fall back to its identifier.
    for (const kind of ARTEFACT_KINDS) expect(signalSourceLabel(kind)).not.toBe(`read from ${kind}`);
  });

  it("still says a kind this version does not know was read", () => {
    expect(signalSourceLabel("sbom")).toBe("read from sbom");
  });
});

describe("what a review decides, in words", () => {
  it("names the item, the status it moves to, who reported it and when, as the history row shows them", () => {
    expect(reviewedTransitionWords("HOST-03", "build", "Carl Contributor", "2025-01-06 09:00 UTC")).toBe(
      "HOST-03 to Build, reported by Carl Contributor on 2025-01-06 09:00 UTC",
    );
    expect(reviewedTransitionWords("A", "not_started", "Ada Admin", "2025-01-06")).toBe("A to Not started, reported by Ada Admin on 2025-01-06");
  });

  it("tells apart two reports of one item to the same status", () => {
    const first = reviewedTransitionWords("A", "design", "Carl Contributor", "2025-01-06 09:00 UTC");
    expect(reviewedTransitionWords("A", "design", "Carl Contributor", "2025-01-06 09:05 UTC")).not.toBe(first);
    expect(reviewedTransitionWords("A", "design", "Rita Reviewer", "2025-01-06 09:00 UTC")).not.toBe(first);
  });
});

describe("weeks in words", () => {
  it("keeps the exact figure and puts the noun in the right number", () => {
    expect(weeksOf(1)).toBe("1 week");
    expect(weeksOf(0)).toBe("0 weeks");
    expect(weeksOf(2.5)).toBe("2.5 weeks");
    expect(weeksOf(0.25)).toBe("0.25 weeks");
  });
});
