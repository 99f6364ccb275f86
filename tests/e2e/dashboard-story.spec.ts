import { expect, test, type Page } from "@playwright/test";
import { expectAxeClean } from "../support/axe";
import { authHeaders } from "../support/api-client";
import { signIn } from "../support/sign-in";
import { manyItemsBundle, smallBundle } from "../support/small-bundle";

const DASHBOARD = "/programs/boost-offload";

async function api<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path);
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
}

type Claim = { id: string; date: string; speaker: string; verdictAtClaimDate: string };
type Readiness = { total: number; done: number; reportedDone: number; byStatus: { true: Record<string, number>; reported: Record<string, number> } };

test("at the end of 2024 the headline says, in one sentence, what was verified, what was said and whether the target holds", async ({ page }) => {
  await signIn(page, "viewer", `${DASHBOARD}?asOf=2024-12-31`);
  const r = await api<Readiness>(page, "/api/programs/boost-offload/readiness?asOf=2024-12-31");
  const claims = await api<Claim[]>(page, "/api/programs/boost-offload/claims?asOf=2024-12-31");
  const made = claims.filter((c) => c.date <= "2024-12-31");
  const contradicted = made.filter((c) => c.verdictAtClaimDate === "contradicted").length;
  const started = (counts: Record<string, number>) => r.total - counts.not_started!;

  const headline = page.getByTestId("headline-sentence");
  await expect(headline).toContainText("As of 2024-12-31:");
  await expect(headline).toContainText(`0 of 64 items verified done (${r.reportedDone} reported done)`);
  await expect(headline).toContainText(`${started(r.byStatus.true)} verified started, ${started(r.byStatus.reported)} reported started`);
  await expect(headline).toContainText(`${contradicted} of ${made.length} public claims contradicted on their date`);
  // The demo's committed target is 2025-06-30: the headline answers whether it can still be met.
  await expect(headline).toContainText("2025-06-30 target");
  // Bad news is in red and in words: the contradicted clause is styled, not only coloured.
  await expect(headline.locator(".text-red-700", { hasText: "contradicted" })).toHaveCount(contradicted > 0 ? 1 : 0);

  // Started work, verified against reported, side by side in the cards.
  await expect(page.getByTestId("headline-started")).toHaveText(`${started(r.byStatus.true)} / 64`);
  await expect(page.getByTestId("headline-reported-started")).toHaveText(`${started(r.byStatus.reported)} / 64`);
});

test("the claims strip shows every claim made by the date with its verdict on that date, and leads to the claim", async ({ page }) => {
  await signIn(page, "viewer", `${DASHBOARD}?asOf=2024-12-31`);
  const claims = await api<Claim[]>(page, "/api/programs/boost-offload/claims?asOf=2024-12-31");
  const made = claims.filter((c) => c.date <= "2024-12-31");
  const strip = page.getByTestId("claims-strip");
  await expect(strip.getByRole("link")).toHaveCount(made.length);
  const first = made.sort((a, b) => a.date.localeCompare(b.date))[0]!;
  const chip = strip.getByRole("link").first();
  await expect(chip).toContainText(first.date);
  await expect(chip).toContainText(first.speaker);
  await expect(chip).toContainText(first.verdictAtClaimDate.replace(/_/g, " "));
  await chip.click();
  await expect(page).toHaveURL(new RegExp(`/claims/${first.id}\\?asOf=2024-12-31$`));
});

test("with many claims the strip shows the latest twelve and links to all; Jump to offers the latest eight claim dates", async ({ page, request }) => {
  const slug = `many-claims-${Date.now()}`;
  const bundle = smallBundle(slug);
  const claims = Array.from({ length: 15 }, (_, i) => ({
    id: `c${i + 1}`,
    date: `2024-03-${String(i + 10)}`,
    speaker: `Speaker ${i + 1}`,
    venue: "Keynote",
    quote: `Claim number ${i + 1}`,
    url: `https://news.example/${i + 1}`,
    links: [{ item: "A", requires: "design" }],
  }));
  const res = await request.post("/api/programs/import", { headers: authHeaders("admin"), data: { ...bundle, claims } });
  expect(res.status(), await res.text()).toBe(201);
  await signIn(page, "viewer", `/programs/${slug}?asOf=2024-12-31`);
  const strip = page.getByTestId("claims-strip");
  await expect(strip.getByRole("link", { name: /Speaker/ })).toHaveCount(12);
  await expect(strip.getByRole("link").filter({ hasText: "Speaker 4" })).toHaveCount(1);
  await expect(strip.getByRole("link").filter({ hasText: /Speaker 3\b/ })).toHaveCount(0);
  const presets = page.getByRole("navigation", { name: "Jump to a date" });
  await expect(presets.getByRole("link", { name: /^Claim:/ })).toHaveCount(8);
  await strip.getByRole("link", { name: "3 earlier claims: all 15" }).click();
  await expect(page).toHaveURL(new RegExp(`/programs/${slug}/claims\\?asOf=2024-12-31$`));
});

