/**
 * The Reports page as people use it: a viewer finds a week and downloads it; an admin
 * publishes a week; after a backfill through the API the page says the week was restated and what
 * changed; two weeks are compared.
 */
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { call } from "../support/api-client";
import { importSmallProgram } from "../support/programs";
import { signIn } from "../support/sign-in";

test("a viewer opens Reports, finds 2024-W52 and downloads its Markdown and CSV", async ({ page }) => {
  await signIn(page, "viewer", "/programs/boost-offload");
  await page.getByRole("navigation", { name: "Program" }).getByRole("link", { name: "Reports" }).click();
  await expect(page).toHaveURL(/\/programs\/boost-offload\/reports$/);
  await expect(page.getByRole("heading", { name: "Weekly reports" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Weekly reports" }).locator("tbody tr")).toHaveCount(20);
  // A viewer cannot publish.
  await expect(page.getByRole("button", { name: /^Publish/ })).toHaveCount(0);

  await page.getByRole("textbox", { name: "Find a week" }).fill("2024-W52");
  await page.getByRole("button", { name: "Show" }).click();
  const row = page.getByTestId("week-2024-W52");
  await expect(row).toBeVisible();
  await expect(row).toContainText("2024-12-23 – 2024-12-29");
  await expect(row).toContainText("not published");

  const [md] = await Promise.all([page.waitForEvent("download"), row.getByRole("link", { name: "Markdown of 2024-W52" }).click()]);
  expect(md.suggestedFilename()).toBe("boost-offload-2024-W52.md");
  const text = fs.readFileSync((await md.path())!, "utf8");
  expect(text).toContain("**Done (verified): 0 of 64 items**");
  expect(text).toContain("**No forecast:** no verified completion in the last 12 weeks: at this rate the program does not finish.");

  const [csv] = await Promise.all([page.waitForEvent("download"), row.getByRole("link", { name: "CSV of 2024-W52" }).click()]);
  expect(csv.suggestedFilename()).toBe("boost-offload-2024-W52.csv");
  expect(fs.readFileSync((await csv.path())!, "utf8").split("\r\n").filter(Boolean)).toHaveLength(65);
});

test("a viewer finds a week by any day of it, and reads why a query found nothing", async ({ page }) => {
  await signIn(page, "viewer", "/programs/boost-offload/reports");
  const finder = page.getByRole("textbox", { name: "Find a week, or the week of a date" });
  await finder.fill("2024-12-27");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByTestId("week-of-date")).toHaveText("2024-12-27 falls in 2024-W52.");
  const row = page.getByTestId("week-2024-W52");
  await expect(row).toContainText("2024-12-23 – 2024-12-29");
  await expect(row.getByRole("link", { name: "Spreadsheet of 2024-W52" })).toHaveAttribute("href", "/api/programs/boost-offload/reports/2024-W52.xlsx");

  await page.getByRole("textbox", { name: "Find a week, or the week of a date" }).fill("2024-02-30");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByRole("form", { name: "Find a week" }).getByRole("alert")).toHaveText('"2024-02-30" is neither a week like 2024-W52 nor a date like 2024-12-27.');
  await page.getByRole("textbox", { name: "Find a week, or the week of a date" }).fill("1999-06-01");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByRole("form", { name: "Find a week" }).getByRole("alert")).toHaveText("1999-W22 (the week of 1999-06-01) is not among this program's complete weeks.");
});

test("an admin publishes a week; a backfill through the API makes it restated, with what changed", async ({ page, request }) => {
  const slug = await importSmallProgram(request, "e2e-reports");
  await signIn(page, "admin", `/programs/${slug}/reports?week=2024-W52`);
  const row = page.getByTestId("week-2024-W52");
  await expect(row).toContainText("not published");

  await row.getByRole("button", { name: "Publish 2024-W52" }).click();
  await row.getByRole("button", { name: "Confirm: publish 2024-W52" }).click();
  // The page is rendered again: the week is now published, unchanged, and can no longer be published.
  await expect(row.getByTestId("unchanged")).toHaveText("unchanged since publication");
  // The list names who published; no account's e-mail reaches a list every reader sees.
  await expect(row).toContainText("by Ada Admin");
  await expect(row).not.toContainText("admin@test.example");
  await expect(row.getByRole("button", { name: /^Publish/ })).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("week-2024-W52").getByTestId("unchanged")).toBeVisible();
  await expect(page.getByTestId("week-2024-W51")).toContainText("not published");

  // Backfill: A reached design during that week; recorded and verified today.
  const t = await call(request, "contributor", "POST", `/api/programs/${slug}/items/A/transitions`, {
    to: "design",
    effectiveAt: "2024-12-24",
    note: "Backfilled from the design review minutes",
  });
  expect(t.status()).toBe(201);
  expect((await call(request, "reviewer", "POST", `/api/programs/${slug}/transitions/${(await t.json()).id}/verify`, {})).status()).toBe(201);

  await page.reload();
  const restated = page.getByTestId("week-2024-W52");
  await expect(restated.getByTestId("restated")).toHaveText("restated");
  await restated.getByText(/What changed since publication/).click();
  const differences = restated.getByRole("table", { name: "Differences since publication" });
  await expect(differences.getByRole("row", { name: "A Item A — true status Not started Design" })).toBeVisible();
  await expect(differences.getByRole("row", { name: "Started (verified) 0 1" })).toBeVisible();
  await expect(page.getByTestId("week-2024-W51").getByTestId("restated")).toHaveCount(0);

  // Compare the week before with the restated week.
  await page.getByLabel("From week").selectOption("2024-W51");
  await page.getByLabel("To week").selectOption("2024-W52");
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(/a=2024-W51&b=2024-W52/);
  const diff = page.getByTestId("week-diff");
  await expect(diff.getByRole("table", { name: "Items whose true status differs" }).getByRole("row", { name: /^A / })).toBeVisible();
  // A changed figure says by how much in words, not only in colour; an unchanged one says "same".
  await expect(diff.getByRole("row", { name: "started (verified) 0 1 +1" })).toBeVisible();
  await expect(diff.getByRole("row", { name: /same$/ }).first()).toBeVisible();
  // The weeks are offered with the day each starts on; the item is a link to its page.
  await expect(page.getByLabel("From week").locator("option:checked")).toHaveText("2024-W51, from 2024-12-16");
  await diff.getByRole("table", { name: "Items whose true status differs" }).getByRole("link", { name: "A" }).click();
  await expect(page).toHaveURL(new RegExp(`/programs/${slug}/items/A$`));
});
