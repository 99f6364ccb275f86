import "server-only";
import { RateLimiter } from "@/lib/auth/rate-limiter";
import { AppError } from "@/lib/errors";

// Per server process, keyed by hashes (never by what a client sent as is). Defaults are far above
// what a person or a well-behaved script does in a minute.
const perMinute = (name: string, fallback: number) => new RateLimiter(Number(process.env[name] ?? fallback), 60_000);

/** API requests per token. */
export const tokenLimiter = perMinute("TOKEN_RATE_LIMIT", 1200);
/** API requests and server actions per web session. */
export const sessionLimiter = perMinute("SESSION_RATE_LIMIT", 1200);
/**
 * Requests with a token or session the server does not know, per client address. They are counted
 * here, not per credential, so that made-up credentials cannot push real ones' counts out of the
 * per-token and per-session limiters (each remembers a bounded number of keys).
 */
export const unknownCredentialLimiter = perMinute("UNKNOWN_CREDENTIAL_LIMIT", 120);
/** Sign-in attempts per client address, whatever the account (each costs a password hash). */
export const signInAddressLimiter = perMinute("SIGN_IN_ADDRESS_LIMIT", 30);

/** Counts a use of `key`; a 429 problem saying when to retry once over the limit. */
export function limitOrThrow(limiter: RateLimiter, key: string, where: string): void {
  const wait = limiter.hit(key);
  if (wait > 0) throw new AppError("rate_limited", `too many requests ${where}: retry in ${Math.ceil(wait / 1000)} s`);
}
