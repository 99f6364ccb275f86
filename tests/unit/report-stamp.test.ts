/** The stamp every rendered report carries: which version it is, in the same words everywhere. */
import { describe, expect, it } from "vitest";
import { readStampText, stampOf, stampText, stampTime } from "@/lib/report/report-stamp";

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
});
