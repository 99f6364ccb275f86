/**
 * A claim reads as a fact-check (headline, attribution, source, one rating, the ruling in words,
 * linked items then and now, verdict history, sources; Edit only for admins), and the claims list
 * sorts, filters and shows the same chips, at 1280 px and at 390 px.
 */
import { expect, test, type Page } from "@playwright/test";
import { expectAxeClean } from "../support/axe";
import { statusLabel } from "@/lib/labels";
import type { Status } from "@/lib/status";
import { importSmallProgram } from "../support/programs";
import { signIn } from "../support/sign-in";

const SLUG = "boost-offload";
const LIST = `/programs/${SLUG}/claims`;
// A verbatim quote whose four links all imply build.
const CLAIM_ID = "azure-blog-2023-05";
const CLAIM = `${LIST}/${CLAIM_ID}`;

const words = (verdict: string) => verdict.replace(/_/g, " ");

interface ApiClaim {
  id: string;
  date: string;
  speaker: string;
  venue: string | null;
  quote: string;
  quoteIsParaphrase: boolean;
  url: string;
  linked: number;
  metAtClaimDate: number;
  verdictAtClaimDate: string;
  links: { item: string; trueStatus: Status; trueStatusAsOf: Status }[];
}

async function apiClaims(page: Page): Promise<ApiClaim[]> {
  const res = await page.request.get(`/api/programs/${SLUG}/claims`);
  expect(res.status()).toBe(200);
  return res.json();
}

/** The dates of the claims on the list, top to bottom. */
async function listedDates(page: Page): Promise<string[]> {
  return page.getByRole("list", { name: "Claims", exact: true }).getByTestId("chip-date").locator("time").allTextContents();
}

async function expectNoSidewaysScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
}

test("a viewer reads a claim as a fact-check: quote, source, rating, ruling, linked items then and today, no Edit", async ({ page }) => {
  await signIn(page, "viewer");
  const claim = (await apiClaims(page)).find((c) => c.id === CLAIM_ID)!;
  const items: { key: string; title: string }[] = await (await page.request.get(`/api/programs/${SLUG}/items`)).json();
  const title = new Map(items.map((i) => [i.key, i.title]));

  await page.goto(CLAIM);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`“${claim.quote}”`);
  await expect(page.getByTestId("claim-attribution")).toContainText(`Said by ${claim.speaker}`);
  await expect(page.getByTestId("claim-attribution")).toContainText(claim.date);

  const source = page.getByTestId("claim-source");
  await expect(source).toBeVisible();
  await expect(source).toHaveAttribute("href", claim.url);

  await expect(page.getByTestId("rating")).toHaveText(new RegExp(`^${words(claim.verdictAtClaimDate)}$`, "i"));
  const ruling = page.getByTestId("ruling");
  await expect(ruling).toContainText(`On ${claim.date}, ${claim.metAtClaimDate} of the ${claim.linked} linked items had reached build, verified`);
  await expect(ruling).toContainText(`Verdict on that date: ${words(claim.verdictAtClaimDate)}.`);
  // The counts the ruling states add up to the linked items.
  const first = (await ruling.textContent())!.split(". ")[0]!;
  const count = (re: RegExp) => Number(re.exec(first)?.[1] ?? 0);
  expect(count(/, (\d+) of the/) + count(/; (\d+) had started/) + count(/; (\d+) had not started/)).toBe(claim.linked);

  const table = page.getByRole("table", { name: `Items linked to ${CLAIM_ID}` });
  await expect(table.getByRole("columnheader")).toHaveText(["Item", "Claim implies", `On ${claim.date} (true status)`, /^Today \(\d{4}-\d{2}-\d{2}\)$/]);
  await expect(table.locator("tbody tr")).toHaveCount(claim.linked);
  for (const link of claim.links) {
    const row = table.locator("tbody tr").filter({ hasText: link.item });
    await expect(row.getByRole("cell").nth(0)).toContainText(title.get(link.item)!);
    await expect(row.getByRole("cell").nth(2)).toContainText(statusLabel(link.trueStatus));
    await expect(row.getByRole("cell").nth(3)).toContainText(statusLabel(link.trueStatusAsOf));
  }

  await expect(page.getByRole("list", { name: "Verdict history" }).getByRole("listitem").first()).toContainText(claim.date);
  await expect(page.getByRole("heading", { name: "Sources" })).toBeVisible();
  await expect(page.getByRole("link", { name: /edit/i })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /edit/i })).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Edit claim" })).toHaveCount(0);
});

