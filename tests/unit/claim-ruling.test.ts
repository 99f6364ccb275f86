import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { verdictFor, type Verdict } from "@/lib/claims/claim-verdict";
import { evaluateClaims } from "@/lib/claims/evaluate-claims";
import { claimRuling, type RulingInput, type RulingLink } from "@/lib/claims/ruling";
import { verdictLabel } from "@/lib/labels";
import { levelOf, STATUSES, type Status } from "@/lib/status";
import { toInstant } from "@/lib/time";
import { claimRecord, item } from "../support/rules-model";

/** A link as assessClaim makes it: met and started follow from the true status. */
function link(requires: Status, trueStatus: Status, reportedStatus: Status = trueStatus, trueStatusAsOf: Status = trueStatus): RulingLink {
  return {
    requires,
    trueStatus,
    reportedStatus,
    met: levelOf(trueStatus) >= levelOf(requires),
    started: levelOf(trueStatus) >= 1,
    trueStatusAsOf,
    metAsOf: levelOf(trueStatusAsOf) >= levelOf(requires),
  };
}

const claim = (links: RulingLink[], over: Partial<RulingInput> = {}): RulingInput => ({
  date: "2023-11-15",
  asOf: "2026-01-20",
  links,
  verdictKnownThen: verdictFor(
    links.filter((l) => l.met).length,
    links.length,
    links.filter((l) => l.started).length,
  ),
  ...over,
});

describe("claimRuling: the paragraph in words", () => {
  it("reads like a fact-check ruling for a contradicted claim", () => {
    const r = claimRuling(claim(Array.from({ length: 5 }, () => link("rollout", "not_started"))));
    expect(r.text).toBe(
      "On 2023-11-15, 0 of the 5 linked items had reached rollout, verified; 5 had not started. Verdict on that date: contradicted. " +
        "The tracker's records of that day already showed this. As of 2026-01-20, 0 of the 5 had reached it, verified: contradicted.",
    );
    expect(r).toMatchObject({ verdict: "contradicted", linked: 5, met: 0, startedNotMet: 0, notStarted: 5 });
  });

  it("names each implied status when the links differ, and counts started items apart", () => {
    const r = claimRuling(
      claim([link("rollout", "design"), link("rollout", "not_started"), link("rollout", "rollout"), link("build", "not_started")]),
    );
    expect(r.sentences[0]).toBe(
      "On 2023-11-15, 1 of the 4 linked items had reached the status the claim implies (rollout for 3, build for 1), verified; 1 had started but not reached it; 2 had not started.",
    );
    expect(r.verdict).toBe("partly_supported");
    expect(r.sentences).toContain("Verdict on that date: partly supported.");
  });

  it("says when an item was reported that far without verification", () => {
    const r = claimRuling(claim([link("rollout", "design", "rollout"), link("rollout", "not_started")]));
    expect(r.reportedNotVerified).toBe(1);
    expect(r.text).toContain("1 of the unmet was reported that far, but without a second person verifying the evidence, so it does not count.");
  });

  it("says when the records of the day gave another verdict", () => {
    const r = claimRuling(claim([link("design", "design")], { verdictKnownThen: "contradicted" }));
    expect(r.verdict).toBe("supported");
    expect(r.text).toContain("As the tracker's records stood that day, the verdict was contradicted; records entered later changed it.");
  });

  it("says where the claim stands at asOf, and leaves it out when asOf is the claim's date", () => {
    const later = claimRuling(claim([link("build", "not_started", "not_started", "build"), link("build", "design", "design", "done")]));
    expect(later.text).toContain("As of 2026-01-20, 2 of the 2 had reached it, verified: supported.");
    expect(later.verdictAsOf).toBe("supported");
    const same = claimRuling(claim([link("build", "design")], { asOf: "2023-11-15" }));
    expect(same.text).not.toContain("As of");
  });

  it("reads well for a claim linked to no item", () => {
    const r = claimRuling(claim([]));
    expect(r.text).toBe(
      "On 2023-11-15, the claim was linked to no work item, so there is nothing to check it against. Verdict on that date: unrated.",
    );
    expect(r.verdict).toBe("unrated");
  });

  it("says item, not items, for one link", () => {
    expect(claimRuling(claim([link("design", "design")])).sentences[0]).toBe("On 2023-11-15, 1 of the 1 linked item had reached design, verified.");
  });
});

