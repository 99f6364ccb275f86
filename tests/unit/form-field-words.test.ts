import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fieldErrorsInWords, fieldWords } from "@/lib/form-field-words";

describe("a refused field in the form's words", () => {
  it("names the fields as their labels do, rows counted from one", () => {
    expect(fieldWords("effectiveAt")).toBe("Effective date");
    expect(fieldWords("confirm")).toBe("Repeat the new password");
    expect(fieldWords("evidence.0.url")).toBe("Evidence 1, URL");
    expect(fieldWords("evidence.2.fleetPercent")).toBe("Evidence 3, Fleet %");
    expect(fieldWords("thresholds.minCoverage")).toBe("Thresholds, min coverage");
    expect(fieldWords("")).toBe("The form");
  });

  it("joins every broken rule, each after its field", () => {
    expect(
      fieldErrorsInWords([
        { path: "effectiveAt", message: "must not be in the future" },
        { path: "reason", message: "must say why the transition is rejected" },
      ]),
    ).toBe("Effective date: must not be in the future; Reason: must say why the transition is rejected");
  });

  it("never shows a camel-cased name: any identifier is spelled out in words", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]+([A-Z][a-z]+){0,3}$/), (name) => {
        expect(fieldWords(name)).not.toMatch(/[a-z][A-Z]/);
      }),
    );
  });
});
