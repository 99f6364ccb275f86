/** An item's owners over time, replayed from its recorded edits (the input of the four-eyes rule). */
import { describe, expect, it } from "vitest";
import { ownerAt, ownerTimeline, type OwnerEdit } from "@/lib/owner-timeline";

const ANN = "ann@example.com";
const BOB = "bob@example.com";
const RITA = "rita@example.com";
const T = (minute: number) => Date.parse("2025-03-03T09:00:00Z") + minute * 60_000;

describe("ownerTimeline", () => {
  it("keeps real changes with who made them and drops edits that leave the owner as it was", () => {
    const edits: OwnerEdit[] = [
      { at: T(1), by: BOB, owner: ANN }, // unchanged: the edit form sends every field
      { at: T(2), by: BOB }, // title only
      { at: T(3), by: RITA, owner: null },
      { at: T(4), by: RITA, owner: RITA },
    ];
    expect(ownerTimeline(ANN, edits)).toEqual({
      initial: ANN,
      changes: [
        { at: T(3), by: RITA, from: ANN, to: null },
        { at: T(4), by: RITA, from: null, to: RITA },
      ],
    });
  });

  it("gives the owner at a moment, a change counting from its own instant", () => {
    const t = ownerTimeline(ANN, [{ at: T(5), by: BOB, owner: RITA }]);
    expect([ownerAt(t, T(4)), ownerAt(t, T(5)), ownerAt(t, T(6))]).toEqual([ANN, RITA, RITA]);
  });
});
