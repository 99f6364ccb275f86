import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { changeWords } from "@/lib/report/change-words";

describe("how a headline figure moved, in words", () => {
  it("counts, percentages and dates by how much and which way", () => {
    expect(changeWords("5", "18")).toBe("+13");
    expect(changeWords("18", "5")).toBe("−13");
    expect(changeWords("11.9 %", "14.4 %")).toBe("+2.5 points");
    expect(changeWords("12.0 %", "11.0 %")).toBe("−1 point");
    expect(changeWords("2026-11-01", "2027-05-30")).toBe("30 weeks later");
    expect(changeWords("2026-11-05", "2026-11-01")).toBe("4 days earlier");
    expect(changeWords("2026-11-01", "2026-11-08")).toBe("1 week later");
  });

  it("says same when nothing moved, and changed when the two cannot be measured against each other", () => {
    expect(changeWords("64", "64")).toBe("same");
    expect(changeWords("none", "2027-01-03")).toBe("changed");
    expect(changeWords("12", "12.0 %")).toBe("changed");
  });

  it("gives back the difference of any two counts", () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.nat(100_000), (a, b) => {
        const words = changeWords(String(a), String(b));
        if (a === b) expect(words).toBe("same");
        else expect(Number(words.replace("−", "-"))).toBe(b - a);
      }),
    );
  });
});
