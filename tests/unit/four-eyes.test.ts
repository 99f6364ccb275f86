/**
 * The pure four-eyes rule (DESIGN §2, §13 "four eyes over time").
 * The properties compare it with a plain restatement: the people who owned the item in the window
 * are the owner as the window opened plus everyone made owner inside it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fourEyesReasons, fourEyesToViewer, fourEyesViolation, type FourEyesCase } from "@/lib/four-eyes";
import { ownerAt, ownerTimeline, type OwnerTimeline } from "@/lib/owner-timeline";

const ANN = "ann@example.com";
const BOB = "bob@example.com";
const RITA = "rita@example.com";
const T = (minute: number) => Date.parse("2025-03-03T09:00:00Z") + minute * 60_000;
const iso = (minute: number) => new Date(T(minute)).toISOString();

const judge = (owners: OwnerTimeline, over: Partial<FourEyesCase> = {}): FourEyesCase => ({
  item: "FND-01",
  verifier: RITA,
  actor: BOB,
  recordedAt: T(10),
  verifiedAt: T(20),
  owners,
  ...over,
});

describe("fourEyesViolation", () => {
  it("refuses the reporter and the current owner in the words used before", () => {
    expect(fourEyesViolation(judge({ initial: ANN, changes: [] }, { verifier: BOB }))).toBe(
      `four eyes: ${BOB} reported this transition and cannot also verify it`,
    );
    expect(fourEyesViolation(judge({ initial: RITA, changes: [] }))).toBe(`four eyes: ${RITA} owns this item and cannot verify its transitions`);
  });

  it("says the same rule to the person who would decide, as 'you'", () => {
    expect(fourEyesToViewer(judge({ initial: ANN, changes: [] }, { verifier: BOB }))).toBe("you reported this transition and cannot also verify it");
    expect(fourEyesToViewer(judge({ initial: RITA, changes: [] }))).toBe("you own this item and cannot verify its transitions");
    const owners = ownerTimeline(RITA, [{ at: T(12), by: RITA, owner: null }]);
    expect(fourEyesToViewer(judge(owners))).toBe(
      `you owned FND-01 between ${iso(10)} and ${iso(12)}, while this transition (recorded ${iso(10)}) awaited verification; ` +
        `you changed the owner of FND-01 from ${RITA} to nobody at ${iso(12)}, while this transition (recorded ${iso(10)}) awaited verification`,
    );
    expect(fourEyesToViewer(judge({ initial: ANN, changes: [] }))).toBeNull();
  });

  it("a reviewer who clears the owner, verifies and restores it is refused for both reasons", () => {
    const owners = ownerTimeline(RITA, [
      { at: T(12), by: RITA, owner: null },
      { at: T(25), by: RITA, owner: RITA }, // restored after the verification
    ]);
    expect(fourEyesReasons(judge(owners))).toEqual([
      { kind: "owned", from: T(10), until: T(12) },
      { kind: "changed-owner", at: T(12), from: RITA, to: null },
    ]);
    expect(fourEyesViolation(judge(owners))).toBe(
      `four eyes: ${RITA} owned FND-01 between ${iso(10)} and ${iso(12)}, while this transition (recorded ${iso(10)}) awaited verification; ` +
        `${RITA} changed the owner of FND-01 from ${RITA} to nobody at ${iso(12)}, while this transition (recorded ${iso(10)}) awaited verification`,
    );
  });

  it("names a change of owner by the verifier who never owned the item", () => {
    const owners = ownerTimeline(ANN, [{ at: T(15), by: RITA, owner: BOB }]);
    expect(fourEyesReasons(judge(owners))).toEqual([{ kind: "changed-owner", at: T(15), from: ANN, to: BOB }]);
  });

  it("the window is recordedAt..verification: owning or changing the owner before it is fine", () => {
    const owners = ownerTimeline(RITA, [{ at: T(9), by: RITA, owner: ANN }]);
    expect(fourEyesViolation(judge(owners))).toBeNull();
  });

  it("includes both ends of the window: a change in the same millisecond counts as inside", () => {
    const atOpen = ownerTimeline(RITA, [{ at: T(10), by: BOB, owner: ANN }]);
    expect(fourEyesReasons(judge(atOpen))).toEqual([{ kind: "owned", from: T(10), until: T(10) }]);
    const atClose = ownerTimeline(ANN, [{ at: T(20), by: RITA, owner: BOB }]);
    expect(fourEyesReasons(judge(atClose))).toEqual([{ kind: "changed-owner", at: T(20), from: ANN, to: BOB }]);
  });

  it("names who made the verifier owner when it was someone else: a reporter who hands the item to a reviewer and back bars that reviewer, visibly", () => {
    const owners = ownerTimeline(ANN, [
      { at: T(12), by: BOB, owner: RITA },
      { at: T(13), by: BOB, owner: ANN },
    ]);
    expect(fourEyesReasons(judge(owners))).toEqual([{ kind: "owned", from: T(12), until: T(13), madeOwnerBy: BOB }]);
    expect(fourEyesViolation(judge(owners))).toBe(
      `four eyes: ${RITA} owned FND-01 between ${iso(12)} and ${iso(13)} (made owner by ${BOB}), while this transition (recorded ${iso(10)}) awaited verification`,
    );
  });

  it("ignores letter case in e-mails", () => {
    expect(fourEyesReasons(judge({ initial: "RITA@Example.com", changes: [] }))).toEqual([{ kind: "owns" }]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over any owner history and window.

const PEOPLE = [ANN, BOB, RITA, "dan@example.com", "eve@example.com"];
const person = fc.constantFrom(...PEOPLE);

const historyArb = fc.record({
  initial: fc.option(person, { nil: null }),
  edits: fc.array(
    fc.record({
      step: fc.nat({ max: 5 }), // 0: several edits in the same millisecond
      by: fc.option(person, { nil: null }),
      owner: fc.option(fc.option(person, { nil: null }), { nil: undefined }),
    }),
    { maxLength: 12 },
  ),
  open: fc.nat({ max: 40 }),
  length: fc.nat({ max: 40 }),
  verifier: person,
  actor: person,
});

type History = typeof historyArb extends fc.Arbitrary<infer H> ? H : never;

function caseOf(h: History): FourEyesCase {
  let at = 0;
  const edits = h.edits.map((e) => ({ at: (at += e.step), by: e.by, ...(e.owner === undefined ? {} : { owner: e.owner }) }));
  return {
    item: "K",
    verifier: h.verifier,
    actor: h.actor,
    recordedAt: h.open,
    verifiedAt: h.open + h.length,
    owners: ownerTimeline(h.initial, edits),
  };
}

/** Any owner history and window, as the rule's input. */
const caseArb = historyArb.map(caseOf);

