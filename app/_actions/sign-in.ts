"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { refuseWrongArguments } from "@/app/_lib/action-args";
import { isHttps, SESSION_COOKIE } from "@/app/_lib/auth";
import { limitOrThrow, signInAddressLimiter } from "@/app/_lib/rate-limits";
import type { SignInState } from "@/components/ui/action-state";
import { endSession, signIn } from "@/db/accounts/sessions";
import { getDb } from "@/db/get-db";
import { AppError } from "@/lib/errors";
import { appOrigin, clientAddress } from "@/lib/http/app-origin";
import { sameOriginPath } from "@/lib/http/same-origin-path";

/**
 * Not a `defineFormAction`: it needs no session but makes one, and its refusals are deliberately vague
 * (a wrong e-mail and a wrong password read the same).
 */
export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const wrong = refuseWrongArguments(form);
  if (wrong) return { error: wrong.message, email: "" };
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  if (!email || !password) return { error: "Enter your e-mail and password.", email };
  try {
    limitOrThrow(signInAddressLimiter, clientAddress(await headers()), "from your address");
    const session = await signIn(getDb(), email, password);
    const jar = await cookies();
    endSession(getDb(), jar.get(SESSION_COOKIE)?.value); // never carry a session over a sign-in
    jar.set(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: "lax",
      secure: await isHttps(),
      path: "/",
      expires: new Date(session.expiresAt),
    });
  } catch (e) {
    if (e instanceof AppError) return { error: e.code === "rate_limited" ? `${e.message}.` : "Wrong e-mail or password.", email };
    throw e;
  }
  redirect(sameOriginPath(form.get("next"), appOrigin(await headers())));
}

export async function signOutAction(): Promise<void> {
  const jar = await cookies();
  endSession(getDb(), jar.get(SESSION_COOKIE)?.value);
  jar.delete(SESSION_COOKIE);
  redirect("/sign-in");
}