test("date presets move the dashboard in one click, and the As-of field shows the date in force", async ({ page }) => {
  await signIn(page, "viewer", DASHBOARD);
  const today = new Date().toISOString().slice(0, 10);
  await expect(page.getByLabel("As of", { exact: true })).toHaveValue(today);
  const presets = page.getByRole("navigation", { name: "Jump to a date" });
  await presets.getByRole("link", { name: /^Claim: Azure CTO, 2024-11-19/ }).click();
  await expect(page).toHaveURL(/asOf=2024-11-19/);
  await expect(page.getByLabel("As of", { exact: true })).toHaveValue("2024-11-19");
  await expect(page.getByTestId("headline-sentence")).toContainText("As of 2024-11-19:");
  await expect(presets.getByRole("link", { name: /2024-11-19/ })).toHaveAttribute("aria-current", "date");
  await presets.getByRole("link", { name: "Target 2025-06-30" }).click();
  await expect(page).toHaveURL(/asOf=2025-06-30/);
  await presets.getByRole("link", { name: "Today" }).click();
  await expect(page).toHaveURL(new RegExp(`${DASHBOARD}$`));
});

test("the burn-up marks each claim by verdict with words on focus, and its axis ends at the item count", async ({ page }) => {
  await signIn(page, "viewer", `${DASHBOARD}?asOf=2024-12-31`);
  const burnup = page.getByRole("region", { name: "Burn-up: verified against reported" });
  const markers = burnup.getByRole("img", { name: /^Public claim/ });
  await expect(markers.first()).toBeVisible();
  const labels = await markers.evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? ""));
  // Every claim made by then is named once across the (possibly grouped) markers.
  const named = labels.join("; ").match(/\d{4}-\d{2}-\d{2} [^:;]+: [a-z ]+/g) ?? [];
  const claims = await api<Claim[]>(page, "/api/programs/boost-offload/claims?asOf=2024-12-31");
  expect(named).toHaveLength(claims.filter((c) => c.date <= "2024-12-31").length);
  await markers.first().focus();
  await expect(markers.first().locator(".claim-marker-label")).toBeVisible();
  // The y-axis tops out at the 64 items; no time tick repeats.
  const yTicks = await burnup.locator(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value").allTextContents();
  expect(Number(yTicks.at(-1))).toBe(64);
  const xTicks = await burnup.locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value").allTextContents();
  expect(xTicks.length).toBeGreaterThan(1);
  expect(new Set(xTicks).size).toBe(xTicks.length);
  // The legend reads in the order work flows.
  const flowLegend = await page.getByRole("region", { name: "Cumulative flow of true status" }).locator("li").allInnerTexts();
  expect(flowLegend).toEqual(["Not started", "Design", "Build", "Validate", "Rollout", "Done"]);
});

for (const [name, query] of [
  ["today", ""],
  ["2024-12-31", "?asOf=2024-12-31"],
] as const) {
  test(`the dashboard (${name}) reads at 1280 and 390 px, with no serious accessibility violation`, async ({ page }, testInfo) => {
    await signIn(page, "viewer", `${DASHBOARD}${query}`);
    await expect(page.getByTestId("headline-sentence")).toBeVisible();
    await expect(page.getByRole("region", { name: "Burn-up: verified against reported" }).locator(".recharts-line").first()).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`dashboard-${name}-1280.png`), fullPage: true });
    await expectAxeClean(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect(page.getByTestId("headline-sentence")).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: testInfo.outputPath(`dashboard-${name}-390.png`), fullPage: true });
  });
}

