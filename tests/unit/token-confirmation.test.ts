import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RECENT_SIGN_IN_MINUTES, tokenConfirmationNeeded, tokenConfirmationReason } from "@/lib/auth/token-confirmation";

const MINUTE = 60_000;

describe("what making a token asks of a session", () => {
  it("nothing before RECENT_SIGN_IN_MINUTES have passed since the sign-in; then a password, or a new sign-in without one", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), fc.integer({ min: 0, max: 40 * 24 * 60 * MINUTE }), fc.boolean(), (signedInAt, age, passwords) => {
        const needed = tokenConfirmationNeeded(signedInAt, signedInAt + age, passwords);
        if (age < RECENT_SIGN_IN_MINUTES * MINUTE) expect(needed).toBe("none");
        else expect(needed).toBe(passwords ? "password" : "sign-in-again");
      }),
    );
  });

  it("a sign-in dated after now (a clock set back) is not taken as recent", () => {
    expect(tokenConfirmationNeeded(1_000_000, 999_999, true)).toBe("password");
  });

  it("says why in words, naming the provider to sign in with", () => {
    expect(tokenConfirmationReason("password", null)).toBe(
      "Confirm your password to make a token: a token outlives this session, so one is made only within 15 minutes of signing in, or with your password.",
    );
    expect(tokenConfirmationReason("sign-in-again", "Acme SSO")).toBe(
      "Sign in again with Acme SSO to make a token: a token outlives this session, so one is made only within 15 minutes of signing in.",
    );
  });
});
