/** The footer of every printed page of a weekly report: the history head in words, never a run of zeros posing as a hash. */
import { describe, expect, it } from "vitest";
import { GENESIS_HASH } from "@/lib/hash-chain";
import { printFooter } from "@/lib/report/print-footer";

const HEAD = "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b";

describe("printFooter", () => {
  it("names program, week, version and the short history head at the cutoff", () => {
    expect(printFooter({ programName: "Boost offload", week: "2024-W52", version: "Draft · Illustrative", logHeadAtCutoff: HEAD })).toBe(
      "Boost offload · 2024-W52 · Draft · Illustrative · history head at the cutoff 1a2b3c4d5e6f7a8b…",
    );
  });

  it("leaves the version out when the print has none", () => {
    expect(printFooter({ programName: "P", week: "2024-W01", logHeadAtCutoff: HEAD })).toBe("P · 2024-W01 · history head at the cutoff 1a2b3c4d5e6f7a8b…");
  });

  it("says in words that the log began after the cutoff when the head is the genesis hash", () => {
    const footer = printFooter({ programName: "P", week: "2024-W01", version: "Published version", logHeadAtCutoff: GENESIS_HASH });
    expect(footer).toBe("P · 2024-W01 · Published version · history: the log began after the cutoff");
    expect(footer).not.toContain("0000");
  });
});
