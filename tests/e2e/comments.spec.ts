/**
 * DESIGN §13 comments in the browser: a contributor comments on an item with a link and an
 * @mention, reports a transition, comments again, edits the first and deletes the second; the
 * timeline shows them in order, the deleted one as a dated line. A viewer reads it all without a
 * form, another writer gets no Edit on someone else's comment. A claim's Discussion works the same.
 * Every page stays axe-clean and does not scroll sideways at 390 px.
 */
import { expect, test, type Page } from "@playwright/test";
import { expectAxeClean } from "../support/axe";
import { call } from "../support/api-client";
import { importSmallProgram } from "../support/programs";
import { signIn } from "../support/sign-in";
import { TEST_ACCOUNTS } from "../support/test-accounts";

const FIRST = "Blocked until @priya.raman signs off: https://ci.example.com/run/42.";
const EDITED = "Unblocked: @priya.raman signed off, see https://ci.example.com/run/43";
const HOSTILE = "<script>alert(1)</script> [x](javascript:alert(1)) — a mistake, to delete";

async function expectNoSidewaysScroll(page: Page) {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function addComment(page: Page, text: string) {
  const form = page.getByRole("form", { name: "Add a comment" });
  await form.getByLabel("Comment", { exact: true }).fill(text);
  await form.getByRole("button", { name: "Add comment" }).click();
  await expect(form.getByRole("status")).toHaveText("Comment added.");
  await expect(form.getByLabel("Comment", { exact: true })).toHaveValue("");
}

/** The data-testid of each row of the item's timeline, top to bottom. */
const timeline = (page: Page) => page.getByRole("table", { name: "History" }).locator("tbody > tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-testid")));

test("a contributor comments with a link and a mention, edits it, deletes another; the timeline is in order; a viewer reads without a form", async ({ page, request }) => {
  test.setTimeout(180_000); // three sign-ins and two axe passes on two shared cores
  const slug = await importSmallProgram(request, "comments");
  const itemPage = `/programs/${slug}/items/A`;

  await signIn(page, "contributor", itemPage);
  await expect(page.getByText("No transition reported yet")).toBeVisible();

  // A blank comment is refused in words, and what was typed stays.
  const form = page.getByRole("form", { name: "Add a comment" });
  await form.getByLabel("Comment", { exact: true }).fill("   ");
  await form.getByRole("button", { name: "Add comment" }).click();
  await expect(form.getByRole("alert")).toContainText("must not be empty");
  await expect(form.getByLabel("Comment", { exact: true })).toHaveValue("   ");

  await addComment(page, FIRST);
  const first = page.getByRole("article", { name: `Comment by ${TEST_ACCOUNTS.contributor.name}` }).first();
  const link = first.getByRole("link", { name: "https://ci.example.com/run/42" });
  await expect(link).toHaveAttribute("href", "https://ci.example.com/run/42");
  await expect(link).toHaveAttribute("rel", "noopener noreferrer nofollow");
  await expect(first.locator('[data-mention="priya.raman"]')).toHaveText("@priya.raman");
  await expect(first.locator('[data-mention="priya.raman"]')).toHaveAttribute("title", "Priya Raman");
  // The sentence's full stop is text, not part of the link.
  await expect(first).toContainText("run/42.");

  const report = page.getByRole("form", { name: "Report a transition" });
  await report.getByLabel("New status").selectOption("design");
  await report.getByRole("button", { name: "Report transition" }).click();
  await expect(report.getByRole("status")).toHaveText("A → Design recorded, awaiting verification by a second person.");
  await addComment(page, HOSTILE);

  const [firstId, secondId] = (await (await call(request, "viewer", "GET", `/api/programs/${slug}/items/A/comments`)).json()).map((c: { id: number }) => c.id);
  const transitionId = (await (await call(request, "viewer", "GET", `/api/programs/${slug}/items/A`)).json()).history[0].id;
  await expect.poll(() => timeline(page)).toEqual([`comment-${firstId}`, `transition-${transitionId}`, `comment-${secondId}`]);
  // Markup is shown as typed, never run or linked.
  const second = page.getByTestId(`comment-${secondId}`);
  await expect(second).toContainText("<script>alert(1)</script> [x](javascript:alert(1))");
  await expect(second.getByRole("link")).toHaveCount(0);

  // Edit the first: the new text, marked as edited.
  await page.getByRole("button", { name: `Edit comment ${firstId}` }).click();
  const edit = page.getByRole("form", { name: `Edit comment ${firstId}` });
  await expect(edit.getByLabel("Comment text")).toHaveValue(FIRST);
  await edit.getByLabel("Comment text").fill(EDITED);
  await edit.getByRole("button", { name: "Save comment" }).click();
  const firstRow = page.getByTestId(`comment-${firstId}`);
  await expect(firstRow).toContainText(EDITED);
  await expect(firstRow).toContainText("edited");
  await expect(firstRow.getByRole("status")).toHaveText("Comment saved.");
  await expect(firstRow.getByRole("link", { name: "https://ci.example.com/run/43" })).toBeVisible();

  // Delete the second, asked twice: a dated line stands in its place.
  await page.getByRole("button", { name: `Delete comment ${secondId}` }).click();
  await page.getByRole("form", { name: `Delete comment ${secondId}` }).getByRole("button", { name: "Yes, delete it" }).click();
  const today = new Date().toISOString().slice(0, 10);
  await expect(second).toHaveText(`Comment deleted by ${TEST_ACCOUNTS.contributor.name} on ${today}.`);
  await expect(page.getByText("a mistake, to delete")).toHaveCount(0);
  await expectAxeClean(page);
  await expectNoSidewaysScroll(page);

  // Someone else who may comment gets no Edit or Delete on the contributor's comment.
  await signIn(page, "reviewer", itemPage);
  await expect(page.getByRole("form", { name: "Add a comment" })).toBeVisible();
  await expect(page.getByTestId(`comment-${firstId}`)).toContainText(EDITED);
  await expect(page.getByRole("button", { name: `Edit comment ${firstId}` })).toHaveCount(0);
  await expect(page.getByRole("button", { name: `Delete comment ${firstId}` })).toHaveCount(0);

  // A viewer reads the discussion, in the same order, with no form and no buttons.
  await signIn(page, "viewer", itemPage);
  await expect.poll(() => timeline(page)).toEqual([`comment-${firstId}`, `transition-${transitionId}`, `comment-${secondId}`]);
  await expect(page.getByTestId(`comment-${firstId}`)).toContainText(EDITED);
  await expect(page.getByTestId(`comment-${secondId}`)).toHaveText(`Comment deleted by ${TEST_ACCOUNTS.contributor.name} on ${today}.`);
  await expect(page.getByRole("form", { name: "Add a comment" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^(Edit|Delete) comment/ })).toHaveCount(0);
  await expect(page.getByTestId("comment-note")).toHaveText("Contributors, reviewers and admins can comment here; you can read the discussion.");
  await expectAxeClean(page);

  // A view of the records as known before the comments lists none of them.
  await page.goto(`${itemPage}?knownAt=2024-01-01`);
  await expect(page.getByTestId(`comment-${firstId}`)).toHaveCount(0);
});

