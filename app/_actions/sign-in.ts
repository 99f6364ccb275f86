"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { refuseWrongArguments } from "@/app/_lib/action-args";
import { CHOOSE_PASSWORD_PATH, isHttps, SESSION_COOKIE } from "@/app/_lib/auth";
import { END_SESSION_COOKIE, END_SESSION_SECONDS, endSessionUrl, getSignInConfig, SIGNED_OUT_PATH } from "@/app/_lib/oidc";
import { limitOrThrow, signInAddressLimiter } from "@/app/_lib/rate-limits";
import type { SignInState } from "@/components/ui/action-state";
import { endSession } from "@/db/accounts/sessions";
import { getDb } from "@/db/get-db";
import { asAppError, type AppError } from "@/lib/errors";
import { signInReplacingSession } from "@/app/_lib/replace-session";
import { upperFirst } from "@/lib/format";
import { appOrigin, clientAddress } from "@/lib/http/app-origin";
import { sameOriginPath } from "@/lib/http/same-origin-path";

/**
 * Not a `defineFormAction`: it needs no session but makes one, and its refusals are deliberately vague
 * (a wrong e-mail and a wrong password read the same).
 */
export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const wrong = refuseWrongArguments(form);
  if (wrong) return { error: wrong.message, email: "" };
  // LOCAL_SIGN_IN=off: a hidden form is no lock, so the action itself refuses passwords.
  if (!getSignInConfig().localSignIn) return { error: "Passwords are not accepted here: sign in with your organisation's identity provider.", email: "" };
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  if (!email || !password) return { error: "Enter your e-mail and password.", email };
  let mustChangePassword = false;
  try {
    limitOrThrow(signInAddressLimiter, clientAddress(await headers()), "from your address");
    mustChangePassword = (await signInReplacingSession(email, password)).person.mustChangePassword;
  } catch (e) {
    const known = asAppError(e);
    if (known) return { error: await refusal(known), email };
    throw e;
  }
  const next = sameOriginPath(form.get("next"), appOrigin(await headers()));
  // A one-time password opens one page: the one where its holder chooses their own.
  redirect(mustChangePassword ? `${CHOOSE_PASSWORD_PATH}${next === "/" ? "" : `?next=${encodeURIComponent(next)}`}` : next);
}

/** Wrong e-mail and wrong password read the same; a disabled account is told only for its right password. */
async function refusal(e: AppError): Promise<string> {
  if (e.code === "rate_limited") return `${upperFirst(e.message)}.`;
  if (e.code === "forbidden") return "This account is disabled: ask an administrator to enable it.";
  return "Wrong e-mail or password.";
}

/** Ends the tracker session; one single sign-on opened goes on to the provider's sign-out when it has one. */
export async function signOutAction(): Promise<void> {
  const jar = await cookies();
  const request = await headers();
  const idToken = await endSession(await getDb(), jar.get(SESSION_COOKIE)?.value);
  jar.delete(SESSION_COOKIE);
  const providerSignOut = idToken && await endSessionUrl(idToken, request);
  if (!providerSignOut) redirect("/sign-in");
  // With JavaScript the page itself goes to the provider. A form posted without it is a navigation
  // that CSP's `form-action 'self'` keeps on this site, redirects included: a page of ours offers
  // the provider's sign-out instead, as a link.
  if (request.has("next-action")) redirect(providerSignOut);
  jar.set(END_SESSION_COOKIE, providerSignOut, { httpOnly: true, sameSite: "lax", secure: await isHttps(), path: "/", maxAge: END_SESSION_SECONDS });
  redirect(SIGNED_OUT_PATH);
}
