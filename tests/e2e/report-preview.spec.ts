/**
 * The weekly report as a page: a person opens a week from the reports list and reads it as the
 * executives' files say it, with the same stamp — a draft until an admin publishes it, then the
 * published version, by whom and when. A restated week shows what changed in a table. The PDF
 * files are read back with pdftotext, as a person reading a forwarded PDF would.
 */
import fs from "node:fs";
import { expect, test, type Download, type Page } from "@playwright/test";
import { call } from "../support/api-client";
import { HAS_PDFTOTEXT, pdfToText } from "../support/pdf-text";
import { importSmallProgram } from "../support/programs";
import { signIn } from "../support/sign-in";

const DEMO = "/programs/boost-offload";
const DRAFT = /^Draft generated on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC — not published$/;
const NO_FORECAST = "no verified completion in the last 12 weeks: at this rate the program does not finish";

/** The text of a downloaded PDF, as pdftotext (Debian's poppler-utils) reads it. */
async function pdfText(download: Download): Promise<string> {
  return pdfToText((await download.path())!);
}

async function download(page: Page, name: string): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name, exact: true }).click()]);
  return file;
}

/** A copy of the demo program under a slug of its own, so publishing never touches the demo. */
async function importDemoCopy(request: Parameters<typeof call>[0]): Promise<string> {
  const bundle = await (await call(request, "admin", "GET", "/api/programs/boost-offload/bundle")).json();
  const slug = `demo-copy-${Date.now().toString(36)}`;
  const res = await call(request, "admin", "POST", `/api/programs/import?slug=${slug}`, bundle);
  expect(res.status(), await res.text()).toBe(201);
  return slug;
}

