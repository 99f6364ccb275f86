/**
 * My work as people use it: a contributor reports with evidence and finds it awaiting, marked new;
 * a reviewer, counted in the header, finds it in the inbox, follows it to the item and rejects it
 * with a reason, and the count drops by one; the contributor reads the rejection in My work,
 * follows its link and reports again; a second reviewer verifies; it leaves the awaiting list and
 * the rejection drops out. The header counts what is new and clears once the page has shown it,
 * and both its counts follow each click on a link. The timeline tells it in order, and a comment
 * that @mentions the first reviewer reaches their My work. A person with nothing reads four sentences.
 */
import { expect, test, type Page } from "@playwright/test";
import { authHeaders, call } from "../support/api-client";
import { importSmallProgram } from "../support/programs";
import { manyItemsBundle } from "../support/small-bundle";
import { expectAxeClean } from "../support/axe";
import { reportBuild } from "../support/review-steps";
import { signIn } from "../support/sign-in";
import { TEST_ACCOUNTS } from "../support/test-accounts";

// A demo reviewer with a password in tests (tests/support/prepare-test-database.ts).
const ELENA = { email: "elena.marsh@example.com", name: "Elena Marsh" };
const REASON = "The design doc link points to a draft without failure modes.";
const NOTE = "v2 names the failure modes; checked against the rollback runbook.";
const COMMENT = "@reviewer thank you: v2 adds the failure modes you asked for.";

const nav = (page: Page) => page.getByRole("navigation", { name: "Main" });
const section = (page: Page, id: string) => page.getByTestId(`section-${id}`);
// Other tests share the database and the contributor account: read only this test's program's rows.
const rowsOf = (page: Page, id: string, slug: string) =>
  section(page, id)
    .getByRole("listitem")
    .filter({ has: page.locator(`a[href^="/programs/${slug}/"]`) });

/** The number beside "Awaiting verification" in the header (0 when there is none). */
async function awaitingCount(page: Page): Promise<number> {
  const name = (await nav(page).getByRole("link", { name: /^Awaiting verification/ }).textContent()) ?? "";
  return Number(/(\d+)$/.exec(name.trim())?.[1] ?? 0);
}

