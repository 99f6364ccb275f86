/**
 * The timeline as a program manager reads it: on the demo at 2024-12-31 the critical path and the
 * impossible promises in red with words, the as-of line and the bars moving with asOf, a bar that
 * opens its item, the filters, and a list with dates on a phone; past the evidence horizon, the
 * "illustrative" mark.
 */
import { expect, test, type Page } from "@playwright/test";
import { VERDICT_LETTERS } from "../../lib/charts/verdict-marks";
import { VERDICTS, type Verdict } from "../../lib/claims/claim-verdict";
import { authHeaders } from "../support/api-client";
import { signIn } from "../support/sign-in";
import { smallBundle } from "../support/small-bundle";
import { generateBundle } from "../../scripts/generate-bundle";

const TIMELINE = "/programs/boost-offload/timeline";

/** The earliest-start date a bar's words give ("… can start 2025-01-06, finish …"). */
async function startOf(page: Page, key: string): Promise<string> {
  const words = (await page.getByTestId(`timeline-bar-${key}`).getAttribute("aria-label")) ?? "";
  return /can start (\d{4}-\d{2}-\d{2})/.exec(words)?.[1] ?? "";
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, "viewer");
});

test("at 2024-12-31 the demo's timeline shows the critical path and impossible promises in red, in words", async ({ page }) => {
  await page.goto(`${TIMELINE}?asOf=2024-12-31`);
  await expect(page.getByRole("heading", { name: "Timeline" })).toBeVisible();
  const summary = page.getByTestId("timeline-summary");
  await expect(summary).toContainText("As of 2024-12-31");
  await expect(summary).toContainText("can finish on");

  const path = page.getByTestId("timeline-critical-path");
  await expect(path).toContainText("Critical path:");
  const first = (await path.getByRole("link").first().textContent())!.trim();
  // The first item of the critical path is drawn outlined and said to be critical beside its key.
  await expect(page.getByTestId(`timeline-bar-${first}`)).toHaveAttribute("aria-label", /on the critical path/);

  await expect(page.getByTestId("timeline-impossible-count")).toHaveText(/^[1-9]\d* items?'s? promised dates? can no longer be met$/);
  const impossible = page.locator('[data-testid^="timeline-state-"]', { hasText: "impossible" }).first();
  await expect(impossible).toBeVisible();
  await expect(impossible).toHaveCSS("color", "rgb(185, 28, 28)");
  const key = (await impossible.getAttribute("data-testid"))!.replace("timeline-state-", "");
  await expect(page.getByTestId(`timeline-target-${key}`)).toHaveAttribute("fill", "#b91c1c");
  await expect(page.getByTestId("timeline-today")).toHaveAttribute("aria-label", "as of 2024-12-31");
  await expect(page.getByTestId("timeline-lane").first()).toBeVisible();
  await expect(page.getByTestId("timeline-arrow").first()).toBeAttached();

  // Nothing scrolls sideways at 1280 px.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});

test("each public claim on the axis shows its verdict's letter and its speaker, says date, speaker and verdict in words, and a legend names the verdicts", async ({ page }) => {
  await page.goto(`${TIMELINE}?asOf=2024-12-31`);
  const res = await page.request.get("/api/programs/boost-offload/claims?asOf=2024-12-31");
  const made = ((await res.json()) as { date: string; speaker: string; verdictAtClaimDate: Verdict }[]).filter((c) => c.date <= "2024-12-31");
  expect(made.length).toBeGreaterThan(0);
  const axis = page.getByRole("group", { name: "Time axis with public claims" });
  await expect(axis.getByTestId("timeline-claim")).toHaveCount(made.length);
  for (const c of made) {
    const verdict = c.verdictAtClaimDate.replace(/_/g, " ");
    const marker = axis.getByRole("link", { name: `Claim of ${c.date} by ${c.speaker}: ${verdict} on its date` });
    await expect(marker).toHaveCount(1);
    await expect(marker.locator("title")).toHaveText(`${c.date} · ${c.speaker} · ${verdict} on its date`);
    await expect(marker.getByTestId("timeline-claim-letter")).toHaveText(VERDICT_LETTERS[c.verdictAtClaimDate]);
  }
  // Labelled by the speaker's name, not its first word: "Microsoft Learn (…)" and "Microsoft Azure" read apart.
  const labels = await axis.getByTestId("timeline-claim-label").allTextContents();
  expect(labels).toContain("Microsoft Azure");
  expect(labels).toContain("Microsoft Learn…");
  const legend = page.getByRole("list", { name: "Claims by verdict on their date" });
  const shown = VERDICTS.filter((v) => made.some((c) => c.verdictAtClaimDate === v));
  await expect(legend.getByRole("listitem")).toHaveText(shown.map((v) => `${VERDICT_LETTERS[v]} ${v.replace(/_/g, " ")}`));
  await expect(page.getByTestId("timeline-verdict-legend")).toContainText("Claims by verdict on their date:");
});

test("changing asOf moves the as-of line and the bars, and past the evidence horizon marks them illustrative", async ({ page }) => {
  await page.goto(`${TIMELINE}?asOf=2024-12-31`);
  // At the demo's horizon (2024-12-31) the dates rest on fact: no mark.
  await expect(page.getByTestId("timeline-legend")).toBeVisible();
  await expect(page.getByTestId("illustrative-mark")).toHaveCount(0);
  await expect(page.getByTestId("timeline-legend-illustrative")).toHaveCount(0);
  const path = page.getByTestId("timeline-critical-path");
  const key = (await path.getByRole("link").last().textContent())!.trim();
  const before = await startOf(page, key);
  const lineBefore = await page.getByTestId("timeline-today").locator("line").getAttribute("x1");
  expect(before >= "2024-12-31").toBe(true);

  const form = page.getByRole("form", { name: "View as of a date" });
  await form.getByLabel("As of").fill("2025-03-31");
  await form.getByRole("button").first().click();
  await expect(page).toHaveURL(/asOf=2025-03-31/);
  await expect(page.getByTestId("timeline-today")).toHaveAttribute("aria-label", "as of 2025-03-31");
  expect(await page.getByTestId("timeline-today").locator("line").getAttribute("x1")).not.toBe(lineBefore);
  const after = await startOf(page, key);
  // Nothing can start before the date it is seen from.
  expect(after >= "2025-03-31").toBe(true);
  expect(after).not.toBe(before);
  const mark = page.getByTestId("timeline-summary").getByTestId("illustrative-mark");
  await expect(mark).toBeVisible();
  await expect(mark).toHaveAttribute("title", /facts until 2024-12-31/);
  await expect(page.getByTestId("timeline-legend")).toContainText("every bar here is computed as of a date after the evidence horizon (2024-12-31)");
  await expect(page.getByTestId("timeline-legend-illustrative")).toBeVisible();
});

test("a click on a bar opens the item, which shows its own schedule line", async ({ page }) => {
  await page.goto(`${TIMELINE}?asOf=2024-12-31`);
  const key = (await page.getByTestId("timeline-critical-path").getByRole("link").first().textContent())!.trim();
  await page.getByTestId(`timeline-bar-${key}`).locator("rect").click();
  await expect(page).toHaveURL(new RegExp(`/items/${key}\\?asOf=2024-12-31`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(key);
  const line = page.getByTestId("item-schedule");
  await expect(line).toContainText(/(can start \d{4}-\d\d-\d\d|under way \(\w+\)), finishes \d{4}-\d\d-\d\d at the earliest/);
  await expect(line).toContainText("(on the critical path)");
  await line.getByRole("link", { name: "Timeline" }).click();
  await expect(page).toHaveURL(/\/timeline\?asOf=2024-12-31&area=/);
});

test("an item under way says so instead of when it could start, and names the promise it cannot keep", async ({ page }) => {
  await page.goto("/programs/boost-offload/items/VML-01");
  const line = page.getByTestId("item-schedule");
  await expect(line).toContainText(/Schedule: under way \(Rollout\), finishes \d{4}-\d\d-\d\d at the earliest/);
  await expect(line).not.toContainText("can start");
  await expect(line.getByTestId("item-schedule-state")).toHaveText("Impossible");
  await expect(line).toContainText(/Impossible: [\d.]+ weeks late — to keep \S+ target \d{4}-\d\d-\d\d it must finish by \d{4}-\d\d-\d\d/);
});

test("the filter keeps only impossible or at-risk promises, and the dashboard links to the timeline", async ({ page }) => {
  await page.goto(`${TIMELINE}?asOf=2024-12-31`);
  const filters = page.getByRole("form", { name: "Filter the timeline" });
  await filters.getByLabel("Area").selectOption("Fleet rollout");
  await filters.getByLabel("Impossible or at risk only").check();
  await filters.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/risky=1/);
  await expect(page).toHaveURL(/asOf=2024-12-31/);
  await expect(page.getByTestId("timeline-summary")).toContainText(/\d+ of 64 items shown/);
  await expect(page.getByTestId("timeline-lane")).toHaveCount(1);
  await expect(page.getByTestId("timeline-lane")).toContainText("Fleet rollout");
  const states = page.locator('[data-testid^="timeline-state-"]');
  await expect(states.first()).toBeVisible();
  for (const text of await states.allTextContents()) expect(text).toMatch(/impossible|at risk/);

  await page.goto("/programs/boost-offload?asOf=2024-12-31");
  await page.getByRole("link", { name: "Timeline: when each item can start and finish" }).click();
  await expect(page).toHaveURL(/\/timeline\?asOf=2024-12-31/);
});

test("zoomed to weeks the chart scrolls inside its box, never the page", async ({ page }) => {
  await page.goto(`${TIMELINE}?asOf=2024-12-31`);
  await page.getByRole("link", { name: "Weeks" }).click();
  await expect(page).toHaveURL(/zoom=week/);
  await expect(page.getByRole("link", { name: "Weeks" })).toHaveAttribute("aria-current", "true");
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});

test("on a phone the timeline is a list of dates that does not scroll sideways", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${TIMELINE}?asOf=2024-12-31`);
  const list = page.getByTestId("timeline-list");
  await expect(list).toBeVisible();
  await expect(list).toContainText("can start");
  await expect(list).toContainText("impossible");
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await expect(page.getByTestId("illustrative-mark")).toHaveCount(0);
  // Past the horizon the list's summary carries the mark too.
  await page.goto(`${TIMELINE}?asOf=2025-03-31`);
  await expect(page.getByTestId("timeline-list")).toBeVisible();
  await expect(page.getByTestId("timeline-summary").getByTestId("illustrative-mark")).toBeVisible();
});

test("a program with no items says there is nothing to schedule", async ({ page, request }) => {
  const slug = `timeline-empty-${Date.now()}`;
  const res = await request.post("/api/programs/import", { headers: authHeaders("admin"), data: { ...smallBundle(slug), items: [] } });
  expect(res.status()).toBe(201);
  await page.goto(`/programs/${slug}/timeline`);
  await expect(page.getByText("This program has no work items yet, so there is nothing to schedule.")).toBeVisible();
  await page.goto(`/programs/${slug}`);
  await expect(page.getByRole("link", { name: "Timeline", exact: true })).toBeVisible();
});

test("at 1,000 items only the rows near the screen are drawn, and scrolling brings the others", async ({ page, request }) => {
  test.setTimeout(120_000);
  const slug = `timeline-big-${Date.now()}`;
  const bundle = generateBundle({ items: 1000, seed: 7, slug });
  const res = await request.post("/api/programs/import", { headers: authHeaders("admin"), data: bundle, timeout: 90_000 });
  expect(res.status()).toBe(201);
  await page.goto(`/programs/${slug}/timeline`);
  await expect(page.getByTestId("timeline-summary")).toContainText("1,000 items");
  const bars = page.locator('[data-testid^="timeline-bar-"]');
  await expect(bars.first()).toBeAttached();
  const drawn = await bars.count();
  expect(drawn).toBeGreaterThan(10);
  expect(drawn).toBeLessThan(200);
  const firstKey = await bars.first().getAttribute("data-testid");
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect.poll(async () => bars.first().getAttribute("data-testid")).not.toBe(firstKey);
  expect(await bars.count()).toBeLessThan(200);
});

test("at the whole program's scale no item key or axis label is cut at the chart's right edge", async ({ page }) => {
  for (const asOf of ["2024-12-31", ""]) {
    await page.goto(`${TIMELINE}${asOf ? `?asOf=${asOf}` : ""}`);
    await expect(page.getByTestId("timeline-today")).toBeAttached();
    const overflow = await page.evaluate(() => {
      const cut: string[] = [];
      for (const svg of document.querySelectorAll("svg[role=group]")) {
        const box = svg.getBoundingClientRect();
        for (const text of svg.querySelectorAll("text")) {
          const r = text.getBoundingClientRect();
          if (r.width > 0 && (r.right > box.right + 0.5 || r.left < box.left - 0.5)) cut.push(`${text.textContent} (${Math.round(r.left)}–${Math.round(r.right)} in ${Math.round(box.left)}–${Math.round(box.right)})`);
        }
      }
      return cut;
    });
    expect(overflow, asOf || "today").toEqual([]);
  }
});
