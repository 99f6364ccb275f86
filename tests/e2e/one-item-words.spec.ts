import { expect, test } from "@playwright/test";
import { authHeaders } from "../support/api-client";
import { signIn } from "../support/sign-in";
import { smallBundle } from "../support/small-bundle";

// A program of one item of one week's estimate: every count and length on its pages is singular.
test("a one-item program says 1 item and 1 week, never 1 items or 1 weeks", async ({ page, request }) => {
  const slug = `one-${Date.now()}`;
  const base = smallBundle(slug);
  const bundle = { ...base, items: [{ ...base.items[0]!, estimateWeeks: 1 }] };
  expect((await request.post("/api/programs/import", { headers: authHeaders("admin"), data: bundle })).status()).toBe(201);

  await signIn(page, "viewer", `/programs/${slug}/items/A`);
  await expect(page.locator("dt", { hasText: "Estimate" }).locator("+ dd")).toHaveText("1 week");
  await page.goto(`/programs/${slug}/timeline`);
  await expect(page.getByTestId("timeline-summary")).toContainText("(1 week of work on its critical path)");
  await expect(page.getByTestId("timeline-summary")).toContainText("1 item");
  await expect(page.getByTestId("timeline-summary")).not.toContainText(/(?<![\d.,])1 (items|weeks)\b/);
  await page.goto(`/programs/${slug}/graph`);
  await expect(page.getByRole("option", { name: "All areas (1 item)" })).toBeAttached({ timeout: 20_000 });
  await page.goto(`/programs/${slug}/reports/2024-W02`);
  await expect(page.getByTestId("report-done")).toHaveText("0 of 1 item");
  await expect(page.locator("#headline")).toContainText("1 week");
  await expect(page.locator("main")).not.toContainText(/(?<![\d.,])1 (items|weeks)\b/);
});
