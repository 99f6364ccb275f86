import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CHANGING_ACCOUNTS, MAKING_A_TOKEN, proofNeeded, proofReason, RECENT_SIGN_IN_MINUTES } from "@/lib/auth/recent-sign-in";

const MINUTE = 60_000;

describe("what a change that outlives the session asks of it", () => {
  it("nothing before RECENT_SIGN_IN_MINUTES have passed since the sign-in; then a password, or a new sign-in without one", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), fc.integer({ min: 0, max: 40 * 24 * 60 * MINUTE }), fc.boolean(), (signedInAt, age, passwords) => {
        const needed = proofNeeded(signedInAt, signedInAt + age, passwords);
        if (age < RECENT_SIGN_IN_MINUTES * MINUTE) expect(needed).toBe("none");
        else expect(needed).toBe(passwords ? "password" : "sign-in-again");
      }),
    );
  });

  it("a sign-in dated after now (a clock set back) is not taken as recent", () => {
    expect(proofNeeded(1_000_000, 999_999, true)).toBe("password");
  });

  it("says why in words, for each change, naming the provider to sign in with", () => {
    expect(proofReason("password", null, CHANGING_ACCOUNTS)).toBe(
      "Confirm your password to change accounts: an account, a role or a new password outlives this session, so they are changed only within 15 minutes of signing in, or with your password.",
    );
    expect(proofReason("password", null, MAKING_A_TOKEN)).toBe(
      "Confirm your password to make a token: a token outlives this session, so one is made only within 15 minutes of signing in, or with your password.",
    );
    expect(proofReason("sign-in-again", "Acme SSO", MAKING_A_TOKEN)).toBe(
      "Sign in again with Acme SSO to make a token: a token outlives this session, so one is made only within 15 minutes of signing in.",
    );
  });
});
