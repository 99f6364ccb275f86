/**
 * Stored text is safe. A program whose titles, notes, evidence, claim quotes and
 * speakers carry markup, script and spreadsheet formulas is imported through the API; a viewer
 * sees every page render them as plain text (no element created, no dialog), the items CSV
 * neutralises formulas, and the claims Markdown export escapes the markup.
 */
import { expect, test, type Page } from "@playwright/test";
import { authHeaders } from "../support/api-client";
import { TEST_ACCOUNTS } from "../support/test-accounts";
import { signIn } from "../support/sign-in";

const IMG = "<img src=x onerror=alert(1)>";
const SCRIPT = "<script>alert('stored')</script>";
const BOLD = "**bold** _under_ [click](javascript:alert(1)) | pipe |";
const FORMULA = "=cmd|' /C calc'!A0";
const PLUS = "+SUM(A1:A9)";
const AT = "@HYPERLINK(\"https://evil.example\")";

function hostileBundle(slug: string) {
  const people = Object.values(TEST_ACCOUNTS).map((a) => ({ email: a.email, name: a.name, team: "Test" }));
  return {
    format: "offload-tracker/v1",
    program: { slug, name: `Stored text ${slug}`, description: `${IMG} ${BOLD}`, targetDate: "2026-06-30" },
    people,
    items: [
      { key: "X-1", title: IMG, description: SCRIPT, area: BOLD, owner: TEST_ACCOUNTS.contributor.email, team: FORMULA, estimateWeeks: 2, identifiedAt: "2024-01-01", dependsOn: [] },
      { key: "X-2", title: FORMULA, area: "Core", owner: TEST_ACCOUNTS.contributor.email, team: PLUS, estimateWeeks: 3, identifiedAt: "2024-01-01", dependsOn: ["X-1"] },
      { key: "X-3", title: BOLD, area: "Core", owner: null, team: AT, estimateWeeks: 1, identifiedAt: "2024-01-01", dependsOn: ["X-2"] },
    ],
    transitions: [
      {
        item: "X-1",
        to: "design",
        effectiveAt: "2024-02-01",
        by: TEST_ACCOUNTS.contributor.email,
        note: `${SCRIPT} ${IMG}`,
        evidence: [{ kind: "design_doc", url: "https://docs.example/x1", summary: IMG }],
        verifiedBy: TEST_ACCOUNTS.reviewer.email,
        verificationNote: BOLD,
      },
      {
        item: "X-2",
        to: "design",
        effectiveAt: "2024-02-01",
        by: TEST_ACCOUNTS.contributor.email,
        rejectedBy: TEST_ACCOUNTS.reviewer.email,
        rejectionReason: `${SCRIPT} ${BOLD}`,
      },
    ],
    signals: [],
    claims: [
      { id: "hostile-claim", date: "2024-03-01", speaker: SCRIPT, venue: IMG, quote: `${IMG} ${BOLD} ${FORMULA}`, url: "https://claims.example/1", links: [{ item: "X-1", requires: "design" }] },
      { id: "formula-claim", date: "2024-04-01", speaker: FORMULA, quote: PLUS, url: "https://claims.example/2", links: [{ item: "X-2", requires: "build" }] },
    ],
  };
}

/** Nothing injected: no <img src=x>, no stored <script>, and no dialog ever opened. */
async function expectInert(page: Page, dialogs: string[], where: string) {
  expect(await page.locator('img[src="x"]').count(), `${where}: an <img> from stored text`).toBe(0);
  // (Next.js's own flight-data scripts carry the text JSON-escaped; an injected element would hold it alone.)
  const injectedScripts = await page.evaluate(() => [...document.scripts].filter((s) => s.textContent?.trim() === "alert('stored')").length);
  expect(injectedScripts, `${where}: a <script> from stored text`).toBe(0);
  expect(await page.locator("a[href^='javascript:']").count(), `${where}: a javascript: link`).toBe(0);
  expect(dialogs, `${where}: a dialog opened`).toEqual([]);
}

