/** Accounts the HTTP and browser tests sign in with, one per role, on throwaway databases only. */
export const TEST_ACCOUNTS = {
  admin: { email: "admin@test.example", name: "Ada Admin", role: "admin" },
  reviewer: { email: "reviewer@test.example", name: "Rita Reviewer", role: "reviewer" },
  contributor: { email: "contributor@test.example", name: "Carl Contributor", role: "contributor" },
  viewer: { email: "viewer@test.example", name: "Vera Viewer", role: "viewer" },
} as const;
export type TestRole = keyof typeof TEST_ACCOUNTS;

/** Demo people given a password too, so tests can act as an item's owner and a demo reviewer. */
export const DEMO_SIGN_INS = ["priya.raman@example.com", "elena.marsh@example.com"] as const;
