import { describe, expect, it } from "vitest";
import { importCountWords } from "@/lib/bundle/import-count-words";

const NONE = { people: 0, newPeople: 0, items: 0, dependencies: 0, transitions: 0, verifications: 0, evidence: 0, signals: 0, claims: 0, events: 0 };

describe("an import's counts in words", () => {
  it("names every count in the right number, never a field name", () => {
    const words = importCountWords({ ...NONE, people: 19, newPeople: 3, items: 1, dependencies: 2, evidence: 1, claims: 7, events: 1 });
    expect(words).toEqual([
      "19 people, 3 new accounts",
      "1 item",
      "2 dependencies",
      "0 reported transitions",
      "0 verifications",
      "1 piece of evidence",
      "0 signals",
      "7 public claims",
      "1 outside event",
    ]);
    for (const w of words) expect(w).not.toMatch(/[a-z][A-Z]/);
  });

  it("says whether the people are new accounts, and lists rejections and comments only when the bundle has them", () => {
    expect(importCountWords({ ...NONE, people: 1, newPeople: 1 })[0]).toBe("1 person, a new account");
    expect(importCountWords({ ...NONE, people: 2, newPeople: 0 })[0]).toBe("2 people, all with accounts already");
    expect(importCountWords({ ...NONE, people: 2, newPeople: 1 })[0]).toBe("2 people, 1 new account");
    expect(importCountWords({ ...NONE, rejections: 1, comments: 4 })).toEqual(expect.arrayContaining(["1 rejection", "4 comments"]));
    expect(importCountWords(NONE).some((w) => /rejection|comment/.test(w))).toBe(false);
  });
});
