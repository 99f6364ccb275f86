import "server-only";
import { cookies } from "next/headers";
import { endSession, signIn, type SignedIn } from "@/db/accounts/sessions";
import { getDb } from "@/db/get-db";
import { DEVICE_COOKIE, DEVICE_COOKIE_SECONDS, isHttps, SESSION_COOKIE } from "./auth";

/**
 * Checks the password and opens a new session in place of the one the browser came with (never
 * carried over a sign-in): its cookie, and the browser's device cookie, are set for the answer.
 */
export async function signInReplacingSession(email: string, password: string): Promise<SignedIn> {
  const jar = await cookies();
  const session = await signIn(await getDb(), email, password, Date.now(), jar.get(DEVICE_COOKIE)?.value);
  await endSession(await getDb(), jar.get(SESSION_COOKIE)?.value);
  const secure = await isHttps();
  jar.set(SESSION_COOKIE, session.token, { httpOnly: true, sameSite: "lax", secure, path: "/", expires: new Date(session.expiresAt) });
  jar.set(DEVICE_COOKIE, session.device, { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: DEVICE_COOKIE_SECONDS });
  return session;
}
