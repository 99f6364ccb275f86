import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { tokenPerson } from "@/db/accounts/api-tokens";
import { recentSignInProof } from "@/db/accounts/recent-sign-in-proof";
import { sessionPerson } from "@/db/accounts/sessions";
import { getDb } from "@/db/get-db";
import type { Person } from "@/db/schema";
import { proofReason, type GuardedChange } from "@/lib/auth/recent-sign-in";
import { can, REQUIRED_ROLE, type Permission } from "@/lib/auth/roles";
import { isSecretShaped, sha256 } from "@/lib/auth/secrets";
import { AppError } from "@/lib/errors";
import { appOrigin, clientAddress, fromOwnOrigin, mediaType } from "@/lib/http/app-origin";
import { getSignInConfig } from "./oidc";
import { limitOrThrow, sessionLimiter, tokenLimiter, unknownCredentialLimiter } from "./rate-limits";

export const SESSION_COOKIE = "tracker_session";
/** A browser that signed in with a password before: its failed sign-ins are counted apart. */
export const DEVICE_COOKIE = "tracker_device";
export const DEVICE_COOKIE_SECONDS = 365 * 24 * 60 * 60;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The signed-in person of this request (session cookie), or null. The root layout, the program's
 * layout and the page each ask: React's per-request cache makes that one lookup.
 */
export const currentPerson = cache(async (): Promise<Person | null> => {
  const jar = await cookies();
  return await sessionPerson(await getDb(), jar.get(SESSION_COOKIE)?.value);
});

/** The page where a person with a one-time password must choose their own before anything else. */
export const CHOOSE_PASSWORD_PATH = "/account/password";

/** What a person with a one-time password is told by every door but the one to replace it. */
const CHOOSE_PASSWORD_FIRST = `choose your own password first (${CHOOSE_PASSWORD_PATH}): you signed in with a one-time password`;

interface Gate {
  /** Only for replacing a one-time password: let a person who must do so through. */
  passwordChange?: boolean;
  /** A change that outlives the session: only within minutes of signing in (recent-sign-in.ts). */
  recentSignIn?: GuardedChange;
}

/**
 * For pages: the signed-in person, or a redirect — to sign-in (saying the session has ended when a
 * cookie came with no live session: expired, signed out, or the account disabled), or, for a
 * person who must replace a one-time password, to the page where they do.
 */
export async function requireSignedIn(gate: Gate = {}): Promise<Person> {
  const person = await currentPerson();
  if (!person) redirect((await cookies()).has(SESSION_COOKIE) ? "/sign-in?ended=1" : "/sign-in");
  if (person.mustChangePassword && !gate.passwordChange) redirect(CHOOSE_PASSWORD_PATH);
  return person;
}

/** For server actions: the person if they hold the permission, else an AppError (401/403/429). */
export async function requireActionPermission(permission: Permission, gate: Gate = {}): Promise<Person> {
  const session = (await cookies()).get(SESSION_COOKIE)?.value;
  const person = checkPasswordChosen(checkPermission(await limitedSessionPerson(session, await headers()), permission), gate);
  if (gate.recentSignIn) await checkRecentSignIn(person, session, gate.recentSignIn);
  return person;
}

/** The session signed in recently enough for `change`, else a 403 that says how to show it is still its person. */
async function checkRecentSignIn(person: Person, session: string | undefined, change: GuardedChange): Promise<void> {
  const { oidc, localSignIn } = getSignInConfig();
  const needed = await recentSignInProof(await getDb(), person, { session, password: "", passwordsAccepted: localSignIn });
  if (needed === "none") return;
  const refusal = new AppError("forbidden", proofReason(needed, oidc?.providerName ?? null, change));
  refusal.words = refusal.message;
  throw refusal;
}

/**
 * The session's person, counted against the session's rate limit; a cookie that names no live
 * session is counted against its address instead (see unknownCredentialLimiter).
 */
async function limitedSessionPerson(session: string | undefined, requestHeaders: Headers): Promise<Person | null> {
  if (!session) return null;
  const person = await currentPerson();
  if (person) limitOrThrow(sessionLimiter, sha256(session), "in this session");
  else limitOrThrow(unknownCredentialLimiter, clientAddress(requestHeaders), "from your address with an unknown session");
  return person;
}

function checkPasswordChosen(person: Person, gate: Gate): Person {
  if (person.mustChangePassword && !gate.passwordChange) throw new AppError("forbidden", CHOOSE_PASSWORD_FIRST);
  return person;
}

/**
 * For route handlers: a bearer token or the session cookie, checked against the permission.
 * A cookie is sent by the browser whoever made the page, so an unsafe request that rides on it
 * must come from the app's own pages with a JSON body (no HTML form or text/plain fetch can).
 */
export async function requireApiPermission(request: Request, permission: Permission): Promise<Person> {
  const header = request.headers.get("authorization");
  if (header !== null) {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
    // Junk never reaches the database; a well-formed token is counted once it is known (see unknownCredentialLimiter).
    if (!token || !isSecretShaped(token, "bot")) throw new AppError("unauthenticated", "the bearer token is not a tracker token");
    const person = await tokenPerson(await getDb(), token);
    if (!person) {
      limitOrThrow(unknownCredentialLimiter, clientAddress(request.headers), "from your address with unknown tokens");
      throw new AppError("unauthenticated", "the bearer token is unknown, revoked or expired");
    }
    limitOrThrow(tokenLimiter, sha256(token), "with this token");
    return checkPermission(person, permission);
  }
  const session = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!session) return checkPermission(null, permission);
  if (!SAFE_METHODS.has(request.method)) refuseCrossSite(request);
  // A token is made on purpose and kept by its owner; a session opened with a one-time password is not yet theirs.
  return checkPasswordChosen(checkPermission(await limitedSessionPerson(session, request.headers), permission), {});
}

function refuseCrossSite(request: Request): void {
  if (!fromOwnOrigin(request.headers, appOrigin(request.headers)))
    throw new AppError("forbidden", "a request with the session cookie must come from the tracker's own pages (Origin); automation uses a bearer token");
  if (request.headers.has("content-type") || request.method === "POST") {
    if (mediaType(request.headers) !== "application/json")
      throw new AppError("forbidden", "a request with the session cookie must send Content-Type: application/json");
  }
}

function checkPermission(person: Person | null, permission: Permission): Person {
  if (!person) throw new AppError("unauthenticated", "sign in, or send Authorization: Bearer <token>");
  if (!can(person.role, permission))
    throw new AppError("forbidden", `this needs the ${REQUIRED_ROLE[permission]} role; ${person.email} is ${person.role}`);
  return person;
}

/** Secure cookies when the app is served over https: PUBLIC_URL says so, or a trusted proxy does. */
export async function isHttps(): Promise<boolean> {
  return appOrigin(await headers()).startsWith("https:");
}
