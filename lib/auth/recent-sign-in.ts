/**
 * Some changes outlive the session they are made in — an API token, an account, a role, a reset
 * password — so a stolen session cookie must not be enough to make them: the person shows they are
 * at the keyboard by a recent sign-in, or by typing their password again.
 */
export const RECENT_SIGN_IN_MINUTES = 15;

/** What such a change still asks for: nothing, the person's password, or a new sign-in (single sign-on people have no password). */
export type SignInProof = "none" | "password" | "sign-in-again";

export function proofNeeded(signedInAt: number, now: number, passwordAccepted: boolean): SignInProof {
  const age = now - signedInAt;
  if (age >= 0 && age < RECENT_SIGN_IN_MINUTES * 60_000) return "none";
  return passwordAccepted ? "password" : "sign-in-again";
}

/** A change that asks for a recent sign-in, in the words that say so. */
export interface GuardedChange {
  /** "make a token" */
  doing: string;
  /** Why it outlives the session, and what is made only with a recent sign-in. */
  because: string;
}

export const MAKING_A_TOKEN: GuardedChange = { doing: "make a token", because: "a token outlives this session, so one is made only" };
export const CHANGING_ACCOUNTS: GuardedChange = {
  doing: "change accounts",
  because: "an account, a role or a new password outlives this session, so they are changed only",
};

/** Why the page asks, in the words it shows. */
export function proofReason(needed: Exclude<SignInProof, "none">, provider: string | null, change: GuardedChange): string {
  const why = `${change.because} within ${RECENT_SIGN_IN_MINUTES} minutes of signing in`;
  return needed === "password"
    ? `Confirm your password to ${change.doing}: ${why}, or with your password.`
    : `Sign in again${provider ? ` with ${provider}` : ""} to ${change.doing}: ${why}.`;
}
