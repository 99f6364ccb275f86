/**
 * Every program page as the server draws it, read in a browser with script turned off: its
 * heading, its content and the program's navigation are in the page itself, never a placeholder
 * that only script would swap for them. And with script on, a section being opened says so until
 * its page arrives (pages are sent whole, so nothing else on the screen changes meanwhile).
 */
import { expect, test } from "@playwright/test";
import { signIn } from "../support/sign-in";

const BASE = "/programs/boost-offload";
const PAGES: [path: string, heading: RegExp, text: string][] = [
  [BASE, /^Dashboard/, "Critical path"],
  [`${BASE}/items`, /^Items \(64\)/, "FND-01"],
  [`${BASE}/claims`, /What was said in public/, "Words against work"],
  [`${BASE}/reports`, /^Weekly reports/, "cut at Sunday 23:59:59.999 UTC"],
  [`${BASE}/graph`, /^Dependency graph/, "As of"],
  [`${BASE}/timeline`, /^Timeline/, "FND-01"],
  [`${BASE}/items/FND-01`, /^FND-01/, "Node key-value store"],
  [`${BASE}/reports/2024-W52`, /^Weekly report — 2024-W52/, "Monday 2024-12-23"],
];

test("with script off, each program page shows its heading, content and the program's navigation", async ({ page, browser, baseURL }) => {
  await signIn(page, "viewer");
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  await context.addCookies(await page.context().cookies());
  const noScript = await context.newPage();
  for (const [path, heading, text] of PAGES) {
    const res = await noScript.goto(path);
    expect(res?.status(), path).toBe(200);
    await expect(noScript.getByRole("heading", { level: 1 }).first(), path).toHaveText(heading);
    await expect(noScript.getByText(text).first(), path).toBeVisible();
    await expect(noScript.getByRole("navigation", { name: "Program" }).getByRole("link", { name: "Reports" }), path).toBeVisible();
    // Nothing waits hidden for a script to reveal it.
    expect(await noScript.locator('[hidden][id^="S:"]').count(), path).toBe(0);
  }
  await context.close();
});

test("a section being opened says so beside its name until its page arrives", async ({ page }) => {
  await signIn(page, "viewer", `${BASE}/items`);
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  // Hold the navigation's answer (the page's data, fetched by script) until the check is done.
  await page.route(`**${BASE}/timeline**`, async (route) => {
    await held;
    await route.continue();
  });
  const nav = page.getByRole("navigation", { name: "Program" });
  await nav.getByRole("link", { name: "Timeline" }).click();
  await expect(nav.getByRole("link", { name: /Timeline/ }).getByRole("status")).toHaveText("opening…");
  await expect(page.getByRole("heading", { level: 1 }).first()).toHaveText(/^Items/);
  release();
  await expect(page.getByRole("heading", { level: 1 }).first()).toHaveText(/^Timeline/);
  await expect(nav.getByRole("status")).toHaveCount(0);
});
