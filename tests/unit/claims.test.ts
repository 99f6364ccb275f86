import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assessClaim, verdictFor, VERDICTS, type ClaimLink, type Verdict } from "@/lib/claims/claim-verdict";
import { evaluateClaims } from "@/lib/claims/evaluate-claims";
import type { ItemWithTransitions } from "@/lib/item-with-transitions";
import type { Status } from "@/lib/status";
import { BASE, claimRecord, DAY, endOf, instantArb, item, LADDER, lvl, modelItem, programArb, startOf, tr } from "../support/rules-model";

describe("verdictFor: the table of DESIGN §7", () => {
  const table: [met: number, linked: number, started: number, verdict: Verdict][] = [
    [0, 0, 0, "unrated"],
    [1, 1, 1, "supported"],
    [4, 4, 4, "supported"],
    [3, 4, 4, "mostly_supported"], // r = 0.75 exactly
    [6, 8, 8, "mostly_supported"],
    [4, 5, 5, "mostly_supported"],
    [5, 7, 7, "partly_supported"], // 0.714
    [2, 3, 3, "partly_supported"],
    [1, 4, 1, "partly_supported"], // r = 0.25 exactly
    [7, 28, 7, "partly_supported"],
    [1, 5, 1, "unsupported"], // 0.2, one started
    [0, 4, 1, "unsupported"],
    [0, 1, 1, "unsupported"],
    [6, 25, 6, "unsupported"], // 0.24
    [0, 4, 0, "contradicted"],
    [0, 1, 0, "contradicted"],
  ];
  it.each(table)("met %i of %i, %i started -> %s", (met, linked, started, verdict) => {
    expect(verdictFor(met, linked, started)).toBe(verdict);
  });

  it("agrees with an integer-arithmetic reading of the table", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }).chain((linked) =>
          fc.tuple(fc.constant(linked), fc.integer({ min: 0, max: linked })).chain(([l, met]) =>
            fc.tuple(fc.constant(l), fc.constant(met), fc.integer({ min: met > 0 ? 1 : 0, max: l })),
          ),
        ),
        ([linked, met, started]) => {
          const expected: Verdict =
            linked === 0
              ? "unrated"
              : met === linked
                ? "supported"
                : 4 * met >= 3 * linked
                  ? "mostly_supported"
                  : 4 * met >= linked
                    ? "partly_supported"
                    : started > 0
                      ? "unsupported"
                      : "contradicted";
          expect(verdictFor(met, linked, started)).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("assessClaim", () => {
  const items = new Map<string, ItemWithTransitions>([
    ["A", item("A", { transitions: [tr("rollout", "2024-03-01", { verified: "2024-03-02" })] })],
    ["B", item("B", { transitions: [tr("design", "2024-03-01", { verified: "2024-03-01" })] })],
    ["C", item("C", { transitions: [tr("validate", "2024-03-01")] })], // reported validate, never verified
    [
      "LATE",
      item("LATE", {
        identifiedAt: startOf("2024-09-01"),
        transitions: [tr("done", "2024-03-01", { verified: "2024-03-01" })],
      }),
    ],
  ]);
  const asOf = endOf("2024-06-30");
  const knownAt = endOf("2030-01-01");

  it("meets a link when the true level reaches the required level", () => {
    const a = assessClaim([{ item: "A", requires: "rollout" }, { item: "B", requires: "build" }], items, asOf, knownAt);
    expect(a).toMatchObject({ met: 1, linked: 2, verdict: "partly_supported" });
    expect(a.links[0]).toMatchObject({ item: "A", trueStatus: "rollout", reportedStatus: "rollout", met: true, started: true });
    expect(a.links[1]).toMatchObject({ item: "B", trueStatus: "design", met: false, started: true });
  });

  it("uses true, not reported, status", () => {
    const a = assessClaim([{ item: "C", requires: "design" }], items, asOf, knownAt);
    expect(a.links[0]).toMatchObject({ trueStatus: "not_started", reportedStatus: "validate", met: false, started: false });
    expect(a.verdict).toBe("contradicted");
  });

  it("counts an item identified after asOf as not_started, whatever its history", () => {
    const a = assessClaim([{ item: "LATE", requires: "design" }], items, asOf, knownAt);
    expect(a.links[0]).toMatchObject({ trueStatus: "not_started", reportedStatus: "not_started", met: false, started: false });
    expect(a.verdict).toBe("contradicted");
    const later = assessClaim([{ item: "LATE", requires: "design" }], items, endOf("2024-09-01"), knownAt);
    expect(later.verdict).toBe("supported");
  });

  it("counts an unknown item as not_started", () => {
    expect(assessClaim([{ item: "NOPE", requires: "design" }], items, asOf, knownAt).verdict).toBe("contradicted");
  });

  it("is unsupported when under a quarter is met but something started", () => {
    const links: ClaimLink[] = ["B", "C", "LATE", "NOPE", "A"].map((item) => ({ item, requires: "done" }));
    expect(assessClaim(links, items, asOf, knownAt)).toMatchObject({ met: 0, linked: 5, verdict: "unsupported" });
  });

  it("is unrated without links", () => {
    expect(assessClaim([], items, asOf, knownAt)).toMatchObject({ verdict: "unrated", met: 0, linked: 0, links: [] });
  });
});

describe("evaluateClaims: at the claim date, as known then, and as of a date", () => {
  // X: rollout effective 2024-04-01 (recorded that day), verification recorded 2024-06-01
  // Y: done effective 2024-02-01, verified the same day; regression to build on 2024-07-01 (unverified)
  // Z: design effective 2024-04-15 but only recorded (backfilled) 2024-08-01, verified 2024-08-02
  // W: build effective 2024-09-01 recorded that day, verification recorded 2024-10-01
  const items = [
    item("X", { transitions: [tr("rollout", "2024-04-01", { verified: "2024-06-01" })] }),
    item("Y", { transitions: [tr("done", "2024-02-01", { verified: "2024-02-01" }), tr("build", "2024-07-01")] }),
    item("Z", { transitions: [tr("design", "2024-04-15", { recorded: "2024-08-01", verified: "2024-08-02" })] }),
    item("W", { transitions: [tr("build", "2024-09-01", { verified: "2024-10-01" })] }),
  ];
  const now = endOf("2030-01-01");

  it("a verification recorded after the claim date raises verdictAtClaimDate but not verdictKnownThen", () => {
    const [c] = evaluateClaims([claimRecord("c1", "2024-05-01", [{ item: "X", requires: "rollout" }])], items, now, now);
    expect(c).toMatchObject({
      date: "2024-05-01",
      linked: 1,
      metAtClaimDate: 1,
      verdictAtClaimDate: "supported",
      verdictKnownThen: "contradicted",
      verdictAsOf: "supported",
    });
  });

  it("a transition recorded after the claim date is invisible to verdictKnownThen", () => {
    const [c] = evaluateClaims([claimRecord("c2", "2024-05-01", [{ item: "Z", requires: "design" }])], items, now, now);
    expect(c!.verdictAtClaimDate).toBe("supported");
    expect(c!.verdictKnownThen).toBe("contradicted");
  });

  it("takes the claim date as the end of that day for knownAt", () => {
    const onTheDay = [
      item("V", {
        transitions: [tr("design", "2024-05-01T09:00:00Z", { recorded: "2024-05-01T09:00:00Z", verified: "2024-05-01T18:00:00Z" })],
      }),
    ];
    const [c] = evaluateClaims([claimRecord("c3", "2024-05-01", [{ item: "V", requires: "design" }])], onTheDay, now, now);
    expect(c!.verdictKnownThen).toBe("supported");
  });

  it("never knows more then than the query's knownAt", () => {
    const [c] = evaluateClaims([claimRecord("c1", "2024-05-01", [{ item: "X", requires: "rollout" }])], items, now, endOf("2024-04-15"));
    expect(c!.verdictAtClaimDate).toBe("contradicted");
    expect(c!.verdictKnownThen).toBe("contradicted");
  });

  it("verdictAsOf changes when an item is verified later", () => {
    const claims = [claimRecord("c4", "2024-09-15", [{ item: "W", requires: "build" }])];
    const before = evaluateClaims(claims, items, endOf("2024-09-30"), endOf("2024-09-30"))[0]!;
    expect(before.verdictAsOf).toBe("contradicted");
    const after = evaluateClaims(claims, items, endOf("2024-10-01"), endOf("2024-10-01"))[0]!;
    expect(after.verdictAsOf).toBe("supported");
    // and with best knowledge the claim date itself already had a verified build
    expect(after.verdictAtClaimDate).toBe("supported");
    expect(after.verdictKnownThen).toBe("contradicted");
    expect(after.links[0]).toMatchObject({ trueStatus: "build", trueStatusAsOf: "build", metAsOf: true });
  });

  it("a regression lowers verdictAsOf at once, without verification", () => {
    const claims = [claimRecord("c5", "2024-03-01", [{ item: "Y", requires: "done" }])];
    const june = evaluateClaims(claims, items, endOf("2024-06-30"), now)[0]!;
    expect(june.verdictAsOf).toBe("supported");
    const july = evaluateClaims(claims, items, endOf("2024-07-01"), now)[0]!;
    expect(july.verdictAsOf).toBe("unsupported"); // build: started, not done
    expect(july.verdictAtClaimDate).toBe("supported"); // on its own date the claim held
    expect(july.links[0]).toMatchObject({ trueStatus: "done", trueStatusAsOf: "build", met: true, metAsOf: false });
    expect(july.asOf).toBe("2024-07-01");
  });

  it("mixes links into the ratio verdicts", () => {
    const links: ClaimLink[] = [
      { item: "X", requires: "rollout" },
      { item: "Y", requires: "done" },
      { item: "Z", requires: "design" },
      { item: "W", requires: "build" },
    ];
    const [c] = evaluateClaims([claimRecord("c6", "2024-06-15", links)], items, now, now);
    // at 2024-06-15 with best knowledge: X rollout, Y done, Z design, W not started -> 3/4
    expect(c).toMatchObject({ metAtClaimDate: 3, verdictAtClaimDate: "mostly_supported" });
    // known then: X verified 06-01 (yes), Y yes, Z not yet recorded, W no -> 2/4
    expect(c!.verdictKnownThen).toBe("partly_supported");
    // now: X rollout, Y build (regressed: not met), Z design, W build -> 3/4
    expect(c!.verdictAsOf).toBe("mostly_supported");
  });

  it("is unrated for a claim without links, in all three verdicts", () => {
    const [c] = evaluateClaims([claimRecord("c7", "2024-06-15", [])], items, now, now);
    expect([c!.verdictAtClaimDate, c!.verdictKnownThen, c!.verdictAsOf]).toEqual(["unrated", "unrated", "unrated"]);
  });
});

describe("evaluateClaims against the naive model over random programs", () => {
  const modelVerdict = (links: ClaimLink[], items: ItemWithTransitions[], asOf: number, knownAt: number): Verdict => {
    if (links.length === 0) return "unrated";
    let met = 0;
    let started = 0;
    for (const link of links) {
      const it = items.find((i) => i.key === link.item);
      const level = it && it.identifiedAt <= asOf ? modelItem(it, asOf, knownAt).true : 0;
      if (level >= lvl(link.requires)) met++;
      if (level >= 1) started++;
    }
    if (met === links.length) return "supported";
    if (met * 4 >= links.length * 3) return "mostly_supported";
    if (met * 4 >= links.length) return "partly_supported";
    return started > 0 ? "unsupported" : "contradicted";
  };

  it("gives the model's three verdicts", () => {
    const linksArb = fc.array(
      fc.record({ item: fc.constantFrom("KA", "KB", "KC", "KD", "KE", "KZ"), requires: fc.constantFrom<Status>(...LADDER.slice(1)) }),
      { maxLength: 6 },
    );
    const claimDayArb = fc.integer({ min: -20, max: 450 });
    fc.assert(
      fc.property(programArb(5), linksArb, claimDayArb, instantArb, instantArb, (items, links, day, asOf, knownAt) => {
        const date = new Date(BASE + day * DAY).toISOString().slice(0, 10);
        const [c] = evaluateClaims([claimRecord("r", date, links)], items, asOf, knownAt);
        const claimEnd = endOf(date);
        expect(c!.verdictAtClaimDate).toBe(modelVerdict(links, items, claimEnd, knownAt));
        expect(c!.verdictKnownThen).toBe(modelVerdict(links, items, claimEnd, Math.min(claimEnd, knownAt)));
        expect(c!.verdictAsOf).toBe(modelVerdict(links, items, asOf, knownAt));
        expect(VERDICTS).toContain(c!.verdictAsOf);
      }),
      { numRuns: 200 },
    );
  });
});
