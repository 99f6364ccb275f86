import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_TOKEN_DAYS, MAX_TOKEN_DAYS, parseTokenDays, tokenExpiresAt, tokenLife } from "@/lib/auth/token-lifetime";

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 3, 12);

describe("a token's lifetime", () => {
  it("is 90 days unless told; any whole number of days from 1 to 3650, or never when said", () => {
    expect(DEFAULT_TOKEN_DAYS).toBe(90);
    expect(tokenExpiresAt(undefined, NOW)).toBe(NOW + 90 * DAY);
    expect(tokenExpiresAt("never", NOW)).toBeNull();
    fc.assert(fc.property(fc.integer({ min: 1, max: MAX_TOKEN_DAYS }), (days) => tokenExpiresAt(days, NOW) === NOW + days * DAY));
    for (const bad of [0, -1, 1.5, MAX_TOKEN_DAYS + 1, Number.NaN]) expect(() => tokenExpiresAt(bad, NOW), String(bad)).toThrow(/1 to 3650 whole days, or never/);
  });

  it("reads a form's or a flag's choice, refusing anything but digits or never", () => {
    expect(parseTokenDays(" 30 ")).toBe(30);
    expect(parseTokenDays("never")).toBe("never");
    for (const bad of ["", "30d", "-5", "1e3", "forever"]) expect(() => parseTokenDays(bad), bad).toThrow(/whole days, or never/);
  });

  it("is told at a moment: revoked first, then expired from its expiry on, else active until it", () => {
    expect(tokenLife({ revokedAt: NOW - DAY, expiresAt: NOW - 2 * DAY }, NOW)).toEqual({ state: "revoked", at: NOW - DAY });
    expect(tokenLife({ revokedAt: null, expiresAt: NOW }, NOW)).toEqual({ state: "expired", at: NOW });
    expect(tokenLife({ revokedAt: null, expiresAt: NOW + 1 }, NOW)).toEqual({ state: "active", expiresAt: NOW + 1 });
    expect(tokenLife({ revokedAt: null, expiresAt: null }, NOW)).toEqual({ state: "active", expiresAt: null });
  });
});
