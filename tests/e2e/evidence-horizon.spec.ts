/**
 * DESIGN §13 "Evidence horizon" in the browser: the demo's figures after 2024-12-31 carry an
 * "illustrative" mark, those at it do not (a weekly report's preview by its cutoff); an admin sets and clears a program's horizon in settings
 * and the mark follows. The demo is only read; settings are changed on a program of its own.
 */
import { expect, test } from "@playwright/test";
import { importSmallProgram } from "../support/programs";
import { signIn } from "../support/sign-in";

const DEMO = "/programs/boost-offload";

test("the demo dashboard marks today's figures illustrative, and not those at 2024-12-31", async ({ page }) => {
  await signIn(page, "viewer", DEMO);
  const mark = page.getByTestId("illustrative-mark").first();
  await expect(mark).toBeVisible();
  await expect(mark).toHaveText(/illustrative/);
  await expect(mark).toHaveAttribute("title", /evidence horizon \(facts until 2024-12-31\)/);
  await expect(page.getByTestId("headline-sentence").getByTestId("illustrative-mark")).toBeVisible();
  await expect(page.getByTestId("chart-illustrative-mark").first()).toBeVisible();

  await page.goto(`${DEMO}?asOf=2024-12-31`);
  await expect(page.getByTestId("as-of")).toHaveText("2024-12-31");
  await expect(page.getByTestId("headline-sentence")).toBeVisible();
  await expect(page.getByTestId("illustrative-mark")).toHaveCount(0);
  await expect(page.getByTestId("chart-illustrative-mark")).toHaveCount(0);
});

test("a claim page marks the today verdict, not the verdict of a claim made before the horizon", async ({ page }) => {
  await signIn(page, "viewer", `${DEMO}/claims/ignite-keynote-2024-11`);
  await expect(page.getByTestId("verdict-as-of-illustrative")).toBeVisible();
  await expect(page.getByTestId("verdict-known-then-illustrative")).toHaveCount(0);
  await expect(page.getByTestId("rating-illustrative")).toHaveCount(0);

  // A real statement made after the horizon is rated against invented records.
  await page.goto(`${DEMO}/claims/rust-nation-2025-03`);
  await expect(page.getByTestId("rating-illustrative")).toBeVisible();

  await page.goto(`${DEMO}/claims/ignite-keynote-2024-11?asOf=2024-12-31`);
  await expect(page.getByTestId("verdict-as-of")).toBeVisible();
  await expect(page.getByTestId("verdict-as-of-illustrative")).toHaveCount(0);
});

test("the items list and an item page carry the mark past the horizon", async ({ page }) => {
  await signIn(page, "viewer", `${DEMO}/items`);
  await expect(page.getByTestId("illustrative-mark")).toBeVisible();
  await page.goto(`${DEMO}/items?asOf=2024-12-31`);
  await expect(page.getByRole("heading", { level: 1, name: /Items/ })).toBeVisible();
  await expect(page.getByTestId("illustrative-mark")).toHaveCount(0);
  await page.goto(`${DEMO}/items/NET-02`);
  await expect(page.getByTestId("illustrative-mark")).toBeVisible();
});

test("a weekly report's preview past the horizon carries the mark and says so in its stamp; 2024-W52 does not", async ({ page }) => {
  await signIn(page, "viewer");
  // The first view of a week computes its report: give it time on a busy machine.
  await page.goto(`${DEMO}/reports/2025-W10`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Weekly report — 2025-W10", { timeout: 20_000 });
  const mark = page.getByTestId("illustrative-mark");
  await expect(mark).toBeVisible();
  await expect(mark).toHaveAttribute("title", /facts until 2024-12-31/);
  for (const stamp of ["report-stamp", "report-stamp-end"])
    await expect(page.getByTestId(stamp)).toContainText("Illustrative: this week lies past the program's evidence horizon, 2024-12-31; its figures are not evidence");

  await page.goto(`${DEMO}/reports/2024-W52`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Weekly report — 2024-W52", { timeout: 20_000 });
  await expect(page.getByTestId("report-stamp")).toBeVisible();
  await expect(page.getByTestId("illustrative-mark")).toHaveCount(0);
  await expect(page.getByTestId("report-stamp")).not.toContainText("llustrative");
});

test("the readiness JSON says illustrative today and not at 2024-12-31", async ({ page }) => {
  await signIn(page, "viewer");
  expect(await (await page.request.get("/api/programs/boost-offload/readiness")).json()).toMatchObject({ factsUntil: "2024-12-31", illustrative: true });
  expect(await (await page.request.get("/api/programs/boost-offload/readiness?asOf=2024-12-31")).json()).toMatchObject({
    factsUntil: "2024-12-31",
    illustrative: false,
  });
});

test("an admin sets and clears the evidence horizon in settings, and the mark follows", async ({ page, request }) => {
  const slug = await importSmallProgram(request, "horizon");
  await signIn(page, "admin", `/programs/${slug}`);
  await expect(page.getByTestId("as-of")).toBeVisible();
  await expect(page.getByTestId("illustrative-mark")).toHaveCount(0);

  const settings = async (value: string) => {
    await page.goto(`/programs/${slug}/settings`);
    const form = page.getByRole("form", { name: "Program settings" });
    await form.getByLabel(/Evidence horizon/).fill(value);
    await form.getByRole("button", { name: "Save settings" }).click();
    await expect(form.getByText("Saved.")).toBeVisible();
  };

  await settings("2024-06-30");
  await page.goto(`/programs/${slug}`);
  await expect(page.getByTestId("illustrative-mark").first()).toHaveAttribute("title", /facts until 2024-06-30/);
  await page.goto(`/programs/${slug}?asOf=2024-06-30`);
  await expect(page.getByTestId("as-of")).toHaveText("2024-06-30");
  await expect(page.getByTestId("illustrative-mark")).toHaveCount(0);

  await settings("");
  await page.goto(`/programs/${slug}`);
  await expect(page.getByTestId("as-of")).toBeVisible();
  await expect(page.getByTestId("illustrative-mark")).toHaveCount(0);
});