test("markup, script and formulas in stored text render as text, the CSV neutralises formulas, the Markdown escapes markup", async ({ page, request }) => {
  const slug = `stored-text-${Date.now()}`;
  const res = await request.post("/api/programs/import", { headers: authHeaders("admin"), data: hostileBundle(slug) });
  expect(res.status(), await res.text()).toBe(201);

  const dialogs: string[] = [];
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await signIn(page, "viewer");

  await page.goto(`/programs/${slug}/items/X-1`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(IMG);
  await expect(page.getByText(SCRIPT).filter({ visible: true }).first()).toBeVisible();
  await expect(page.getByText(`${SCRIPT} ${IMG}`).filter({ visible: true }).first()).toBeVisible(); // the transition note
  await expectInert(page, dialogs, "item page");

  // A rejection's reason, beside the reported status and in the history.
  await page.goto(`/programs/${slug}/items/X-2`);
  await expect(page.getByTestId("reported-rejection")).toContainText(`Reason: ${SCRIPT} ${BOLD}`);
  await expect(page.getByTestId(/^rejection-/)).toContainText(`${SCRIPT} ${BOLD}`);
  await expectInert(page, dialogs, "item page with a rejection");

  await page.goto(`/programs/${slug}/items`);
  await expect(page.getByRole("cell", { name: IMG, exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: FORMULA, exact: true })).toHaveCount(2); // X-2's title, X-1's team
  await expectInert(page, dialogs, "items page");

  await page.goto(`/programs/${slug}/claims`);
  await expect(page.getByText(`${IMG} ${BOLD} ${FORMULA}`).filter({ visible: true }).first()).toBeVisible();
  await expect(page.getByText(SCRIPT).filter({ visible: true }).first()).toBeVisible();
  await expectInert(page, dialogs, "claims page");

  await page.goto(`/programs/${slug}/claims/hostile-claim`);
  await expect(page.getByText(`${IMG} ${BOLD} ${FORMULA}`).filter({ visible: true }).first()).toBeVisible();
  await expectInert(page, dialogs, "claim page");

  for (const p of [`/programs/${slug}`, `/programs/${slug}/graph`, `/programs/${slug}/settings`]) {
    await page.goto(p);
    await expect(page.getByTestId("signed-in-as")).toBeVisible();
    await expectInert(page, dialogs, p);
  }

  // The items CSV, downloaded as a person would: every formula-like cell starts with a quote.
  await page.goto(`/programs/${slug}/items`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /csv/i }).first().click()]);
  const csv = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  expect(csv).toContain(`'${FORMULA.replace(/"/g, '""')}`);
  expect(csv).toContain(`'${PLUS}`);
  expect(csv).toContain(`'${AT.replace(/"/g, '""')}`);
  for (const line of csv.split("\r\n").slice(1).filter(Boolean))
    for (const cell of line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, "").replace(/^"|"$/g, "")))
      expect(cell, `CSV cell ${cell}`).not.toMatch(/^[=+\-@\t\r]/);

  // The claims CSV too.
  const claimsCsv = await (await page.request.get(`/api/programs/${slug}/claims.csv`)).text();
  expect(claimsCsv).toContain(`'${FORMULA.replace(/"/g, '""')}`);
  expect(claimsCsv).not.toMatch(/(^|,)"?=cmd/m);

  // The claims Markdown: markup escaped, no raw HTML.
  const md = await (await page.request.get(`/api/programs/${slug}/claims.md`)).text();
  expect(md).not.toMatch(/(^|[^\\])<(img|script)/); // only backslash-escaped: literal text, no HTML
  expect(md).toContain("\\<img src=x onerror=alert(1)\\>");
  expect(md).toContain("\\*\\*bold\\*\\*");
  expect(md).toContain("\\[click\\](javascript:alert(1))"); // escaped brackets: not a link
  expect(md).toContain("\\| pipe \\|");
  expect(dialogs).toEqual([]);
});
