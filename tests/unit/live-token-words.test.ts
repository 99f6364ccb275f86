import { describe, expect, it } from "vitest";
import { liveTokensSentence } from "@/lib/auth/live-token-words";

describe("what a new password leaves working, in words", () => {
  it("says nothing when no token is live", () => {
    expect(liveTokensSentence(0, "own")).toBe("");
    expect(liveTokensSentence(0, "theirs")).toBe("");
  });

  it("tells the person how to revoke their own, and an admin how to revoke someone's", () => {
    expect(liveTokensSentence(1, "own")).toBe(" Your API token still works: revoke any that someone else may know on your account page, under API tokens.");
    expect(liveTokensSentence(3, "own")).toBe(" Your 3 API tokens still work: revoke any that someone else may know on your account page, under API tokens.");
    expect(liveTokensSentence(1, "theirs")).toBe(" Their API token still works: disable the account to revoke it.");
    expect(liveTokensSentence(1200, "theirs")).toBe(" Their 1,200 API tokens still work: disable the account to revoke them.");
  });
});
