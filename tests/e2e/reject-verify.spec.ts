/**
 * DESIGN §13 in the browser: a contributor reports with evidence, a reviewer rejects it with a
 * reason (a reject without one is refused and the typed fields stay), the item shows the rejection
 * to the contributor, who reports again; a second reviewer verifies with a note, and the history
 * shows all of it in order. The page stays axe-clean and does not scroll sideways at 390 px.
 */
import { expect, test } from "@playwright/test";
import { call } from "../support/api-client";
import { importSmallProgram } from "../support/programs";
import { expectAxeClean } from "../support/axe";
import { reportBuild } from "../support/review-steps";
import { signIn } from "../support/sign-in";
import { TEST_ACCOUNTS } from "../support/test-accounts";

// A demo reviewer with a password in tests (tests/support/prepare-test-database.ts).
const ELENA = { email: "elena.marsh@example.com", name: "Elena Marsh" };
const REASON = "The design doc link points to a draft without failure modes.";
const NOTE = "Final design reviewed: failure modes and interfaces covered.";

test("report, reject with a reason, report again, verify with a note: the history tells it in order", async ({ page, request }) => {
  test.setTimeout(180_000); // four sign-ins, two axe passes, on two shared cores
  const slug = await importSmallProgram(request, "reject");
  const itemPage = `/programs/${slug}/items/A`;

  await signIn(page, "contributor", itemPage);
  await reportBuild(page, "https://dev.example.com/design/A-draft");
  await expect(page.getByText("pending verification")).toBeVisible();
  // A contributor may not decide: no review form for them.
  await expect(page.getByRole("form", { name: /^Review A to Build, reported by / })).toHaveCount(0);

  // The reviewer types a note, then presses Reject without a reason: refused in words, the note kept.
  await signIn(page, "reviewer", itemPage);
  const review = page.getByRole("form", { name: /^Review A to Build, reported by / });
  await expect(review).toHaveCount(1);
  await expectAxeClean(page);
  await review.getByLabel("Note (optional)").fill("Opened the design doc.");
  await review.getByRole("button", { name: /^Reject A to Build, reported by / }).click();
  await expect(review.getByRole("alert")).toHaveText(/^Not saved\. Reason: must say why the transition is rejected/);
  await expect(review.getByLabel("Note (optional)")).toHaveValue("Opened the design doc.");
  await expect(page.getByText("pending verification")).toBeVisible();

  await review.getByLabel("Reason (required to reject)").fill(REASON);
  await review.getByRole("button", { name: /^Reject A to Build, reported by / }).click();
  const history = page.getByRole("table", { name: "History" });
  await expect(history.getByText(`Rejected by ${TEST_ACCOUNTS.reviewer.name} on`)).toBeVisible();
  await expect(history).toContainText(REASON);
  await expect(page.getByRole("form", { name: /^Review A to Build, reported by / })).toHaveCount(0);

  // The contributor sees the rejection beside the reported status, which stands; the true one did not move.
  await signIn(page, "contributor", itemPage);
  const notice = page.getByTestId("reported-rejection");
  await expect(notice).toContainText("The transition to Build (the reported status) was rejected by Rita Reviewer");
  await expect(notice).toContainText(REASON);
  await expect(notice).toContainText("report it again with new evidence");
  await expect(page.getByText(/^true\s/)).toContainText("Not started");
  await expectAxeClean(page);
  await reportBuild(page, "https://dev.example.com/design/A-v2");
  await expect(page.getByTestId("reported-rejection")).toHaveCount(0);

  // A second reviewer verifies the new report with a note.
  await signIn(page, ELENA, itemPage);
  const second = page.getByRole("form", { name: /^Review A to Build, reported by / });
  await expect(second).toHaveCount(1);
  await second.getByLabel("Note (optional)").fill(NOTE);
  await second.getByRole("button", { name: /^Verify A to Build, reported by / }).click();
  await expect(history.getByText(`verified by ${ELENA.name} on`)).toBeVisible();

  // In effective order: the rejected report with its reason, then the verified one with its note.
  const rows = history.locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(`Rejected by ${TEST_ACCOUNTS.reviewer.name} on`);
  await expect(rows.nth(0)).toContainText(REASON);
  await expect(rows.nth(0)).toContainText(TEST_ACCOUNTS.contributor.name);
  await expect(rows.nth(1)).toContainText(`verified by ${ELENA.name} on`);
  await expect(rows.nth(1)).toContainText(NOTE);
  await expect(page.getByTestId("reported-rejection")).toHaveCount(0);
  await expect(page.getByText(/^true\s/)).toContainText("Build");

  // The dashboard counts A as truly at build, not inflated.
  await page.goto(`/programs/${slug}`);
  await expect(page.getByTestId("headline-inflated")).toHaveText("0");

  // The item page with a rejection reads at 390 px without scrolling sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(itemPage);
  await expect(rows.nth(0)).toContainText(REASON);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
});

