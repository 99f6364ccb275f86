import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { signIn } from "../support/sign-in";

test("the dashboard's headline says what the API's readiness says", async ({ page }) => {
  await signIn(page, "viewer", "/programs/boost-offload?asOf=2024-12-31");
  const api = await (await page.request.get("/api/programs/boost-offload/readiness?asOf=2024-12-31")).json();
  await expect(page.getByTestId("as-of")).toHaveText("2024-12-31");
  await expect(page.getByTestId("headline-done")).toHaveText(`${api.done} / ${api.total}`);
  await expect(page.getByTestId("headline-done")).toHaveText("0 / 64");
  await expect(page.getByTestId("headline-inflated")).toHaveText(String(api.inflated.length));
  await expect(page.getByTestId("headline-blocked")).toHaveText(String(api.blocked.length));
  await expect(page.getByTestId("forecast-reason")).toHaveText(`${api.forecast.reason}.`);
  await expect(page.getByTestId("earliest-by-dependencies")).toHaveText(api.criticalPath.keys.length ? api.earliestByDependencies : "");
  const notStarted = page.getByRole("table", { name: "Items per status" }).getByTestId("count-not_started");
  await expect(notStarted.locator("td").nth(1)).toHaveText(String(api.byStatus.true.not_started));
  await expect(notStarted.locator("td").nth(2)).toHaveText(String(api.byStatus.reported.not_started));
});

test("today's dashboard has a forecast with dates, and each number leads to its items", async ({ page }) => {
  await signIn(page, "viewer", "/programs/boost-offload");
  await expect(page.getByTestId("forecast-P85")).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
  await page.getByTestId("headline-inflated").click();
  await expect(page).toHaveURL(/items\?inflated=1/);
  await expect(page.locator("table[aria-label=Items] tbody tr").first()).toBeVisible();
  const count = await page.locator("table[aria-label=Items] tbody tr").count();
  expect(count).toBeGreaterThan(0);
  await expect(page.locator("table[aria-label=Items] tbody tr").filter({ hasNot: page.getByText("inflated", { exact: true }) })).toHaveCount(0);
});

test("every headline figure leads to what is behind it: the started counts to their items, the critical path and forecast to their panels", async ({ page }) => {
  await signIn(page, "viewer", "/programs/boost-offload?asOf=2024-12-31");
  // The breaches the dashboard cuts are whole one link away, for the same date.
  const cut = page.getByText(/^25 of \d+ shown\. All \d+ are in the weekly reports/);
  await expect(cut.getByRole("link", { name: "readiness (JSON)" })).toHaveAttribute("href", "/api/programs/boost-offload/readiness?asOf=2024-12-31");
  await expect(cut.getByRole("link", { name: "weekly reports" })).toHaveAttribute("href", "/programs/boost-offload/reports?asOf=2024-12-31");
  for (const [card, query] of [["started", "started=1"], ["reported-started", "reportedStarted=1"]]) {
    const [count, total] = (await page.getByTestId(`headline-${card}`).innerText()).split(" / ");
    await page.getByTestId(`headline-${card}`).click();
    await expect(page).toHaveURL(new RegExp(`items\\?${query}&asOf=2024-12-31|items\\?asOf=2024-12-31&${query}`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Items (${count} of ${total})`);
    await page.goBack();
  }
  await page.getByTestId("headline-critical").click();
  await expect(page).toHaveURL(/#critical-path$/);
  await expect(page.getByRole("heading", { name: "Critical path", level: 2 })).toBeInViewport();
  await page.getByTestId("headline-forecast").click();
  await expect(page).toHaveURL(/#forecast$/);
});

test("the as-of form re-renders the dashboard for that date and keeps it in the URL", async ({ page }) => {
  await signIn(page, "viewer", "/programs/boost-offload");
  await page.getByLabel("As of", { exact: true }).fill("2024-12-31");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/asOf=2024-12-31/);
  await expect(page.getByTestId("headline-done")).toHaveText("0 / 64");
  await page.getByRole("navigation", { name: "Program" }).getByRole("link", { name: "Items" }).click();
  await expect(page).toHaveURL(/items\?asOf=2024-12-31/);
});

test("filter the items table through the URL and download the CSV of that view", async ({ page }) => {
  await signIn(page, "viewer", "/programs/boost-offload/items");
  await page.getByRole("combobox", { name: "Area" }).selectOption("Foundations");
  await page.getByRole("combobox", { name: "True status" }).selectOption("not_started");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/area=Foundations/);
  const rows = page.locator("table[aria-label=Items] tbody tr");
  const n = await rows.count();
  expect(n).toBeGreaterThan(0);
  for (const area of await rows.locator("td:nth-child(3)").allInnerTexts()) expect(area).toBe("Foundations");

  await page.getByRole("columnheader", { name: /Estimate \(weeks\)/ }).getByRole("link").click();
  await expect(page).toHaveURL(/sort=estimateWeeks/);
  const estimates = (await rows.locator("td:nth-child(6)").allInnerTexts()).map(Number);
  expect(estimates).toEqual([...estimates].sort((a, b) => a - b));

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV of this view" }).click()]);
  const csv = fs.readFileSync((await download.path())!, "utf8").trim().split("\r\n");
  expect(csv[0]).toBe("key,title,area,owner,team,estimateWeeks,identifiedAt,dependsOn,trueStatus,reportedStatus,blocked,inflated,illustrative");
  expect(csv).toHaveLength(n + 1);
  expect(csv.slice(1).every((line) => line.includes(",Foundations,"))).toBe(true);
});
