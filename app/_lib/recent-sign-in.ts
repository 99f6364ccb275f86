import "server-only";
import { cookies } from "next/headers";
import { sessionSignedInAt } from "@/db/accounts/sessions";
import { getDb } from "@/db/get-db";
import type { Person } from "@/db/schema";
import { proofNeeded } from "@/lib/auth/recent-sign-in";
import { SESSION_COOKIE } from "./auth";
import { getSignInConfig } from "./oidc";

/**
 * What a page's changes that outlive the session ask of this one now (the actions ask again when
 * a form is sent), the provider's name, and where to sign in again through it, back to `back`.
 */
export async function recentSignInAsked(person: Person, back: string, now = Date.now()) {
  const signedInAt = await sessionSignedInAt(await getDb(), (await cookies()).get(SESSION_COOKIE)?.value, now);
  const { oidc, localSignIn } = getSignInConfig();
  return {
    needed: proofNeeded(signedInAt ?? 0, now, localSignIn && person.passwordHash !== null),
    provider: oidc?.providerName ?? null,
    signInAgain: oidc ? { href: `/api/auth/oidc/start?next=${encodeURIComponent(back)}`, label: `Sign in again with ${oidc.providerName}` } : null,
  };
}
