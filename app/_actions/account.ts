"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { refuseWrongArguments } from "@/app/_lib/action-args";
import { DEVICE_COOKIE, requireActionPermission, SESSION_COOKIE } from "@/app/_lib/auth";
import { defineFormAction, formText } from "@/app/_lib/define-form-action";
import type { TokenState } from "@/components/ui/action-state";
import { getSignInConfig } from "@/app/_lib/oidc";
import { signInReplacingSession } from "@/app/_lib/replace-session";
import { createToken, revokeToken } from "@/db/accounts/api-tokens";
import { recentSignInProof } from "@/db/accounts/recent-sign-in-proof";
import { changeOwnPassword } from "@/db/accounts/change-own-password";
import { getDb } from "@/db/get-db";
import { liveTokensSentence } from "@/lib/auth/live-token-words";
import { DEFAULT_TOKEN_DAYS, parseTokenDays } from "@/lib/auth/token-lifetime";
import { MAKING_A_TOKEN, proofReason, RECENT_SIGN_IN_MINUTES, type SignInProof } from "@/lib/auth/recent-sign-in";
import { AppError, asAppError } from "@/lib/errors";
import { formatUtcMinute } from "@/lib/time";
import { textRefusal } from "@/lib/validations/refused-text";
import { sameOriginPath } from "@/lib/http/same-origin-path";

/**
 * Any signed-in person may make tokens for themselves; a token carries its owner's role. A session
 * older than a recent sign-in must show its password again (recent-sign-in.ts). Not a
 * `defineFormAction`: its answer is the token, shown once, not a sentence.
 */
export async function createTokenAction(_prev: TokenState, form: FormData): Promise<TokenState> {
  const wrong = refuseWrongArguments(form);
  if (wrong) return { token: null, error: wrong.message, name: "" };
  const typed = String(form.get("name") ?? "");
  const typedDays = String(form.get("days") ?? String(DEFAULT_TOKEN_DAYS));
  // A refusal after a password was asked for keeps the field on the form.
  let asked: SignInProof | undefined;
  try {
    const person = await requireActionPermission("read");
    const name = typed.trim() || "web";
    // Refused, not cut: the token's name is what the form showed.
    if (name.length > TOKEN_NAME_MAX)
      throw new AppError("invalid", `A token name has at most ${TOKEN_NAME_MAX} characters; this one has ${name.length}.`);
    const refused = textRefusal(name);
    if (refused) throw new AppError("invalid", `A token name ${refused}.`);
    const days = parseTokenDays(typedDays);
    const db = await getDb();
    const jar = await cookies();
    const { oidc, localSignIn } = getSignInConfig();
    const proof = { session: jar.get(SESSION_COOKIE)?.value, password: String(form.get("password") ?? ""), device: jar.get(DEVICE_COOKIE)?.value, passwordsAccepted: localSignIn };
    asked = proof.password === "" ? asked : "password";
    const needed = await recentSignInProof(db, person, proof);
    if (needed !== "none") return { token: null, error: proofReason(needed, oidc?.providerName ?? null, MAKING_A_TOKEN), name: typed, days: typedDays, confirm: needed };
    const made = await createToken(db, person, name, person.email, days);
    revalidatePath("/account");
    return { token: made.token, expires: made.expiresAt === null ? "never" : formatUtcMinute(made.expiresAt), error: null, name: "" };
  } catch (e) {
    const known = asAppError(e);
    if (known) return { token: null, error: known.message, name: typed, days: typedDays, confirm: asked };
    throw e;
  }
}

const TOKEN_NAME_MAX = 100;

/** Revokes one of the person's own tokens (any token for an admin); an unknown id is a refusal in words. */
export const revokeTokenAction = defineFormAction({
  args: [],
  permission: "read",
  input: (form) => {
    const id = formText(form, "id");
    if (!/^[1-9]\d{0,14}$/.test(id)) throw new AppError("invalid", `no token #${id.slice(0, 40)}: a token id is a whole number`);
    return Number(id);
  },
  run: async ({ db, actor, input: id }) => await revokeToken(db, id, actor),
  success: "Token revoked.",
  revalidate: () => "/account",
});

/**
 * A person sets their own password: the one form open to someone who signed in with a one-time
 * password, who then goes on to where they were headed. Passwords are read as typed (not trimmed)
 * and never kept in the form's state.
 */
export const changePasswordAction = defineFormAction({
  args: [],
  permission: "read",
  passwordChange: true,
  input: (form) => ({
    fields: { current: String(form.get("current") ?? ""), password: String(form.get("password") ?? ""), confirm: String(form.get("confirm") ?? "") },
    next: sameOriginPath(form.get("next")),
  }),
  run: async ({ db, actor, input }) => {
    const jar = await cookies();
    const { liveTokens } = await changeOwnPassword(db, actor, input.fields, jar.get(SESSION_COOKIE)?.value, jar.get(DEVICE_COOKIE)?.value);
    return { wasOneTime: actor.mustChangePassword, liveTokens };
  },
  success: ({ result }) => `Your password is changed. Your other sessions have ended.${liveTokensSentence(result.liveTokens, "own")}`,
  redirect: ({ input, result }) => (result.wasOneTime ? input.next : null),
  revalidate: () => "/account",
});

/**
 * Signs the person in again with their password, on a page that asks for a recent sign-in before
 * changes that outlive the session: a new session replaces this one, and the page is read again.
 */
export const confirmSignInAction = defineFormAction({
  args: ["path"],
  permission: "read",
  input: (form) => String(form.get("password") ?? ""),
  run: async ({ actor, input: password }) => {
    if (!getSignInConfig().localSignIn) throw new AppError("invalid", "Passwords are not accepted here: sign in again with your organisation's identity provider.");
    if (password === "") throw new AppError("invalid", "Type your password.");
    try {
      await signInReplacingSession(actor.email, password);
    } catch (e) {
      if (e instanceof AppError && e.code === "unauthenticated") throw new AppError("invalid", "Wrong password: type the one you sign in with.");
      throw e;
    }
  },
  success: `Confirmed: for ${RECENT_SIGN_IN_MINUTES} minutes this session makes such changes without asking again.`,
  revalidate: ([path]) => sameOriginPath(path),
});

