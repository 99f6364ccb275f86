import { describe, expect, it } from "vitest";
import { signalValueWords, thresholdWords } from "@/lib/labels";

describe("a quality breach in words", () => {
  it("says what a threshold asks without its sign", () => {
    expect(thresholdWords("test_coverage_pct", ">= 70")).toBe("at least 70 %");
    expect(thresholdWords("unvetted_crates", "<= 0")).toBe("at most 0");
    expect(thresholdWords("crash_owner_registered", "= 1")).toBe("yes");
    expect(thresholdWords("unvetted_crates", "odd")).toBe("odd");
  });

  it("says whether a crash owner is registered as yes or no; other values stay numbers", () => {
    expect(signalValueWords("crash_owner_registered", 0)).toBe("no");
    expect(signalValueWords("crash_owner_registered", 1)).toBe("yes");
    expect(signalValueWords("unvetted_crates", 12)).toBe("12");
  });
});