test("a person with nothing, beside an empty program, reads what each section would hold", async ({ page, request }) => {
  const empty = await request.post("/api/programs/import", {
    headers: authHeaders("admin"),
    data: { format: "offload-tracker/v1", program: { slug: `my-work-empty-${Date.now()}`, name: "Nothing yet" }, people: [], items: [] },
  });
  expect(empty.status()).toBe(201);
  // The viewer account owns nothing and cannot report (until the next test gives it an item).
  await signIn(page, "viewer", "/my-work");
  await expect(page.getByTestId("my-work-summary")).toContainText(/^Nothing new since your (last visit|account was created), \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  await expect(section(page, "owned")).toContainText("You own no items.");
  await expect(section(page, "awaiting")).toContainText("Nothing you reported is waiting for a reviewer.");
  await expect(section(page, "rejected")).toContainText("No report of yours is rejected and waiting for you.");
  await expect(section(page, "mentions")).toContainText("No comment mentions you.");
  await expect(page.getByRole("listitem")).toHaveCount(0);
  await expectAxeClean(page);
});

test("report, see it awaiting and new; rejected with a reason; report again from My work; verified, it leaves", async ({ page, request }) => {
  test.setTimeout(240_000); // five sign-ins and two axe passes on two shared cores
  const slug = await importSmallProgram(request, "my-work");
  const itemPage = `/programs/${slug}/items/A`;

  // A first visit: whatever was there before is seen from now on.
  await signIn(page, "contributor", "/my-work");
  await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
  await expect(section(page, "owned").getByTestId(`owned-${slug}-A`)).toContainText("Item A");

  await page.goto(itemPage);
  await reportBuild(page, "https://dev.example.com/design/A-draft");
  await page.goto("/");
  await nav(page).getByRole("link", { name: "My work, 1 new" }).click();
  await expect(page).toHaveURL(/\/my-work$/);
  const awaiting = section(page, "awaiting");
  await expect(awaiting.getByRole("heading", { level: 2 })).toHaveText(/^Reported by me, awaiting verification \(\d+\)$/);
  // Since when is said once, above the sections; each section counts its own.
  await expect(page.getByTestId("my-work-summary")).toContainText(/^\d+ new since your last visit, \d{4}-\d\d-\d\d \d\d:\d\d UTC: marked New below\./);
  await expect(awaiting.getByTestId("new-count")).toHaveText("1 new.");
  await expect(page.getByText(/ new since your last visit/)).toHaveCount(1);
  const row = rowsOf(page, "awaiting", slug);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("New");
  await expect(row).toContainText("From Not started to Build");
  await expect(row.getByTestId("waited")).toHaveText("today");
  await expect(rowsOf(page, "rejected", slug)).toHaveCount(0);
  // On My work the header no longer counts what the page shows.
  await expect(nav(page).getByRole("link", { name: "My work", exact: true })).toBeVisible();

  // The reviewer, counted in the header, finds the report in the inbox and follows it to the item.
  await signIn(page, "reviewer");
  const before = await awaitingCount(page);
  expect(before).toBeGreaterThan(0);
  await nav(page).getByRole("link", { name: `Awaiting verification, ${before}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Awaiting verification" })).toBeVisible();
  // Other tests' reports wait there too: the reviewer narrows the inbox to this program.
  await page.getByRole("combobox", { name: "Program" }).selectOption(slug);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`program=${slug}`));
  const waiting = page
    .getByRole("list", { name: "Yours to review" })
    .getByRole("listitem")
    .filter({ has: page.locator(`a[href="${itemPage}"]`) });
  await expect(waiting).toHaveCount(1);
  await expect(waiting).toContainText(`Reported by ${TEST_ACCOUNTS.contributor.name}`);
  await expect(waiting.getByRole("link", { name: "design of A" })).toHaveAttribute("href", "https://dev.example.com/design/A-draft");
  await waiting.getByRole("link", { name: "Verify or reject on the item page" }).click();
  await expect(page).toHaveURL(new RegExp(`${itemPage}#history$`));
  // Rejecting there takes one off the header's count.
  const review = page.getByRole("form", { name: new RegExp(`^Review A to Build, reported by ${TEST_ACCOUNTS.contributor.name} on \\d{4}-\\d\\d-\\d\\d`) });
  await review.getByLabel("Reason (required to reject)").fill(REASON);
  await review.getByRole("button", { name: /^Reject A to Build, reported by / }).click();
  await expect(page.getByRole("table", { name: "History" }).getByText(`Rejected by ${TEST_ACCOUNTS.reviewer.name} on`)).toBeVisible();
  await expect(nav(page).getByRole("link", { name: before - 1 > 0 ? `Awaiting verification, ${before - 1}` : "Awaiting verification" })).toBeVisible();

  // The contributor reads the rejection in My work, and reports again from its link.
  await signIn(page, "contributor");
  await nav(page).getByRole("link", { name: "My work, 1 new" }).click();
  const rejected = section(page, "rejected");
  await expect(rejected.getByTestId("new-count")).toHaveText("1 new.");
  const rejection = rowsOf(page, "rejected", slug);
  await expect(rejection).toContainText("New");
  await expect(rejection).toContainText(`was rejected by ${TEST_ACCOUNTS.reviewer.name} on`);
  await expect(rejection.getByTestId("reason")).toHaveText(`Reason: ${REASON}`);
  await expect(rowsOf(page, "awaiting", slug)).toHaveCount(0);
  await expectAxeClean(page);
  await rejection.getByRole("link", { name: "Report A again with new evidence" }).click();
  await expect(page).toHaveURL(new RegExp(`/programs/${slug}/items/A#report$`));
  await reportBuild(page, "https://dev.example.com/design/A-v2");

  await page.goto("/my-work");
  await expect(rejected.getByTestId("reported-again")).toHaveText(
    new RegExp(`^Reported again to Build by ${TEST_ACCOUNTS.contributor.name} on \\d{4}-\\d\\d-\\d\\d: awaiting verification\\.$`),
  );
  // Seen on the last visit: no longer new. The new report is.
  await expect(rejected.getByTestId("new-count")).toHaveText("Nothing new.");
  await expect(section(page, "awaiting").getByTestId("new-count")).toHaveText("1 new.");

  // A second reviewer verifies it.
  await signIn(page, ELENA, itemPage);
  const count = await awaitingCount(page);
  const verify = page.getByRole("form", { name: /^Review A to Build, reported by / });
  await verify.getByLabel("Note (optional)").fill(NOTE);
  await verify.getByRole("button", { name: /^Verify A to Build, reported by / }).click();
  await expect(page.getByRole("table", { name: "History" }).getByText(`verified by ${ELENA.name} on`)).toBeVisible();
  await expect(nav(page).getByRole("link", { name: count - 1 > 0 ? `Awaiting verification, ${count - 1}` : "Awaiting verification" })).toBeVisible();

  // It has left the awaiting list; the rejection is answered and gone; the item is truly at Build.
  await signIn(page, "contributor", "/my-work");
  await expect(rowsOf(page, "awaiting", slug)).toHaveCount(0);
  await expect(rowsOf(page, "rejected", slug)).toHaveCount(0);
  const owned = section(page, "owned").getByTestId(`owned-${slug}-A`);
  await expect(owned).toContainText("True status Build");
  await expect(owned).toContainText("Reported Build");
  await expect(owned).not.toContainText("Inflated");

  // It reads at 390 px without sideways scrolling.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/my-work");
  await expect(owned).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 900 });

  // The contributor thanks the first reviewer in a comment that @mentions them.
  await page.goto(itemPage);
  const comment = page.getByRole("form", { name: "Add a comment" });
  await comment.getByLabel("Comment").fill(COMMENT);
  await comment.getByRole("button", { name: "Add comment" }).click();
  const history = page.getByRole("table", { name: "History" });
  await expect(history.getByText("v2 adds the failure modes you asked for")).toBeVisible();

  // The item's timeline tells it in order: the rejected report, the verified one with its note, the comment.
  const rows = await history.getByRole("row").allTextContents();
  const where = (text: string) => rows.findIndex((r) => r.includes(text));
  const rejectedRow = where(`Rejected by ${TEST_ACCOUNTS.reviewer.name} on`);
  const verifiedRow = where(`verified by ${ELENA.name} on`);
  const commentRow = where("v2 adds the failure modes you asked for");
  expect(rejectedRow).toBeGreaterThan(0);
  expect(rows[rejectedRow]).toContain(REASON);
  expect(rows[verifiedRow]).toContain(NOTE);
  expect([rejectedRow < verifiedRow, verifiedRow < commentRow]).toEqual([true, true]);

  // The reviewer it mentions finds it in My work, new.
  await signIn(page, "reviewer");
  await nav(page).getByRole("link", { name: /^My work, \d+ new$/ }).click();
  const mention = section(page, "mentions").getByRole("listitem").filter({ hasText: "v2 adds the failure modes" });
  await expect(mention).toContainText("New");
  await expect(mention).toContainText(`${TEST_ACCOUNTS.contributor.name} mentioned you on`);
  await mention.getByRole("link", { name: "A" }).click();
  await expect(page).toHaveURL(new RegExp(`/programs/${slug}/items/A#comment-\\d+$`));
});

test("the header's counts follow each click on a link, not only page loads", async ({ page, request }) => {
  test.setTimeout(120_000);
  const slug = await importSmallProgram(request, "my-work-nav");
  const report = async (key: string) => {
    const res = await call(request, "contributor", "POST", `/api/programs/${slug}/items/${key}/transitions`, {
      to: "design",
      evidence: [{ kind: "design_doc", url: `https://docs.example.com/${key}`, summary: `Design of ${key}` }],
    });
    expect(res.status()).toBe(201);
    return (await res.json()).id as number;
  };
  await report("A");
  const onB = await report("B");

  // The reviewer verifies one in a second tab; this tab's header, drawn before, still counts it...
  await signIn(page, "reviewer");
  const before = await awaitingCount(page);
  expect(before).toBeGreaterThanOrEqual(2);
  const other = await page.context().newPage();
  await other.goto(`/programs/${slug}/items/A`);
  await other.getByRole("form", { name: /^Review A to Design, / }).getByRole("button", { name: /^Verify A to Design, / }).click();
  await expect(other.getByRole("table", { name: "History" }).getByText(`verified by ${TEST_ACCOUNTS.reviewer.name} on`)).toBeVisible();
  await other.close();
  await expect(nav(page).getByRole("link", { name: `Awaiting verification, ${before}` })).toBeVisible();
  // ...until the next click on a link, which counts again.
  await nav(page).getByRole("link", { name: "Rules", exact: true }).click();
  await expect(page).toHaveURL(/\/rules$/);
  await expect(nav(page).getByRole("link", { name: `Awaiting verification, ${before - 1}` })).toBeVisible();

  // The contributor has seen My work; a rejection meanwhile shows on the next click, and clears once seen.
  await signIn(page, "contributor", "/my-work");
  await nav(page).getByRole("link", { name: "Programs", exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(nav(page).getByRole("link", { name: "My work", exact: true })).toBeVisible();
  const rejected = await call(request, "reviewer", "POST", `/api/programs/${slug}/items/B/transitions/${onB}/reject`, { reason: "The design doc is empty." });
  expect(rejected.status()).toBe(201);
  await expect(nav(page).getByRole("link", { name: "My work", exact: true })).toBeVisible();
  await nav(page).getByRole("link", { name: "Rules", exact: true }).click();
  await expect(page).toHaveURL(/\/rules$/);
  await nav(page).getByRole("link", { name: "My work, 1 new" }).click();
  await expect(page).toHaveURL(/\/my-work$/);
  await expect(rowsOf(page, "rejected", slug)).toContainText("The design doc is empty.");
  await nav(page).getByRole("link", { name: "Programs", exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(nav(page).getByRole("link", { name: "My work", exact: true })).toBeVisible();
  await nav(page).getByRole("link", { name: "Rules", exact: true }).click();
  await expect(nav(page).getByRole("link", { name: "My work", exact: true })).toBeVisible();
});

test("an item given to a person is new to them until they open My work", async ({ page, request }) => {
  const slug = await importSmallProgram(request, "my-work-owner");
  await signIn(page, "viewer", "/my-work"); // the baseline
  await expect(section(page, "owned")).toContainText("You own no items.");
  const res = await request.patch(`/api/programs/${slug}/items/C`, {
    headers: { ...authHeaders("admin"), "if-match": '"1"' },
    data: { owner: TEST_ACCOUNTS.viewer.email },
  });
  expect(res.status()).toBe(200);
  await page.goto("/");
  await expect(nav(page).getByRole("link", { name: "My work, 1 new" })).toBeVisible();
  await page.goto("/my-work");
  const item = section(page, "owned").getByTestId(`owned-${slug}-C`);
  await expect(item).toContainText("New");
  await expect(item).toContainText("Blocked: waits on unfinished dependencies");
  await expect(item).toContainText(/Yours since \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  await expect(page.getByTestId("my-work-summary")).toContainText("1 new since your last visit");
  await page.goto("/");
  await expect(nav(page).getByRole("link", { name: "My work", exact: true })).toBeVisible();
  await page.goto("/my-work");
  await expect(item).not.toContainText("New");
});

test("someone who owns many items of a program sees those that ask for attention there, the rest counted with a link to them all", async ({ page, request }) => {
  // 45 items of the contributor (every tenth waits on its predecessor: blocked) and 3 of the reviewer.
  const slug = `my-work-many-${Date.now()}`;
  const bundle = manyItemsBundle(slug, 48);
  const items = bundle.items.map((item, i) => ({ ...item, owner: i < 45 ? item.owner : TEST_ACCOUNTS.reviewer.email }));
  const imported = await request.post("/api/programs/import", { headers: authHeaders("admin"), data: { ...bundle, items } });
  expect(imported.status()).toBe(201);
  const small = await importSmallProgram(request, "my-work-few");

  await signIn(page, "contributor");
  // The first visit lists them all: each is new.
  await page.goto("/my-work");
  await expect(rowsOf(page, "owned", slug)).toHaveCount(45);
  // The next one lists the four blocked ones and counts the other 41, while a program with a few is listed whole.
  await page.goto("/my-work");
  const owned = section(page, "owned");
  await expect(owned.getByTestId("owned-folded")).toHaveText(
    /^You own [\d,]+ items\. Where you own more than 10 in a program, only those that are new, inflated or blocked are listed; the other [\d,]+ are counted by program after the list\.$/,
  );
  await expect(rowsOf(page, "owned", slug).filter({ has: page.getByRole("link", { name: /^I-\d{3}/ }) })).toHaveText([
    /I-010.*Blocked: waits on unfinished dependencies\./,
    /I-020.*Blocked/,
    /I-030.*Blocked/,
    /I-040.*Blocked/,
  ]);
  const folded = owned.getByRole("list", { name: "Other items I own, by program" }).getByTestId(`owned-folded-${slug}`);
  await expect(folded).toHaveText(`Program ${slug}41 other items, none new, inflated or blocked.All 45 of yours in its items list`);
  await expect(rowsOf(page, "owned", small)).toHaveCount(3);
  await expectAxeClean(page);

  await folded.getByRole("link", { name: "All 45 of yours in its items list" }).click();
  await expect(page).toHaveURL(`/programs/${slug}/items?owner=${encodeURIComponent(TEST_ACCOUNTS.contributor.email)}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Items (45 of 48)");
});

test("a report a later verified one overtook says so in My work: a decision on it changes no status today", async ({ page, request }) => {
  const slug = await importSmallProgram(request, "e2e-mine-overtaken");
  const report = async () => {
    const res = await call(request, "contributor", "POST", `/api/programs/${slug}/items/A/transitions`, {
      to: "design",
      evidence: [{ kind: "design_doc", url: "https://docs.example.com/A", summary: "the design" }],
    });
    expect(res.status()).toBe(201);
    return (await res.json()).id as number;
  };
  const first = await report();
  const second = await report();
  expect((await call(request, "reviewer", "POST", `/api/programs/${slug}/transitions/${second}/verify`, {})).status()).toBe(201);
  await signIn(page, "contributor", "/my-work");
  const entry = page.getByRole("list", { name: "Reported by me, awaiting verification" }).getByTestId(`awaiting-${first}`);
  await expect(entry.getByTestId("overtaken")).toContainText("Already at Design today through a later verified report: a decision on this one changes no status today");
});
