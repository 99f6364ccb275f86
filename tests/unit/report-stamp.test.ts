/** The stamp every rendered report carries: which version it is, in the same words everywhere. */
import { describe, expect, it } from "vitest";
import { readStampHorizon, readStampText, stampHorizon, stampOf, stampText, stampTime } from "@/lib/report/report-stamp";
import { toInstant } from "@/lib/time";

const JAN6 = Date.parse("2025-01-06T09:05:59.999Z");
const SHA = "ab".repeat(32);

describe("the report stamp", () => {
  it("prints times in UTC to the minute, whatever the time zone", () => {
    expect(stampTime("2025-01-06T09:05:59.999Z")).toBe("2025-01-06 09:05 UTC");
  });

  it("says draft and not published for a week without publication", () => {
    const stamp = stampOf(null, JAN6);
    expect(stamp).toEqual({ version: "draft", generatedAt: "2025-01-06T09:05:59.999Z", published: null });
    expect(stampText(stamp)).toBe("Draft generated on 2025-01-06 09:05 UTC — not published");
  });

  it("says published, when, by whom and the digest while the week is as published", () => {
    const stamp = stampOf({ publishedAt: "2025-01-06T09:00:00.000Z", publishedBy: "Ada Admin", sha256: SHA, restated: false }, JAN6 + 86_400_000);
    expect(stamp.version).toBe("published");
    expect(stampText(stamp)).toBe(`Published version — published on 2025-01-06 09:00 UTC, by Ada Admin, sha256 ${SHA}`);
    // The time of the request does not show: a published file says the same thing whenever it is made.
    expect(stampText(stampOf({ publishedAt: "2025-01-06T09:00:00.000Z", publishedBy: "Ada Admin", sha256: SHA, restated: false }, JAN6 + 9e9))).toBe(stampText(stamp));
  });

  it("says draft, and that it differs from the publication, once the week was restated", () => {
    const stamp = stampOf({ publishedAt: "2025-01-06T09:00:00.000Z", publishedBy: "cli", sha256: SHA, restated: true }, Date.parse("2025-02-03T10:30:00Z"));
    expect(stamp.version).toBe("draft");
    expect(stampText(stamp)).toBe("Draft generated on 2025-02-03 10:30 UTC — differs from the version published on 2025-01-06 09:00 UTC by cli (restated)");
  });

  it("leaves out a publisher nobody is named for", () => {
    expect(stampText({ version: "published", publishedAt: "2025-01-06T09:00:00.000Z", publishedBy: null, sha256: SHA })).toBe(
      `Published version — published on 2025-01-06 09:00 UTC, sha256 ${SHA}`,
    );
  });

  it("is read back: the version word and the digest it names", () => {
    expect(readStampText(stampText({ version: "published", publishedAt: "2025-01-06T09:00:00.000Z", publishedBy: "A, sha256 x", sha256: SHA }))).toEqual({
      version: "published",
      sha256: SHA,
    });
    expect(readStampText(stampText(stampOf(null, JAN6)))).toEqual({ version: "draft", sha256: null });
    expect(readStampText("Final version")).toBeNull();
  });

  describe("past the evidence horizon", () => {
    const HORIZON = toInstant("2024-12-31");
    const W52_CUTOFF = Date.parse("2024-12-29T23:59:59.999Z");
    const W01_CUTOFF = Date.parse("2025-01-05T23:59:59.999Z");
    const STATEMENT = "Illustrative: this week lies past the program's evidence horizon, 2024-12-31; its figures are not evidence";

    it("adds nothing to a week on or before the horizon, nor to any week of a program without one", () => {
      expect(stampHorizon(HORIZON, W52_CUTOFF)).toEqual({});
      expect(stampHorizon(HORIZON, toInstant("2024-12-31", "end"))).toEqual({});
      expect(stampHorizon(null, W01_CUTOFF)).toEqual({});
      // The stamp of such a week is the very object (and so the very words) it always was.
      expect(stampOf(null, JAN6, stampHorizon(HORIZON, W52_CUTOFF))).toEqual({ version: "draft", generatedAt: "2025-01-06T09:05:59.999Z", published: null });
    });

    it("ends a draft's and a publication's sentence with the statement for a week whose cutoff lies past it", () => {
      expect(stampHorizon(HORIZON, W01_CUTOFF)).toEqual({ illustrative: { factsUntil: "2024-12-31" } });
      const draft = stampOf(null, JAN6, stampHorizon(HORIZON, W01_CUTOFF));
      expect(stampText(draft)).toBe(`Draft generated on 2025-01-06 09:05 UTC — not published. ${STATEMENT}`);
      const published = stampOf({ publishedAt: "2025-01-06T09:00:00.000Z", publishedBy: "Ada Admin", sha256: SHA, restated: false }, JAN6, stampHorizon(HORIZON, W01_CUTOFF));
      expect(stampText(published)).toBe(`Published version — published on 2025-01-06 09:00 UTC, by Ada Admin, sha256 ${SHA}. ${STATEMENT}`);
    });

    it("is read back: the version and digest as before, and the horizon the statement names", () => {
      const published = stampText({ version: "published", publishedAt: "2025-01-06T09:00:00.000Z", publishedBy: "Ada", sha256: SHA, illustrative: { factsUntil: "2024-12-31" } });
      expect(readStampText(published)).toEqual({ version: "published", sha256: SHA });
      expect(readStampHorizon(published)).toBe("2024-12-31");
      expect(readStampText(stampText(stampOf(null, JAN6, { illustrative: { factsUntil: "2024-06-30" } })))).toEqual({ version: "draft", sha256: null });
      expect(readStampHorizon(stampText(stampOf(null, JAN6)))).toBeNull();
    });
  });
});
