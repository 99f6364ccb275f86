/**
 * The item page offers only what would be accepted: a reviewer sees no review form on their own
 * report, but the rule that stops them, said to them; and a past "known at" view offers no change
 * at all, with the way to today's view.
 */
import { expect, test } from "@playwright/test";
import { call } from "../support/api-client";
import { importSmallProgram } from "../support/programs";
import { signIn } from "../support/sign-in";

const report = async (request: Parameters<typeof call>[0], who: "contributor" | "reviewer", slug: string, key: string) => {
  const res = await call(request, who, "POST", `/api/programs/${slug}/items/${key}/transitions`, {
    to: "design",
    evidence: [{ kind: "design_doc", url: `https://docs.example.com/${key}`, summary: `Design of ${key}` }],
  });
  expect(res.status()).toBe(201);
  return (await res.json()).id as number;
};

test("a reviewer's own report shows the rule that stops them, not a form that would be refused", async ({ page, request }) => {
  const slug = await importSmallProgram(request, "e2e-item-review-own");
  const own = await report(request, "reviewer", slug, "B");
  const theirs = await report(request, "contributor", slug, "A");

  await signIn(page, "reviewer", `/programs/${slug}/items/B`);
  const row = page.getByTestId(`transition-${own}`);
  await expect(row).toContainText("pending verification");
  await expect(row.getByTestId(`not-yours-${own}`)).toHaveText("Not yours to review: you reported this transition and cannot also verify it.");
  await expect(row.getByRole("button", { name: /^Verify/ })).toHaveCount(0);
  await expect(row.getByRole("button", { name: /^Reject/ })).toHaveCount(0);

  await page.goto(`/programs/${slug}/items/A`);
  await expect(page.getByTestId(`transition-${theirs}`).getByRole("button", { name: /^Verify/ })).toBeVisible();
});

test("a past 'known at' view offers no change, says what it shows, and links to today's", async ({ page, request }) => {
  const slug = await importSmallProgram(request, "e2e-item-review-past");
  // A whole second after the import and before the report: the view knows the item, not the report.
  await new Promise((r) => setTimeout(r, 1100));
  const knownAt = new Date(Math.floor(Date.now() / 1000) * 1000 - 500).toISOString().replace(/\.\d+Z$/, "Z");
  await new Promise((r) => setTimeout(r, 1100));
  const reported = await report(request, "contributor", slug, "A");

  await signIn(page, "contributor", `/programs/${slug}/items/A?knownAt=${knownAt}`);
  await expect(page.getByTestId("known-at")).toContainText("as known at");
  await expect(page.getByTestId("past-view-note")).toContainText("nothing can be changed on it");
  for (const panel of ["Report progress", "Edit item"]) await expect(page.getByRole("heading", { name: panel })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /add dependency/i })).toHaveCount(0);

  await page.getByTestId("past-view-note").getByRole("link", { name: "Open today's view" }).click();
  await expect(page).toHaveURL(new RegExp(`/programs/${slug}/items/A$`));
  await expect(page.getByRole("heading", { name: "Report progress" })).toBeVisible();
  await expect(page.getByTestId(`transition-${reported}`)).toBeVisible();
});