test("a claim's Discussion: a contributor writes, a stale edit keeps the typed text, a viewer reads; axe-clean, no sideways scroll", async ({ page, request }) => {
  test.setTimeout(120_000);
  const slug = await importSmallProgram(request, "claim-talk");
  const claim = { id: "c1", date: "2024-03-01", speaker: "CTO", quote: "A is designed", url: "https://claims.example/1", links: [{ item: "A", requires: "design" }] };
  expect((await call(request, "admin", "POST", `/api/programs/${slug}/claims`, claim)).status()).toBe(201);
  const claimPage = `/programs/${slug}/claims/c1`;

  await signIn(page, "contributor", claimPage);
  const discussion = page.getByRole("region", { name: /^Discussion/ });
  await expect(discussion).toContainText("No comment yet.");
  await addComment(page, `Nothing was designed on 2024-03-01: @reviewer, see https://claims.example/1 and ${"a-very-long-word-".repeat(8)}`);
  await expect(page.getByRole("heading", { name: "Discussion (1)" })).toBeVisible();
  await expect(discussion.getByRole("list", { name: "Discussion" }).getByRole("listitem")).toHaveCount(1);
  await expect(discussion.locator('[data-mention="reviewer"]')).toHaveAttribute("title", TEST_ACCOUNTS.reviewer.name);
  await expectAxeClean(page);
  await expectNoSidewaysScroll(page);

  // A stale edit (the same author changed it elsewhere meanwhile) is refused in words, the typed text kept; saving again is a choice.
  const [comment] = await (await call(request, "viewer", "GET", `/api/programs/${slug}/claims/c1/comments`)).json();
  await page.getByRole("button", { name: `Edit comment ${comment.id}` }).click();
  const changed = await call(request, "contributor", "PATCH", `/api/programs/${slug}/comments/${comment.id}`, { body: "Changed in another tab.", version: 1 });
  expect(changed.status()).toBe(200);
  const edit = page.getByRole("form", { name: `Edit comment ${comment.id}` });
  await edit.getByLabel("Comment text").fill("My careful rewording.");
  await edit.getByRole("button", { name: "Save comment" }).click();
  await expect(edit.getByRole("alert")).toContainText(`comment #${comment.id} was changed by someone else`);
  await expect(edit.getByLabel("Comment text")).toHaveValue("My careful rewording.");
  await edit.getByRole("button", { name: "Save comment" }).click();
  await expect(discussion.getByRole("listitem")).toContainText("My careful rewording.");
  await expect(discussion.getByRole("listitem")).toContainText("edited");

  await signIn(page, "viewer", claimPage);
  await expect(discussion.getByRole("listitem")).toContainText("My careful rewording.");
  await expect(page.getByRole("form", { name: "Add a comment" })).toHaveCount(0);
  await expectAxeClean(page);
});