test("a reviewer made the item's owner while deciding is refused in words, and the typed reason stays", async ({ page, request }) => {
  const slug = await importSmallProgram(request, "reject-own");
  await signIn(page, "contributor", `/programs/${slug}/items/A`);
  await page.getByRole("form", { name: "Report a transition" }).getByRole("button", { name: "Report transition" }).click();
  await expect(page.getByText("pending verification")).toBeVisible();
  await signIn(page, "reviewer", `/programs/${slug}/items/A`);
  const review = page.getByRole("form", { name: /^Review A to Design, reported by / });
  await review.getByLabel("Reason (required to reject)").fill("No plan attached.");
  // Meanwhile an admin hands the item to the reviewer: the form on the screen no longer holds.
  const item = await (await call(request, "admin", "GET", `/api/programs/${slug}/items/A`)).json();
  expect((await call(request, "admin", "PATCH", `/api/programs/${slug}/items/A`, { version: item.version, owner: TEST_ACCOUNTS.reviewer.email })).status()).toBe(200);
  await review.getByRole("button", { name: /^Reject A to Design, reported by / }).click();
  await expect(review.getByRole("alert")).toHaveText(`four eyes: ${TEST_ACCOUNTS.reviewer.email} owns this item and cannot reject its transitions`);
  await expect(review.getByLabel("Reason (required to reject)")).toHaveValue("No plan attached.");
  await expect(page.getByText("pending verification")).toBeVisible();
});

test("on a phone a reviewer reads each report whole and decides it: the review form is inside the screen, not at the edge of a table that scrolls", async ({ page, request }) => {
  const slug = await importSmallProgram(request, "review-phone");
  const itemPage = `/programs/${slug}/items/A`;
  await signIn(page, "contributor", itemPage);
  await reportBuild(page, "https://dev.example.com/design/A-phone");

  await page.setViewportSize({ width: 375, height: 812 });
  await signIn(page, "reviewer", itemPage);
  const history = page.getByRole("table", { name: "History" });
  const review = history.getByRole("form", { name: /^Review A to Build, reported by / });
  await review.scrollIntoViewIfNeeded();
  // Every part of the form lies within the 375 px of the screen, and nothing in the history scrolls sideways.
  for (const part of [review, review.getByLabel("Reason (required to reject)"), review.getByRole("button", { name: /^Verify A to Build, reported by / }), review.getByRole("button", { name: /^Reject A to Build, reported by / })]) {
    const box = (await part.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
  }
  expect(await history.evaluate((t) => t.parentElement!.scrollWidth - t.parentElement!.clientWidth)).toBeLessThanOrEqual(0);
  // Each cell says what it is, since the column heads are not shown.
  const row = history.locator("tbody tr").first();
  await expect(row.getByText("reported by", { exact: false })).toBeVisible();
  await expect(row.getByText(/^effective/)).toBeVisible();

  await review.getByLabel("Note (optional)").fill("Checked on the phone.");
  await review.getByRole("button", { name: /^Verify A to Build, reported by / }).click();
  await expect(history.getByText(`verified by ${TEST_ACCOUNTS.reviewer.name} on`)).toBeVisible();
});
