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

/** A valid program of `count` items I-001, I-002, … in a chain every tenth item depends on its predecessor. */
export function manyItemsBundle(slug: string, count: number) {
  const bundle = smallBundle(slug);
  const key = (n: number) => `I-${String(n).padStart(3, "0")}`;
  const items = Array.from({ length: count }, (_, i) => ({
    key: key(i + 1),
    title: `Work item number ${i + 1}`,
    area: i % 2 ? "Core" : "Other",
    owner: TEST_ACCOUNTS.contributor.email,
    team: "Test",
    estimateWeeks: 1,
    identifiedAt: "2024-01-01",
    dependsOn: i % 10 === 9 ? [key(i)] : [],
  }));
  return { ...bundle, items };
}
