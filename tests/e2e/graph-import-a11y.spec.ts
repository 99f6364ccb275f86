import { expect, test } from "@playwright/test";
import { expectAxeClean } from "../support/axe";
import { signIn } from "../support/sign-in";

test("the graph lays out the program and a node leads to its item", async ({ page }, testInfo) => {
  await signIn(page, "viewer", "/programs/boost-offload/graph");
  const node = page.locator('.react-flow__node[data-id="FND-01"]');
  await expect(node).toBeVisible({ timeout: 20_000 });
  await expect(page.locator(".react-flow__node")).toHaveCount(64);
  await page.screenshot({ path: testInfo.outputPath("graph-1280.png") });
  await node.dblclick();
  await expect(page).toHaveURL(/\/programs\/boost-offload\/items\/FND-01/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("FND-01");
});

test("the graph filters by area", async ({ page }) => {
  await signIn(page, "viewer", "/programs/boost-offload/graph");
  await expect(page.locator(".react-flow__node").first()).toBeVisible({ timeout: 20_000 });
  await page.getByLabel("Area").selectOption("Storage");
  await expect(page.locator('.react-flow__node[data-id^="STO-"]').first()).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.react-flow__node:not([data-id^="STO-"])')).toHaveCount(0);
});

test("importing a bundle with an error lists the error by path; a good one is previewed, then imported", async ({ page }) => {
  await signIn(page, "admin", "/import");
  const bad = {
    format: "offload-tracker/v1",
    program: { slug: `bad-${Date.now()}`, name: "Bad" },
    items: [{ key: "A", title: "A", area: "X", estimateWeeks: 1, identifiedAt: "2024-01-01", dependsOn: ["NET-99"] }],
  };
  await page.getByLabel(/Bundle file/).setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bad)) });
  await page.getByRole("button", { name: "Check (dry run)" }).click();
  await expect(page.getByRole("list", { name: "Import errors" })).toHaveText('items[0].dependsOn[0]: unknown item key "NET-99"');

  const slug = `good-${Date.now()}`;
  const good = { ...bad, program: { slug, name: "Good program" }, items: [{ ...bad.items[0], dependsOn: [] }] };
  await page.getByLabel(/Bundle file/).setInputFiles({ name: "good.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(good)) });
  await page.getByRole("button", { name: "Check (dry run)" }).click();
  const created = page.getByRole("list", { name: "What will be created" });
  await expect(created.getByText("1 item", { exact: true })).toBeVisible();
  // In words, never the summary's field names ("newPeople").
  await expect(created).not.toContainText(/[a-z][A-Z]/);
  await page.getByRole("button", { name: `Import ${slug}` }).click();
  await expect(page).toHaveURL(new RegExp(`/programs/${slug}$`));
  await expect(page.getByTestId("total-items")).toHaveText("1");
});

test("a viewer gets a readable refusal, answered 403, on admin pages", async ({ page }) => {
  await signIn(page, "viewer");
  for (const path of ["/import", "/programs/new", "/people"]) {
    const answer = await page.goto(path);
    expect(answer?.status(), path).toBe(403);
    await expect(page.getByRole("alert").filter({ hasText: "Not allowed" })).toContainText(
      "This page needs the admin role; you are signed in as viewer",
    );
  }
});

for (const [name, path] of [
  ["dashboard", "/programs/boost-offload"],
  ["items", "/programs/boost-offload/items"],
  ["item", "/programs/boost-offload/items/FND-01"],
  ["claim (with its discussion)", "/programs/boost-offload/claims/boost-ga-2023-11"],
  ["graph", "/programs/boost-offload/graph"],
  ["claims", "/programs/boost-offload/claims"],
  ["import", "/import"],
  ["home (portfolio)", "/"],
  ["rules", "/rules"],
  ["account", "/account"],
  ["people", "/people"],
  ["awaiting verification", "/review"],
  ["my work", "/my-work"],
  ["your password", "/account/password"],
  ["reports", "/programs/boost-offload/reports"],
  ["report preview", "/programs/boost-offload/reports/2024-W52"],
  ["settings", "/programs/boost-offload/settings"],
  ["dashboard at 2024-12-31", "/programs/boost-offload?asOf=2024-12-31"],
  ["timeline", "/programs/boost-offload/timeline"],
  ["new program", "/programs/new"],
  ["unknown page (404)", "/no-such-page"],
  ["unknown item of a program (404)", "/programs/boost-offload/items/NO-SUCH-ITEM"],
] as const) {
  test(`no serious or critical accessibility violation on the ${name} page`, async ({ page }) => {
    // The whole week's report is the longest page: axe takes about a minute on it on a busy machine.
    if (name === "report preview") test.slow();
    await signIn(page, "admin", path);
    if (name === "graph") await expect(page.locator(".react-flow__node").first()).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    await expectAxeClean(page);
  });
}

test("no serious or critical accessibility violation on the sign-in page, signed out", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await expectAxeClean(page);
});

test("the dashboard reads at 1280 px and at 390 px", async ({ page }, testInfo) => {
  await signIn(page, "viewer", "/programs/boost-offload");
  await expect(page.getByTestId("headline-done")).toBeVisible();
  await page.waitForTimeout(500); // let the charts draw before the picture
  await page.screenshot({ path: testInfo.outputPath("dashboard-1280.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await page.getByTestId("headline-done").scrollIntoViewIfNeeded();
  await expect(page.getByTestId("headline-done")).toBeInViewport();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath("dashboard-390.png"), fullPage: true });
});
