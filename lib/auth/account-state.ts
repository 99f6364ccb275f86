/** Where an account stands, in the order that decides it: disabled first, then its password. */
export const ACCOUNT_STATES = ["active", "must_change_password", "no_password", "disabled"] as const;
export type AccountState = (typeof ACCOUNT_STATES)[number];

export function accountState(p: { disabledAt: number | null; mustChangePassword: boolean; hasPassword: boolean }): AccountState {
  if (p.disabledAt !== null) return "disabled";
  if (!p.hasPassword) return "no_password";
  return p.mustChangePassword ? "must_change_password" : "active";
}
