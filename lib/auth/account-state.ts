/** Where an account stands, in the order that decides it: disabled first, then its password. */
export const ACCOUNT_STATES = ["active", "must_change_password", "no_password", "disabled"] as const;
export type AccountState = (typeof ACCOUNT_STATES)[number];

/**
 * An account with an identity at the OpenID provider (single sign-on) and no password is active:
 * it signs in through the provider.
 */
export function accountState(p: { disabledAt: number | null; mustChangePassword: boolean; hasPassword: boolean; hasIdentity?: boolean }): AccountState {
  if (p.disabledAt !== null) return "disabled";
  if (!p.hasPassword) return p.hasIdentity ? "active" : "no_password";
  return p.mustChangePassword ? "must_change_password" : "active";
}

/** How an account signs in: with its password, through single sign-on, both, or not at all (yet). */
export type SignInMethod = "password" | "sso" | "both" | "none";

export function signInMethod(p: { hasPassword: boolean; hasIdentity: boolean }): SignInMethod {
  if (p.hasPassword) return p.hasIdentity ? "both" : "password";
  return p.hasIdentity ? "sso" : "none";
}
