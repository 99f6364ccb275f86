import { ROLES, type Role } from "../bundle/bundle-schema";

export { ROLES, type Role };

/** What each kind of action needs (DESIGN §10): one table, used by every door. */
export const REQUIRED_ROLE = {
  read: "viewer",
  report: "contributor", // transitions, evidence, signals, dependencies, item edits
  comment: "contributor", // comments on items and claims; each author edits and deletes only their own
  verify: "reviewer",
  admin: "admin", // programs, claims, import, users, publishing
} as const satisfies Record<string, Role>;
export type Permission = keyof typeof REQUIRED_ROLE;

function roleRank(role: Role): number {
  return ROLES.indexOf(role);
}

export function can(role: Role, permission: Permission): boolean {
  return roleRank(role) >= roleRank(REQUIRED_ROLE[permission]);
}