test("the home page is a portfolio: each program with verified against reported done, inflation, latest claim and target", async ({ page }) => {
  await signIn(page, "viewer");
  const r = await api<Readiness & { counts: { inflated: number } }>(page, "/api/programs/boost-offload/readiness");
  const claims = await api<Claim[]>(page, "/api/programs/boost-offload/claims");
  const latest = claims.sort((a, b) => a.date.localeCompare(b.date)).at(-1)!;
  const row = page.getByTestId("program-boost-offload");
  await expect(row.getByTestId("portfolio-done")).toHaveText(`${r.done} / ${r.total}`);
  await expect(row.getByTestId("portfolio-reported-done")).toHaveText(String(r.reportedDone));
  await expect(row.getByTestId("portfolio-inflated")).toHaveText(String(r.counts.inflated));
  await expect(row).toContainText(`Latest claim ${latest.date} ${latest.speaker}`);
  await expect(row).toContainText("2025-06-30 target");
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // Every figure opens what it counts.
  await row.getByTestId("portfolio-inflated").click();
  await expect(page).toHaveURL(/\/programs\/boost-offload\/items\?inflated=1$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Items (${r.counts.inflated} of ${r.total})`);
  await page.goBack();
  await row.getByTestId("portfolio-done").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Items (${r.done} of ${r.total})`);
  await page.goBack();
  await row.getByRole("link", { name: `${latest.date} ${latest.speaker}` }).click();
  await expect(page).toHaveURL(new RegExp(`/programs/boost-offload/claims/${latest.id}$`));
});

/**
 * Boxes that cut off what they hold: an element that hides or scrolls its overflow and overflows.
 * Text kept for screen readers only is a 1 px box by design, and paper loses nothing by it.
 */
async function clippedBoxes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const clips = (o: string) => o === "hidden" || o === "clip" || o === "auto" || o === "scroll";
    const found: string[] = [];
    for (const el of document.body.querySelectorAll<HTMLElement>("*")) {
      const style = getComputedStyle(el);
      if (!clips(style.overflowX) && !clips(style.overflowY)) continue;
      if (el.clientWidth <= 1 && el.clientHeight <= 1) continue;
      if (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1) {
        const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${[...el.classList].slice(0, 4).join(".")}`;
        found.push(`${name}: ${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight}`);
      }
    }
    return found;
  });
}

test("printed, the dashboard and a claim page carry no navigation, forms, buttons or Edit links, and clip nothing", async ({ page }) => {
  await signIn(page, "admin");
  // On a phone's screen the wide tables scroll inside their panels: the check sees a clipped box when there is one.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${DASHBOARD}?asOf=2024-12-31`);
  await expect(page.locator("h1").first()).toBeVisible();
  expect((await clippedBoxes(page)).length).toBeGreaterThan(0);

  // The width an A4 page leaves between 10 mm margins, at 96 px to the inch.
  await page.setViewportSize({ width: 718, height: 1000 });
  await page.emulateMedia({ media: "print" });
  for (const path of [`${DASHBOARD}?asOf=2024-12-31`, "/programs/boost-offload/claims/boost-ga-2023-11"]) {
    await page.goto(path);
    await expect(page.locator("h1").first()).toBeVisible();
    await expect(page.getByRole("navigation")).toHaveCount(0);
    await expect(page.getByRole("button")).toHaveCount(0);
    await expect(page.getByRole("textbox")).toHaveCount(0);
    // An admin sees Edit on screen; paper cannot be edited.
    await expect(page.getByRole("link", { name: /edit/i })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /edit/i })).toHaveCount(0);
    expect(await clippedBoxes(page), path).toEqual([]);
  }
});

test("printed, a list the dashboard cuts says how many of how many it shows and where the whole list is", async ({ page, request }) => {
  const slug = `cut-lists-${Date.now()}`;
  // Thirty items without an owner (the unowned list shows 25) and fifteen claims (the strip shows 12).
  const bundle = manyItemsBundle(slug, 30);
  const items = bundle.items.map((i) => ({ ...i, owner: null }));
  const claims = Array.from({ length: 15 }, (_, i) => ({
    id: `c${i + 1}`,
    date: `2024-03-${String(i + 10)}`,
    speaker: `Speaker ${i + 1}`,
    quote: `Claim number ${i + 1}`,
    url: `https://news.example/${i + 1}`,
    links: [{ item: "I-001", requires: "design" }],
  }));
  const res = await request.post("/api/programs/import", { headers: authHeaders("admin"), data: { ...bundle, items, claims } });
  expect(res.status(), await res.text()).toBe(201);

  await signIn(page, "viewer", `/programs/${slug}?asOf=2024-12-31`);
  const quality = page.getByRole("region", { name: "Quality" });
  const strip = page.getByRole("region", { name: /^Public claims made by/ });
  const unownedOnPaper = quality.getByText(`All 30 unowned items are listed at /programs/${slug}/items?asOf=2024-12-31&unowned=1.`);
  const claimsOnPaper = strip.getByText(`12 of 15 shown. All 15 are listed at /programs/${slug}/claims?asOf=2024-12-31.`);
  // On screen a link leads to the whole list, and the words for paper stay out of the way.
  await expect(quality.getByRole("link", { name: "All 30 unowned items" })).toBeVisible();
  await expect(strip.getByRole("link", { name: "3 earlier claims: all 15" })).toBeVisible();
  await expect(unownedOnPaper).toBeHidden();
  await expect(claimsOnPaper).toBeHidden();

  await page.emulateMedia({ media: "print" });
  await expect(quality.getByText("25 of 30 shown.")).toBeVisible();
  await expect(unownedOnPaper).toBeVisible();
  await expect(claimsOnPaper).toBeVisible();
  await expect(page.getByRole("link", { name: /^All \d+|earlier claims/ })).toHaveCount(0);
});

