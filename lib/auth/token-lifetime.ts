import { AppError } from "../errors";

const DAY_MS = 86_400_000;

/** What a new token lives for unless its owner chooses otherwise: long enough for a quarter's automation. */
export const DEFAULT_TOKEN_DAYS = 90;
/** The longest lifetime in days a token may be given, short of "never". */
export const MAX_TOKEN_DAYS = 3650;

/**
 * When a token made at `now` stops opening anything: `days` from now (a whole number, 1 to
 * MAX_TOKEN_DAYS; DEFAULT_TOKEN_DAYS when not given), or null for "never", which must be said.
 */
export function tokenExpiresAt(days: number | "never" | undefined, now: number): number | null {
  if (days === "never") return null;
  const d = days ?? DEFAULT_TOKEN_DAYS;
  if (!Number.isInteger(d) || d < 1 || d > MAX_TOKEN_DAYS)
    throw new AppError("invalid", `a token lives 1 to ${MAX_TOKEN_DAYS} whole days, or never; not ${String(days)}`);
  return now + d * DAY_MS;
}

/** "never", or a form field's or flag's whole number of days, as tokenExpiresAt takes it. */
export function parseTokenDays(text: string): number | "never" {
  const t = text.trim();
  if (t === "never") return "never";
  if (!/^\d{1,6}$/.test(t)) throw new AppError("invalid", `a token lives 1 to ${MAX_TOKEN_DAYS} whole days, or never; not "${t.slice(0, 40)}"`);
  return Number(t);
}

export type TokenLife = { state: "revoked"; at: number } | { state: "expired"; at: number } | { state: "active"; expiresAt: number | null };

/** Whether a token opens anything at `now`, and since or until when. */
export function tokenLife(token: { revokedAt: number | null; expiresAt: number | null }, now: number): TokenLife {
  if (token.revokedAt !== null) return { state: "revoked", at: token.revokedAt };
  if (token.expiresAt !== null && token.expiresAt <= now) return { state: "expired", at: token.expiresAt };
  return { state: "active", expiresAt: token.expiresAt };
}
