/** Why a single sign-on attempt ended without a session; the sign-in page says each in words. */
export const SSO_PROBLEMS = {
  off: "Single sign-on is not set up on this tracker: sign in with your e-mail and password.",
  provider: "The identity provider could not be reached or did not answer as expected. Try again in a moment; if it persists, tell your administrator.",
  denied: "The identity provider did not sign you in (you may have cancelled). Try again.",
  state: "This sign-in attempt could not be matched to one started here (it expired after 10 minutes, was started in another browser, or its link was altered). Start again.",
  email_unverified: "Your identity provider has not verified your e-mail address. Verify it there, then sign in again.",
  no_email: "Your identity provider did not give an e-mail address, and the tracker names people by e-mail. Ask your administrator.",
  domain: "Your e-mail address is not of a domain allowed to sign in to this tracker. Ask your administrator.",
  disabled: "This account is disabled in the tracker: ask an administrator to enable it.",
} as const;
export type SsoProblem = keyof typeof SSO_PROBLEMS;

export function ssoProblemText(value: unknown): string | null {
  return typeof value === "string" && Object.hasOwn(SSO_PROBLEMS, value) ? SSO_PROBLEMS[value as SsoProblem] : null;
}