describe("claimRuling of an evaluated claim", () => {
  it("takes the claim as evaluateClaims gives it and states the same verdict", () => {
    // Items with no transition yet: none had started on the claim's date.
    const identifiedAt = toInstant("2023-01-01");
    const ga = claimRecord("ga", "2023-11-15", [
      { item: "A", requires: "rollout" },
      { item: "B", requires: "rollout" },
      { item: "UNKNOWN", requires: "build" },
    ]);
    const [evaluated] = evaluateClaims(
      [ga],
      [item("A", { identifiedAt }), item("B", { identifiedAt })],
      toInstant("2024-12-31", "end"),
      toInstant("2024-12-31", "end"),
    );
    const r = claimRuling(evaluated!);
    expect(r.verdict).toBe(evaluated!.verdictAtClaimDate);
    expect(r.verdictAsOf).toBe(evaluated!.verdictAsOf);
    expect(r.sentences[0]).toBe(
      "On 2023-11-15, 0 of the 3 linked items had reached the status the claim implies (rollout for 2, build for 1), verified; 3 had not started.",
    );
  });
});

const statusArb = fc.constantFrom(...STATUSES);
const linkArb = fc
  .tuple(statusArb, statusArb, statusArb, statusArb)
  .map(([requires, trueStatus, reported, asOf]) =>
    link(requires, trueStatus, levelOf(reported) >= levelOf(trueStatus) ? reported : trueStatus, asOf),
  );

/** The numbers the first sentence states: met of linked, started but not met, not started. */
function countsInText(text: string) {
  const first = text.split(". ")[0]!;
  const m = /^On \d{4}-\d{2}-\d{2}, (\d+) of the (\d+) linked items? had reached/.exec(first);
  if (!m) return { met: 0, linked: 0, startedNotMet: 0, notStarted: 0 };
  const n = (re: RegExp) => Number(re.exec(first)?.[1] ?? 0);
  return { met: Number(m[1]), linked: Number(m[2]), startedNotMet: n(/; (\d+) had started/), notStarted: n(/; (\d+) had not started/) };
}

describe("claimRuling: properties", () => {
  it("the counts the paragraph states add up to the linked items, and its verdict word is the verdict function's", () => {
    fc.assert(
      fc.property(fc.array(linkArb, { maxLength: 30 }), (links) => {
        const input = claim(links);
        const r = claimRuling(input);
        const said = countsInText(r.text);
        expect(said.linked).toBe(links.length);
        expect(said.met + said.startedNotMet + said.notStarted).toBe(links.length);
        expect(r.met + r.startedNotMet + r.notStarted).toBe(r.linked);
        const expected: Verdict = verdictFor(
          links.filter((l) => l.met).length,
          links.length,
          links.filter((l) => l.started).length,
        );
        expect(r.verdict).toBe(expected);
        expect(/Verdict on that date: ([a-z ]+)\./.exec(r.text)?.[1]).toBe(verdictLabel(expected));
      }),
      { numRuns: 500 },
    );
  });

  it("never counts an item reported but not verified among the met", () => {
    fc.assert(
      fc.property(fc.array(linkArb, { maxLength: 30 }), (links) => {
        const r = claimRuling(claim(links));
        expect(r.met).toBe(links.filter((l) => levelOf(l.trueStatus) >= levelOf(l.requires)).length);
        expect(r.reportedNotVerified).toBeLessThanOrEqual(r.linked - r.met);
      }),
      { numRuns: 300 },
    );
  });
});
