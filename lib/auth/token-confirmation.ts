/**
 * An API token outlives the session it is made in (a new password does not end it), so a stolen
 * session cookie must not be enough to make one: the person shows they are at the keyboard by a
 * recent sign-in, or by typing their password again.
 */
export const RECENT_SIGN_IN_MINUTES = 15;

/** What making a token still asks for: nothing, the person's password, or a new sign-in (single sign-on people have no password). */
export type TokenConfirmation = "none" | "password" | "sign-in-again";

export function tokenConfirmationNeeded(signedInAt: number, now: number, passwordAccepted: boolean): TokenConfirmation {
  const age = now - signedInAt;
  if (age >= 0 && age < RECENT_SIGN_IN_MINUTES * 60_000) return "none";
  return passwordAccepted ? "password" : "sign-in-again";
}

/** Why the form asks, in the words it shows. */
export function tokenConfirmationReason(needed: Exclude<TokenConfirmation, "none">, provider: string | null): string {
  const why = `a token outlives this session, so one is made only within ${RECENT_SIGN_IN_MINUTES} minutes of signing in`;
  return needed === "password"
    ? `Confirm your password to make a token: ${why}, or with your password.`
    : `Sign in again${provider ? ` with ${provider}` : ""} to make a token: ${why}.`;
}