/** The plain restatement: the owner as the window opened, everyone made owner in it, everyone who changed it in it. */
function model(c: FourEyesCase) {
  const inWindow = c.owners.changes.filter((ch) => ch.at >= c.recordedAt && ch.at <= c.verifiedAt);
  const before = c.owners.changes.filter((ch) => ch.at < c.recordedAt);
  const owners = new Set([before.length ? before.at(-1)!.to : c.owners.initial, ...inWindow.map((ch) => ch.to)]);
  return { owners, changers: new Set(inWindow.map((ch) => ch.by)) };
}

const OWNER_REASONS = new Set(["owns", "owned"]);

describe("fourEyesReasons: properties", () => {
  it("whoever owned the item at any moment of the window is refused, for owning it", () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), (c, pick) => {
        const moment = c.recordedAt + (pick % (c.verifiedAt - c.recordedAt + 1));
        const owner = ownerAt(c.owners, moment);
        fc.pre(owner !== null);
        const reasons = fourEyesReasons({ ...c, verifier: owner });
        expect(reasons.some((r) => OWNER_REASONS.has(r.kind))).toBe(true);
        expect(fourEyesViolation({ ...c, verifier: owner })).toContain(owner);
      }),
      { numRuns: 300 },
    );
  });

  it("whoever changed the owner in the window is refused, naming each change", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const mine = c.owners.changes.filter((ch) => ch.by === c.verifier && ch.at >= c.recordedAt && ch.at <= c.verifiedAt);
        const named = fourEyesReasons(c).filter((r) => r.kind === "changed-owner");
        expect(named).toEqual(mine.map((ch) => ({ kind: "changed-owner", at: ch.at, from: ch.from, to: ch.to })));
      }),
      { numRuns: 300 },
    );
  });

  it("a verifier who did not report it, never owned it in the window and never changed its owner there passes", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { owners, changers } = model(c);
        fc.pre(c.verifier !== c.actor && !owners.has(c.verifier) && !changers.has(c.verifier));
        expect(fourEyesViolation(c)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it("agrees with the plain restatement on every reason, and every owned period lies inside the window", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { owners, changers } = model(c);
        const reasons = fourEyesReasons(c);
        expect(reasons.some((r) => r.kind === "reported")).toBe(c.verifier === c.actor);
        expect(reasons.some((r) => OWNER_REASONS.has(r.kind))).toBe(owners.has(c.verifier));
        expect(reasons.some((r) => r.kind === "changed-owner")).toBe(changers.has(c.verifier));
        for (const r of reasons)
          if (r.kind === "owned") expect(c.recordedAt <= r.from && r.from <= r.until && r.until <= c.verifiedAt).toBe(true);
        expect(fourEyesViolation(c) === null).toBe(reasons.length === 0);
      }),
      { numRuns: 500 },
    );
  });
});