test("the charts draw without a load animation: the burn-up's lines are final as soon as they appear", async ({ page }) => {
  await signIn(page, "viewer", `${DASHBOARD}?asOf=2024-12-31`);
  const lines = page.getByRole("region", { name: "Burn-up: verified against reported" }).locator("path.recharts-line-curve");
  await expect(lines.first()).toBeVisible();
  // Recharts draws a line in by growing its dash pattern over a path already final: read both.
  const drawn = () => lines.evaluateAll((els) => els.map((e) => ({ d: e.getAttribute("d") ?? "", dash: e.getAttribute("stroke-dasharray") })));
  const first = await drawn();
  expect(first.length).toBeGreaterThan(1);
  for (const line of first) expect(line.d).toMatch(/^M[\d.]+,[\d.]+L/);
  await page.waitForTimeout(800);
  expect(await drawn()).toEqual(first);
});

test("at 390 px the header folds into a menu, and no page of the app scrolls sideways, even for an admin", async ({ page }) => {
  // Twenty pages and the sign-in page, the week's whole report among them: about 70 s on a busy machine.
  test.slow();
  await signIn(page, "admin");
  await page.setViewportSize({ width: 390, height: 844 });
  const pages = [
    "/",
    "/rules",
    "/import",
    "/account",
    "/account/password",
    "/programs/new",
    "/review",
    "/my-work",
    DASHBOARD,
    `${DASHBOARD}/items`,
    `${DASHBOARD}/items/FND-01`,
    `${DASHBOARD}/graph`,
    `${DASHBOARD}/claims`,
    `${DASHBOARD}/claims/boost-ga-2023-11`,
    `${DASHBOARD}/reports`,
    `${DASHBOARD}/reports/2024-W52`,
    `${DASHBOARD}/settings`,
    `${DASHBOARD}/ingest`,
    "/no-such-page",
    `${DASHBOARD}/items/NO-SUCH-ITEM`,
  ];
  const wide: string[] = [];
  for (const path of pages) {
    await page.goto(path);
    await expect(page.locator("h1").first()).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 390) wide.push(`${path}: ${width}px`);
  }
  expect(wide).toEqual([]);
  await page.goto("/");
  // The counts inside the menu show on its button; Escape closes it, and so does a navigation.
  const menu = page.locator("header summary", { hasText: /^Menu/ });
  const menuNav = page.getByRole("navigation", { name: "Main (menu)" });
  await menu.click();
  await expect(menuNav).toBeVisible();
  // The demo's reports wait for a reviewer: the admin has some to decide, and the closed menu said how many.
  const waiting = (await menuNav.getByRole("link", { name: /^Awaiting verification/ }).getAttribute("aria-label")) ?? "";
  expect(waiting).toMatch(/^Awaiting verification, \d+$/);
  await expect(menu).toHaveAttribute("aria-label", new RegExp(`\\b${waiting.replace(/^Awaiting verification, /, "")} awaiting verification`));
  await page.keyboard.press("Escape");
  await expect(menuNav).toBeHidden();
  await expect(menu).toBeFocused();
  await menu.click();
  await menuNav.getByRole("link", { name: "Rules" }).click();
  await expect(page).toHaveURL(/\/rules$/);
  await expect(menuNav).toBeHidden();

  // The one page a person sees signed out.
  await page.context().clearCookies();
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("a card's definition opens on a tap, not only on hover, and closes again", async ({ page }) => {
    await signIn(page, "viewer", DASHBOARD);
    const button = page.getByRole("button", { name: 'What "Done (verified)" means' });
    const note = page.getByRole("note").filter({ hasText: "a second person verified it" });
    await expect(note).toBeHidden();
    await button.tap();
    await expect(note).toBeVisible();
    await expect(button).toHaveAttribute("aria-expanded", "true");
    await button.tap();
    await expect(note).toBeHidden();
  });
});
