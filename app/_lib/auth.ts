import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { tokenPerson } from "@/db/accounts/api-tokens";
import { sessionPerson } from "@/db/accounts/sessions";
import { getDb } from "@/db/get-db";
import type { Person } from "@/db/schema";
import { RateLimiter } from "@/lib/auth/rate-limiter";
import { can, REQUIRED_ROLE, type Permission } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";

export const SESSION_COOKIE = "tracker_session";

// Per token, per process: TOKEN_RATE_LIMIT requests a minute (default 1200).
const tokenLimiter = new RateLimiter(Number(process.env.TOKEN_RATE_LIMIT ?? 1200), 60_000);

/** The signed-in person of this request (session cookie), or null. */
export async function currentPerson(): Promise<Person | null> {
  const jar = await cookies();
  return sessionPerson(getDb(), jar.get(SESSION_COOKIE)?.value);
}

/** For pages: the signed-in person, or a redirect to sign-in. */
export async function requireSignedIn(): Promise<Person> {
  const person = await currentPerson();
  if (!person) redirect("/sign-in");
  return person;
}

/** For server actions: the person if they hold the permission, else an AppError (401/403). */
export async function requireActionPermission(permission: Permission): Promise<Person> {
  return checkPermission(await currentPerson(), permission);
}

/** For route handlers: a bearer token or the session cookie, checked against the permission. */
export async function requireApiPermission(request: Request, permission: Permission): Promise<Person> {
  const header = request.headers.get("authorization");
  if (header !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match) {
      const wait = tokenLimiter.hit(match[1]!);
      if (wait > 0) throw new AppError("rate_limited", `too many requests with this token: retry in ${Math.ceil(wait / 1000)} s`);
    }
    const person = match ? tokenPerson(getDb(), match[1]!) : null;
    if (!person) throw new AppError("unauthenticated", "the bearer token is unknown or revoked");
    return checkPermission(person, permission);
  }
  return checkPermission(await currentPerson(), permission);
}

function checkPermission(person: Person | null, permission: Permission): Person {
  if (!person) throw new AppError("unauthenticated", "sign in, or send Authorization: Bearer <token>");
  if (!can(person.role, permission))
    throw new AppError("forbidden", `this needs the ${REQUIRED_ROLE[permission]} role; ${person.email} is ${person.role}`);
  return person;
}

/** Secure cookies only when the request came over https (directly or through a proxy). */
export async function isHttps(): Promise<boolean> {
  const h = await headers();
  return (h.get("x-forwarded-proto") ?? "").split(",")[0]?.trim() === "https";
}