test("a claim says where it was said, and a paraphrase says in words that it is one; a verbatim quote does not", async ({ page }) => {
  await signIn(page, "viewer");
  const claims = (await apiClaims(page)).filter((c) => !c.id.startsWith("e2e-") && c.venue);
  const paraphrase = claims.find((c) => c.quoteIsParaphrase)!;
  const verbatim = claims.find((c) => !c.quoteIsParaphrase)!;
  expect(paraphrase).toBeDefined();
  expect(verbatim).toBeDefined();
  const mark = page.getByText("Paraphrase, not a verbatim quote");

  await page.goto(`${LIST}/${paraphrase.id}`);
  await expect(page.getByTestId("claim-attribution")).toContainText(`Said by ${paraphrase.speaker}, ${paraphrase.venue}, on ${paraphrase.date}`);
  await expect(mark).toBeVisible();
  // Our summary is not put in the speaker's mouth: no quotation marks around it.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(paraphrase.quote);

  await page.goto(`${LIST}/${verbatim.id}`);
  await expect(page.getByTestId("claim-attribution")).toContainText(`Said by ${verbatim.speaker}, ${verbatim.venue}, on ${verbatim.date}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`“${verbatim.quote}”`);
  await expect(mark).toHaveCount(0);
});

test("an admin's Edit button opens the claim's form", async ({ page }) => {
  await signIn(page, "admin", CLAIM);
  await expect(page.getByRole("form", { name: "Edit claim" })).toHaveCount(0);
  await page.getByRole("link", { name: "Edit claim" }).click();
  const form = page.getByRole("form", { name: "Edit claim" });
  await expect(form).toBeVisible();
  await expect(form.getByLabel("Claim id")).toHaveValue(CLAIM_ID);
  await expect(page).toHaveURL(/edit=1/);
  await page.getByRole("link", { name: "Close without saving" }).click();
  await expect(page.getByRole("form", { name: "Edit claim" })).toHaveCount(0);
});

test("the claims list sorts by date both ways and shows date, speaker and verdict in words", async ({ page }) => {
  await signIn(page, "viewer", LIST);
  await expect(page.getByRole("link", { name: "newest first" })).toHaveAttribute("aria-current", "true");
  const newest = await listedDates(page);
  expect(newest.length).toBeGreaterThan(1);
  expect(newest).toEqual([...newest].sort().reverse());

  await page.getByRole("link", { name: "oldest first" }).click();
  await expect(page).toHaveURL(/dir=asc/);
  await expect(page.getByRole("link", { name: "oldest first" })).toHaveAttribute("aria-current", "true");
  const oldest = await listedDates(page);
  expect(oldest).toEqual([...newest].reverse());
  expect(oldest[0]! < oldest[oldest.length - 1]!).toBe(true);

  const verdictWords = ["supported", "mostly supported", "partly supported", "unsupported", "contradicted", "unrated"];
  for (const card of await page.getByRole("list", { name: "Claims", exact: true }).locator(":scope > li").all()) {
    await expect(card.getByTestId("chip-date")).toHaveText(/^Said on \d{4}-\d{2}-\d{2}/);
    await expect(card.getByTestId("chip-speaker")).toHaveText(/^Speaker: \S/);
    expect(verdictWords).toContain(await card.getByTestId("verdict-at-claim-date").textContent());
  }
});

test("the claims list filters by verdict and by speaker through the URL, keeping the as-of view", async ({ page }) => {
  await signIn(page, "viewer");
  const claims = (await apiClaims(page)).filter((c) => !c.id.startsWith("e2e-"));
  await page.goto(`${LIST}?asOf=2025-12-31`);
  const form = page.getByRole("form", { name: "Filter claims" });
  const cards = page.getByRole("list", { name: "Claims", exact: true }).locator(":scope > li");

  await form.getByLabel("Verdict on its date").selectOption("contradicted");
  await form.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/verdict=contradicted/);
  await expect(page).toHaveURL(/asOf=2025-12-31/);
  const contradicted = claims.filter((c) => c.verdictAtClaimDate === "contradicted");
  expect(contradicted.length).toBeGreaterThan(0);
  await expect(cards).toHaveCount(contradicted.length);
  for (const text of await cards.getByTestId("verdict-at-claim-date").allTextContents()) expect(text).toBe("contradicted");
  for (const c of contradicted) await expect(cards.filter({ hasText: c.quote })).toHaveCount(1);

  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).not.toHaveURL(/verdict=/);
  await expect(form.getByLabel("Verdict on its date")).toHaveValue("");
  await form.getByLabel("Speaker").selectOption("Azure CTO");
  await form.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/speaker=Azure\+CTO/);
  const byCto = claims.filter((c) => c.speaker === "Azure CTO");
  expect(byCto.length).toBeGreaterThan(0);
  await expect(cards).toHaveCount(byCto.length);
  for (const text of await cards.getByTestId("chip-speaker").allTextContents()) expect(text).toBe("Speaker: Azure CTO");
  await expect(page.getByTestId("claims-count")).toContainText(`${byCto.length} of `);
});

test("a program without claims says so in words", async ({ page, request }) => {
  const slug = await importSmallProgram(request, "no-claims");
  await signIn(page, "viewer", `/programs/${slug}/claims`);
  await expect(page.getByTestId("no-claims")).toContainText("No public claim has been recorded for this program yet.");
  await expect(page.getByRole("form", { name: "Filter claims" })).toHaveCount(0);
});

test("an unknown claim is a 404 inside the program's navigation", async ({ page }) => {
  await signIn(page, "viewer");
  const res = await page.goto(`${LIST}/no-such-claim`);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("navigation", { name: "Program" })).toBeVisible();
});

for (const [name, path] of [
  ["claims-list", LIST],
  ["claim", CLAIM],
] as const) {
  test(`the ${name} page reads at 1280 px and at 390 px without sideways scrolling or serious accessibility violations`, async ({ page }, testInfo) => {
    test.slow(); // two pages' worth of axe scans on a long list
    await signIn(page, "viewer", path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.waitForTimeout(300); // let the chart draw before the picture
    await expectAxeClean(page);
    await page.screenshot({ path: testInfo.outputPath(`${name}-1280.png`), fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.waitForTimeout(300);
    await expectNoSidewaysScroll(page);
    // The linked items of every claim, opened, stack instead of widening the page.
    for (const summary of await page.locator("summary", { hasText: "Linked items" }).all()) await summary.click();
    await expectNoSidewaysScroll(page);
    await expectAxeClean(page);
    await page.screenshot({ path: testInfo.outputPath(`${name}-390.png`), fullPage: true });
  });
}

test("what only admins see (adding a claim, editing one) has no serious accessibility violation", async ({ page }) => {
  test.slow();
  await signIn(page, "admin", LIST);
  await page.getByText("Add a claim").click();
  await expectAxeClean(page);
  await page.goto(`${CLAIM}?edit=1`);
  await expect(page.getByRole("form", { name: "Edit claim" })).toBeVisible();
  await expectAxeClean(page);
});
