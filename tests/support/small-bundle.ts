import { TEST_ACCOUNTS } from "./test-accounts";

/**
 * A small valid program for HTTP tests: A <- B <- C (C depends on B, B on A), D alone, owned by
 * the contributor test account except D (owned by the reviewer account, for four-eyes tests).
 */
export function smallBundle(slug: string) {
  const people = Object.values(TEST_ACCOUNTS).map((a) => ({ email: a.email, name: a.name, team: "Test" }));
  const item = (key: string, dependsOn: string[], owner: string) => ({
    key,
    title: `Item ${key}`,
    area: key === "D" ? "Other" : "Core",
    owner,
    team: "Test",
    estimateWeeks: 2,
    identifiedAt: "2024-01-01",
    dependsOn,
  });
  return {
    format: "offload-tracker/v1",
    program: { slug, name: `Program ${slug}`, targetDate: "2025-06-30" },
    people,
    items: [
      item("A", [], TEST_ACCOUNTS.contributor.email),
      item("B", ["A"], TEST_ACCOUNTS.contributor.email),
      item("C", ["B"], TEST_ACCOUNTS.contributor.email),
      item("D", [], TEST_ACCOUNTS.reviewer.email),
    ],
    transitions: [],
    signals: [],
    claims: [],
  };
}