test("an admin opens 2024-W52 of the demo from the list and reads the report, stamped as a draft", async ({ page }) => {
  await signIn(page, "admin", `${DEMO}/reports`);
  // The list opens on the latest complete week, highlighted, and links to its preview.
  const latest = (await page.getByTestId("latest-week").getByRole("link").textContent())!;
  await expect(page.getByTestId(`week-${latest}`)).toHaveAttribute("aria-current", "true");

  await page.getByRole("textbox", { name: "Find a week" }).fill("2024-12-27");
  await page.getByRole("button", { name: "Show" }).click();
  await page.getByTestId("week-2024-W52").getByRole("link", { name: "Preview 2024-W52" }).click();
  // The first view of a week computes its report: give it time on a busy machine.
  await expect(page).toHaveURL(/\/programs\/boost-offload\/reports\/2024-W52$/, { timeout: 20_000 });

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Weekly report — 2024-W52");
  await expect(page.getByText("Monday 2024-12-23 to Sunday 2024-12-29.", { exact: false })).toBeVisible();
  await expect(page.getByTestId("report-stamp")).toHaveText(DRAFT);
  await expect(page.getByTestId("report-stamp-end")).toHaveText((await page.getByTestId("report-stamp").textContent())!);

  await expect(page.getByTestId("report-done")).toHaveText("0 of 64 items");
  for (const heading of [
    "Headline",
    "Changes since 2024-W51",
    "Status by area",
    /^Inflated items \(\d+\)$/,
    "Blocked items and the critical path",
    "Forecast",
    /^Public claims \(\d+\)$/,
    "Quality",
    "All items (64)",
    "History",
  ])
    await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  await expect(page.locator("#forecast")).toContainText(`No forecast: ${NO_FORECAST}. No date is invented.`);
  await expect(page.getByRole("table", { name: "Status by area, true (verified)" }).getByRole("row", { name: /^All areas 64 \d+ / })).toBeVisible();
  await expect(page.getByRole("table", { name: "All items" }).locator("tbody tr")).toHaveCount(64);
  // Status words come from the labels, not the identifiers.
  await expect(page.getByRole("table", { name: "All items" }).getByRole("row", { name: /^FND-01 / })).toContainText("Not started");
  await expect(page.getByRole("list", { name: "Critical path" }).getByRole("link").first()).toBeVisible();
  // The demo's history was recorded when it was loaded, after this week: no hash of zeros posing as one.
  await expect(page.locator("#history")).toContainText("History head hash at the cutoff: none — the tracker's log holds no entry written by the cutoff: everything this report shows about the week was recorded or imported later");

  // Neighbouring weeks, and Publish for an admin while the week is unpublished.
  await expect(page.getByRole("navigation", { name: "Weeks" }).getByRole("link", { name: "← 2024-W51" })).toHaveAttribute("href", `${DEMO}/reports/2024-W51`);
  await expect(page.getByRole("navigation", { name: "Weeks" }).getByRole("link", { name: "2025-W01 →" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Publish 2024-W52" })).toBeVisible();

  const md = await download(page, "Markdown of 2024-W52");
  const text = fs.readFileSync((await md.path())!, "utf8");
  expect(text.split("\n")[0]).toMatch(/^> \*\*Draft generated on .* — not published\*\*$/);
  expect(text).toContain("**Done (verified): 0 of 64 items**");
});

test("a draft PDF says it is a draft", async ({ page }) => {
  test.skip(!HAS_PDFTOTEXT, "pdftotext (Debian's poppler-utils) is not installed");
  await signIn(page, "viewer", `${DEMO}/reports/2024-W52`);
  const text = await pdfText(await download(page, "PDF (A4) of 2024-W52"));
  expect(text).toMatch(/Draft generated on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC — not published/);
  expect(text).not.toContain("Published version");
  // Every page's footer says the history was still empty at the cutoff, in words.
  expect(text.replace(/\s+/g, " ")).toContain("history: the log began after the cutoff");
});

test("an admin previews 2024-W52, publishes it, and the page and the PDF say it is the published version", async ({ page, request }) => {
  const slug = await importDemoCopy(request);
  await signIn(page, "admin", `/programs/${slug}/reports?week=2024-W52`);
  await page.getByRole("link", { name: "Preview 2024-W52" }).click();
  await expect(page.getByTestId("report-stamp")).toHaveText(DRAFT, { timeout: 20_000 });

  await page.getByRole("button", { name: "Publish 2024-W52" }).click();
  await page.getByRole("button", { name: "Confirm: publish 2024-W52" }).click();
  const published = /^Published version — published on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC, by Ada Admin, sha256 [0-9a-f]{64}$/;
  await expect(page.getByTestId("report-stamp")).toHaveText(published, { timeout: 20_000 });
  await expect(page.getByTestId("report-stamp-end")).toHaveText(published);
  await expect(page.getByRole("button", { name: /^Publish/ })).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("report-stamp")).toHaveText(published);
  const words = (await page.getByTestId("report-stamp").textContent())!;

  // The Markdown download is the publication as stored, stamped with the same words.
  const md = fs.readFileSync((await (await download(page, "Markdown of 2024-W52")).path())!, "utf8");
  expect(md.split("\n")[0]).toBe(`> **${words}**`);
  const stored = await (await call(request, "viewer", "GET", `/api/programs/${slug}/reports/2024-W52.md?version=published`)).text();
  expect(md).toBe(stored);

  if (HAS_PDFTOTEXT) {
    const pdf = await pdfText(await download(page, "PDF (A4) of 2024-W52"));
    expect(pdf).toContain(words.slice(0, words.indexOf(", sha256")));
    expect(pdf).not.toContain("Draft generated on");
  }
});

test("a backfill after publication restates the week: the page shows what changed, in words, and the draft says it differs", async ({ page, request }) => {
  const slug = await importSmallProgram(request, "e2e-preview");
  expect((await call(request, "admin", "POST", `/api/programs/${slug}/reports/2024-W52/publish`)).status()).toBe(201);
  const t = await call(request, "contributor", "POST", `/api/programs/${slug}/items/A/transitions`, { to: "design", effectiveAt: "2024-12-24", note: "Backfilled" });
  expect(t.status()).toBe(201);
  expect((await call(request, "reviewer", "POST", `/api/programs/${slug}/transitions/${(await t.json()).id}/verify`, {})).status()).toBe(201);

  await signIn(page, "viewer", `/programs/${slug}/reports/2024-W52`);
  await expect(page.getByTestId("report-stamp")).toHaveText(
    /^Draft generated on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC — differs from the version published on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC by Ada Admin \(restated\)$/,
  );
  const restated = page.locator("#restated");
  await expect(restated.getByRole("heading", { name: "Restated since publication" })).toBeVisible();
  const table = restated.getByRole("table", { name: "Differences since publication" });
  await expect(table.getByRole("row", { name: "A Item A — true status Not started Design" })).toBeVisible();
  await expect(table.getByRole("row", { name: "Started (verified) 0 1" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Published Markdown of 2024-W52, as stored" })).toBeVisible();
  // The list says the same, in the same table, with no raw Markdown lines.
  await page.goto(`/programs/${slug}/reports?week=2024-W52`);
  const row = page.getByTestId("week-2024-W52");
  await row.getByText(/What changed since publication/).click();
  await expect(row.getByRole("table", { name: "Differences since publication" }).getByRole("row", { name: "A Item A — true status Not started Design" })).toBeVisible();
  await expect(row.getByLabel("Markdown lines that differ")).toHaveCount(0);
});

test("a viewer reads the preview, with the downloads but no Publish", async ({ page }) => {
  await signIn(page, "viewer", `${DEMO}/reports/2024-12-27`);
  await expect(page).toHaveURL(/\/reports\/2024-W52$/);
  await expect(page.getByTestId("report-stamp")).toHaveText(DRAFT);
  await expect(page.getByRole("button", { name: /^Publish/ })).toHaveCount(0);
  await expect(page.getByText("Not published. An admin can publish it.")).toBeVisible();
  for (const name of ["Markdown", "CSV", "JSON", "PDF (A4)", "PDF (Letter)", "Spreadsheet"])
    await expect(page.getByRole("link", { name: `${name} of 2024-W52` })).toBeVisible();
});

test("a program without history and an empty program have readable reports pages", async ({ page, request }) => {
  const small = await importSmallProgram(request, "e2e-quiet");
  const empty = `e2e-empty-${Date.now().toString(36)}`;
  const res = await call(request, "admin", "POST", `/api/programs/import?slug=${empty}`, JSON.parse(fs.readFileSync("tests/fixtures/empty-program.json", "utf8")));
  expect(res.status(), await res.text()).toBe(201);
  await signIn(page, "admin");

  // Four items, nothing ever reported: every section says so in words.
  await page.goto(`/programs/${small}/reports/2024-W52`);
  await expect(page.getByTestId("report-done")).toHaveText("0 of 4 items");
  await expect(page.locator("#changes")).toContainText("No item's true status changed.");
  await expect(page.locator("#inflated")).toContainText("No item is reported ahead of its evidence.");
  await expect(page.locator("#claims")).toContainText("No public claim dated on or before the cutoff.");
  await expect(page.getByRole("table", { name: "All items" }).locator("tbody tr")).toHaveCount(4);

  // No item at all: no complete week yet, and a week's address is a readable 404.
  await page.goto(`/programs/${empty}/reports`);
  await expect(page.getByText("No complete week yet: a week can be reported once its Sunday has ended.")).toBeVisible();
  await expect(page.getByTestId("latest-week")).toHaveCount(0);
  const missing = await page.goto(`/programs/${empty}/reports/2024-W52`);
  expect(missing?.status()).toBe(404);
  await expect(page.getByText("no report for that week")).toBeVisible();
});

test("the preview reads at 1280 px and at 390 px without sideways scrolling", async ({ page }, testInfo) => {
  await signIn(page, "admin", `${DEMO}/reports/2024-W52`);
  await expect(page.getByTestId("report-done")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("report-preview-1280.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await page.getByTestId("report-stamp").scrollIntoViewIfNeeded();
  await expect(page.getByTestId("report-stamp")).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: testInfo.outputPath("report-preview-390.png"), fullPage: true });
});

test("the headline counts the public claims in the print's words and links to them; each claim names its linked items, met or not", async ({ page, request }) => {
  const json = await (await call(request, "viewer", "GET", "/api/programs/boost-offload/reports/2024-W52.json")).json();
  const claims = json.claims as { date: string; speaker: string; verdictAtClaimDate: string; links: { item: string }[] }[];
  const contradicted = claims.filter((c) => c.verdictAtClaimDate === "contradicted").length;
  expect(claims.length).toBeGreaterThan(0);
  await signIn(page, "viewer", `${DEMO}/reports/2024-W52`);

  const headline = page.locator("#headline");
  await expect(headline.getByTestId("report-claims")).toHaveText(`${claims.length} public claims`);
  await expect(headline).toContainText(`${contradicted} contradicted on their date`);
  const figure = headline.getByRole("link", { name: `${claims.length} public claims` });
  await expect(figure).toHaveAttribute("href", "#claims");
  await figure.click();
  await expect(page).toHaveURL(/#claims$/);
  await expect(page.getByRole("heading", { level: 2, name: `Public claims (${claims.length})` })).toBeInViewport();

  // Verdicts in words, never identifiers; every linked item named, with what the claim needs and whether it was met.
  const section = page.locator("#claims");
  await expect(section).not.toContainText(/\b(partly|mostly)_supported\b/);
  const linked = claims.find((c) => c.links.length > 0)!;
  const items = section.getByRole("list", { name: `Items linked to the claim of ${linked.date} by ${linked.speaker}` }).getByRole("listitem");
  await expect(items).toHaveCount(linked.links.length);
  await expect(items.first()).toHaveText(
    new RegExp(`^${linked.links[0]!.item} needs [A-Z][a-z ]+ — on the claim's date: [A-Z][a-z ]+, (met|not met); at the cutoff: [A-Z][a-z ]+, (met|not met)$`),
  );
});

test("2024-W27 reads moments as people write them, and on a 390 px phone nothing scrolls the page sideways or breaks a date", async ({ page }) => {
  await signIn(page, "viewer", `${DEMO}/reports/2024-W27`);
  const changes = page.locator("#changes");
  // The demo's evidence for FLT-01 was recorded on 2024-07-01 at 17:00 UTC: in words, not as an ISO string.
  await expect(page.getByRole("table", { name: "New evidence" }).getByRole("row", { name: /^FLT-01 / })).toContainText("2024-07-01 17:00 UTC");
  await expect(changes).not.toContainText(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  await expect(page.locator("main")).not.toContainText(/\d{2}:\d{2}:\d{2}\.\d{3}Z/);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(changes.getByText("2024-07-01 17:00 UTC")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
  // A list of records stacks as cards: the evidence and every other link of the changes is on the screen, none cut off.
  const offScreen = await changes.locator("a").evaluateAll((links) =>
    links.filter((a) => a.getBoundingClientRect().right > innerWidth + 0.5 || a.getBoundingClientRect().left < 0).map((a) => a.textContent),
  );
  expect(offScreen).toEqual([]);
  // Every date and moment is on one line, the promised dates' included.
  await expect(page.locator("#promises")).toContainText("2024-06-30");
  const broken = await page.locator("time").evaluateAll((times) => times.filter((t) => t.getClientRects().length > 1).map((t) => t.textContent));
  expect(broken).toEqual([]);
  // The table of figures keeps its columns and scrolls in its own box, which says so and takes the keyboard.
  const areas = page.getByRole("region", { name: "Status by area, true (verified): scrolls sideways" });
  await expect(areas.getByRole("table", { name: "Status by area, true (verified)" })).toBeVisible();
  await expect(page.locator("#areas").getByText("Wider than a phone: scroll the table sideways; the first column stays in place.").first()).toBeVisible();
  await areas.focus();
  await expect(areas).toBeFocused();
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
  await expect.poll(() => areas.evaluate((box) => box.scrollLeft)).toBeGreaterThan(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
});
