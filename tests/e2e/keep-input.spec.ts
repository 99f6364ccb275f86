/**
 * Forms keep what the person entered after a refusal and record exactly what they showed; the
 * report form shows the evidence gate before submitting; dates read and write as YYYY-MM-DD.
 * Each form: something refused, every field checked, the input fixed, what was stored checked.
 */
import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { authHeaders, call } from "../support/api-client";
import { importSmallProgram } from "../support/programs";
import { expectAxeClean } from "../support/axe";
import { submitReport } from "../support/review-steps";
import { signIn } from "../support/sign-in";
import { smallBundle } from "../support/small-bundle";
import { TEST_ACCOUNTS } from "../support/test-accounts";

/** A copy of the demo program under a fresh slug, so writing to it disturbs no other test. */
async function copyOfDemo(request: APIRequestContext, prefix: string): Promise<string> {
  const slug = `${prefix}-${Date.now()}`;
  const bundle = await (await request.get("/api/programs/boost-offload/bundle", { headers: authHeaders("admin") })).json();
  const res = await request.post("/api/programs/import", { headers: authHeaders("admin"), data: { ...bundle, program: { ...bundle.program, slug } } });
  expect(res.status()).toBe(201);
  return slug;
}

const FORMAT = "Format YYYY-MM-DD, for example 2024-12-31";
const json = async (request: APIRequestContext, path: string) => (await call(request, "admin", "GET", path)).json();

/** Labels and what is typed into them. A text area's own text is part of its label's text: it is found by a RegExp on the start of its label. */
type Typed = [label: string | RegExp, value: string][];

async function typeInto(form: Locator, typed: Typed) {
  for (const [label, value] of typed) await form.getByLabel(label, { exact: true }).fill(value);
}

async function expectKept(form: Locator, typed: Typed) {
  for (const [label, value] of typed) await expect(form.getByLabel(label, { exact: true })).toHaveValue(value);
}

/** The fields the new-program and settings forms share, typed with what the API then returns for them. */
function programFields(v: { name: string; description: string; targetDate: string; factsUntil: string }): Typed {
  return [["Name", v.name], [/^Description/, v.description], ["Committed target date", v.targetDate], [/Evidence horizon/, v.factsUntil]];
}

/** At a phone's 390 px nothing scrolls sideways; the page then goes back to desktop width. */
async function fitsAPhone(page: Page) {
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("NET-08: a refused rollout keeps the status, the evidence and the note; the corrected report records rollout", async ({ page, request }) => {
  const slug = await copyOfDemo(request, "net08");
  await signIn(page, "contributor", `/programs/${slug}/items/NET-08`);
  const report = await submitReport(page, {
    to: "rollout",
    evidence: [{ kind: "design_doc", url: "https://dev.example.com/net-08/design", summary: "resync design" }],
    note: "rolling out to the canary fleet",
  });
  await expect(report.getByRole("alert")).toContainText(
    "The item's evidence lacks what Rollout needs: a code change (to enter Validate), a test report (to enter Rollout).",
  );

  await expect(report.getByLabel("New status")).toHaveValue("rollout");
  await expect(page.getByTestId("gate-requirement")).toContainText("Entering Rollout");
  await expect(report.getByLabel("Evidence 1 kind")).toHaveValue("design_doc");
  await expect(report.getByLabel("Evidence 1 URL")).toHaveValue("https://dev.example.com/net-08/design");
  await expect(report.getByLabel("Evidence 1 summary")).toHaveValue("resync design");
  await expect(report.getByLabel("Note")).toHaveValue("rolling out to the canary fleet");

  // The rows the gate still needs are there, each set to its kind.
  await expect(report.getByLabel("Evidence 2 kind")).toHaveValue("code_change");
  await expect(report.getByLabel("Evidence 3 kind")).toHaveValue("test_report");
  await expect(page.getByTestId("gate-missing")).toHaveText("Still missing: a code change (to enter Validate); a test report (to enter Rollout).");
  await fitsAPhone(page);
  await report.getByLabel("Evidence 2 URL").fill("https://dev.example.com/net-08/pr/1");
  await report.getByLabel("Evidence 3 URL").fill("https://ci.example.com/net-08/tests");
  await expect(page.getByTestId("gate-missing")).toHaveText("Nothing is missing: the evidence below meets every gate up to Rollout.");
  await report.getByRole("button", { name: "Report transition" }).click();
  await expect(report.getByRole("status")).toHaveText("NET-08 → Rollout recorded, awaiting verification by a second person.");

  const item = await json(request, `/api/programs/${slug}/items/NET-08`);
  expect(item.reportedStatus).toBe("rollout");
  const recorded = item.history;
  expect(recorded).toHaveLength(1);
  expect(recorded[0]).toMatchObject({ to: "rollout", note: "rolling out to the canary fleet" });
  expect(recorded[0].evidence.map((e: { kind: string; url: string; summary: string }) => [e.kind, e.url, e.summary])).toEqual([
    ["design_doc", "https://dev.example.com/net-08/design", "resync design"],
    ["code_change", "https://dev.example.com/net-08/pr/1", ""],
    ["test_report", "https://ci.example.com/net-08/tests", ""],
  ]);
});

test("the gate preview counts evidence on earlier transitions, and a move down asks for a note", async ({ page, request }) => {
  const slug = await importSmallProgram(request, "gate");
  const earlier = await call(request, "contributor", "POST", `/api/programs/${slug}/items/A/transitions`, {
    to: "build",
    effectiveAt: "2024-03-01",
    evidence: [{ kind: "design_doc", url: "https://dev.example.com/a/design", summary: "design" }],
  });
  expect(earlier.status()).toBe(201);
  await signIn(page, "contributor", `/programs/${slug}/items/A`);
  const report = page.getByRole("form", { name: "Report a transition" });
  // The next status is proposed, with the row its gate still needs.
  await expect(report.getByLabel("New status")).toHaveValue("validate");
  await expect(page.getByTestId("gate-on-record")).toHaveText("Already on earlier transitions: a design doc (to enter Build).");
  await expect(report.getByLabel("Evidence 1 kind")).toHaveValue("code_change");

  await report.getByLabel("New status").selectOption("done");
  await expect(page.getByTestId("gate-missing")).toHaveText(
    "Still missing: a code change (to enter Validate); a test report (to enter Rollout); a deployment to 100 % of the fleet (to enter Done).",
  );
  await expect(report.getByLabel(/^Evidence \d kind$/)).toHaveCount(3);
  await expect(report.getByLabel("Evidence 3 kind")).toHaveValue("deployment");
  // Only a deployment reaches a share of the fleet: the other rows do not ask for one.
  await expect(report.getByLabel("Evidence 1 fleet percent")).toHaveCount(0);
  await expect(report.getByLabel("Evidence 3 fleet percent")).toBeVisible();
  await report.getByLabel("Evidence 3 URL").fill("https://deploy.example.com/a");
  await report.getByLabel("Evidence 3 fleet percent").fill("60");
  await expect(page.getByTestId("gate-missing")).toContainText("a deployment to 100 % of the fleet");

  // A backdated report before the design doc was on record: the design doc no longer counts.
  await report.getByLabel("New status").selectOption("build");
  await report.getByLabel("Effective date (empty: now)").fill("2024-02-01");
  await expect(page.getByTestId("gate-missing")).toHaveText("Still missing: a design doc (to enter Build).");
  await report.getByLabel("Effective date (empty: now)").fill("");

  await report.getByLabel("New status").selectOption("design");
  await expect(page.getByTestId("gate-requirement")).toHaveText("Moving down from Build needs a note saying why, and no evidence.");
  await expect(page.getByTestId("gate-missing")).toHaveText("Still missing: a note saying why.");
  // Typed evidence survives a change of status: nothing typed is thrown away.
  await expect(report.getByLabel("Evidence 1 URL")).toHaveValue("https://deploy.example.com/a");
  await report.getByLabel("Evidence 1 URL").fill("");
  await report.getByLabel("Evidence 1 fleet percent").fill("");
  await report.getByLabel("Note").fill("design reopened");
  await expect(page.getByTestId("gate-missing")).toHaveText("Nothing is missing: the note says why.");
  await expectAxeClean(page);
  await report.getByRole("button", { name: "Report transition" }).click();
  await expect(report.getByRole("status")).toHaveText("A → Design recorded, awaiting verification by a second person.");
  const item = await json(request, `/api/programs/${slug}/items/A`);
  expect(item.history.map((t: { to: string; note: string }) => [t.to, t.note])).toEqual([
    ["build", ""],
    ["design", "design reopened"],
  ]);
});

test("edit item: a stale save keeps every field, then saving again stores exactly them", async ({ page, request }) => {
  const slug = await importSmallProgram(request, "keep-edit");
  await signIn(page, "contributor", `/programs/${slug}/items/B`);
  const form = page.getByRole("form", { name: "Edit item" });
  await expect(form.getByLabel("Target date")).toHaveAttribute("type", "text");
  const typed: Typed = [
    ["Title", "Resync after crash"],
    [/^Description/, "Two lines\nof description"],
    ["Area", "Networking"],
    ["Team", "Net Core"],
    ["Estimate (weeks)", "4.5"],
    ["Target date", "2025-03-31"],
  ];
  await typeInto(form, typed);
  await form.getByLabel("Owner").selectOption(TEST_ACCOUNTS.reviewer.email);

  const current = await json(request, `/api/programs/${slug}/items/B`);
  expect((await call(request, "admin", "PATCH", `/api/programs/${slug}/items/B`, { version: current.version, team: "Someone else's team" })).status()).toBe(200);
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByRole("alert")).toContainText("B was changed by someone else");
  await expect(form.getByRole("alert")).toContainText("Your input is kept below; saving it again replaces their change.");
  await expectKept(form, typed);
  await expect(form.getByLabel("Owner")).toHaveValue(TEST_ACCOUNTS.reviewer.email);

  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved.");
  expect(await json(request, `/api/programs/${slug}/items/B`)).toMatchObject({
    title: "Resync after crash",
    description: "Two lines\nof description",
    area: "Networking",
    team: "Net Core",
    estimateWeeks: 4.5,
    targetDate: "2025-03-31",
    owner: TEST_ACCOUNTS.reviewer.email,
  });
});

test("verify: a refused review keeps the typed note — a wrong button, then an ended session — and the verification stores exactly it", async ({ page, request }) => {
  const slug = await importSmallProgram(request, "keep-verify");
  const reported = await call(request, "contributor", "POST", `/api/programs/${slug}/items/A/transitions`, {
    to: "design",
    evidence: [{ kind: "design_doc", url: "https://dev.example.com/a/design", summary: "design" }],
  });
  expect(reported.status()).toBe(201);
  const id = (await reported.json()).id as number;
  const note = "Read section 4: failure modes <covered> & signed off.\nThe rollback plan is linked from the doc.";
  const verification = async () => (await json(request, `/api/programs/${slug}/items/A`)).history[0].verification;

  await signIn(page, "reviewer", `/programs/${slug}/items/A`);
  const review = page.getByRole("form", { name: new RegExp(`^Review A to Design, reported by ${TEST_ACCOUNTS.contributor.name} on `) });
  await review.getByLabel("Note (optional)").fill(note);
  // Reject pressed by mistake: refused for want of a reason, the note kept.
  await review.getByRole("button", { name: /^Reject A to Design, / }).click();
  await expect(review.getByRole("alert")).toContainText("must say why the transition is rejected");
  await expect(review.getByLabel("Note (optional)")).toHaveValue(note);

  // Signed out in another tab meanwhile: Verify is refused, the note kept, nothing recorded.
  const other = await page.context().newPage();
  await other.goto("/rules");
  await other.getByRole("button", { name: "Sign out" }).click();
  await expect(other).toHaveURL(/\/sign-in/);
  await review.getByRole("button", { name: /^Verify A to Design, / }).click();
  await expect(review.getByRole("alert")).toHaveText("Your session has ended: sign in again.");
  await expect(review.getByLabel("Note (optional)")).toHaveValue(note);
  expect(await verification()).toBeNull();

  // Signed in again there, Verify here records the note exactly as typed.
  await signIn(other, "reviewer");
  await other.close();
  await review.getByRole("button", { name: /^Verify A to Design, / }).click();
  const row = page.getByRole("table", { name: "History" }).getByTestId(`transition-${id}`);
  await expect(row).toContainText(`verified by ${TEST_ACCOUNTS.reviewer.name} on`);
  await expect(row).toContainText("failure modes <covered> & signed off.");
  expect(await verification()).toMatchObject({ byName: TEST_ACCOUNTS.reviewer.name, note });
});

test("dependencies: only keys the rule accepts are offered; a cycle made meanwhile is refused and keeps its choice; the next is added, then removed", async ({ page, request }) => {
  const slug = await importSmallProgram(request, "keep-deps");
  await signIn(page, "contributor", `/programs/${slug}/items/A`);
  const add = page.getByRole("form", { name: "Add a dependency" });
  // B waits on A and C waits on B: either choice would close a cycle, so neither is offered.
  await expect(add.getByLabel("Depends on").locator("option")).toHaveText(["D"]);
  // Someone else makes D wait on A after this page was drawn: the offer is stale, the rule is not.
  expect((await call(request, "contributor", "POST", `/api/programs/${slug}/items/D/dependencies`, { dependsOn: "A" })).status()).toBe(201);
  await add.getByLabel("Depends on").selectOption("D");
  await add.getByRole("button", { name: "Add dependency" }).click();
  await expect(add.getByRole("alert")).toHaveText("dependency cycle: A -> D -> A");
  await expect(add.getByLabel("Depends on")).toHaveValue("D");
  expect((await call(request, "contributor", "DELETE", `/api/programs/${slug}/items/D/dependencies/A`)).status()).toBe(204);
  await add.getByRole("button", { name: "Add dependency" }).click();
  await expect(add.getByRole("status")).toHaveText("Dependency added.");
  expect((await json(request, `/api/programs/${slug}/items/A`)).dependsOn.map((d: { key: string }) => d.key)).toEqual(["D"]);
  await page.getByRole("button", { name: "Remove dependency on D" }).click();
  await expect(page.getByRole("button", { name: "Remove dependency on D" })).toHaveCount(0);
  expect((await json(request, `/api/programs/${slug}/items/A`)).dependsOn).toEqual([]);
});

/** Every field of the claim form, filled or checked against the same values. */
async function claimFields(form: Locator, fill: boolean, v: { date: string; links: [string, string][] }) {
  const text: Typed = [
    ["Speaker", "A keynote speaker"],
    ["Venue", "Ignite"],
    ["Kind", "keynote"],
    [/^Short quote/, "The whole stack runs on the card"],
    ["Source URL", "https://example.com/keynote"],
    [/^About the date/, "Said on stage; the day is approximate."],
    [/^What the claim implies/, "Every host runs its VM stack on the card"],
  ];
  if (fill) {
    await typeInto(form, text);
    await form.getByLabel("Date", { exact: true }).fill(v.date);
    await form.getByLabel("Date precision").selectOption("month");
    await form.getByLabel("The quote is a paraphrase").check();
    for (const [i, [item, requires]] of v.links.entries()) {
      await form.getByLabel(`Link ${i + 1} item`).selectOption(item);
      await form.getByLabel(`Link ${i + 1} implied status`).selectOption(requires);
    }
    return;
  }
  await expectKept(form, text);
  await expect(form.getByLabel("Date", { exact: true })).toHaveValue(v.date);
  await expect(form.getByLabel("Date precision")).toHaveValue("month");
  await expect(form.getByLabel("The quote is a paraphrase")).toBeChecked();
  for (const [i, [item, requires]] of v.links.entries()) {
    await expect(form.getByLabel(`Link ${i + 1} item`)).toHaveValue(item);
    await expect(form.getByLabel(`Link ${i + 1} implied status`)).toHaveValue(requires);
  }
}

test("add a claim: a refused claim keeps its links and checkbox; the corrected one is stored as shown", async ({ page, request }) => {
  const slug = await importSmallProgram(request, "keep-claim");
  const id = `keep-${Date.now()}`;
  const links: [string, string][] = [
    ["A", "build"],
    ["C", "done"],
    ["D", "design"],
  ];
  await signIn(page, "admin", `/programs/${slug}/claims`);
  await page.getByText("Add a claim", { exact: true }).click();
  const form = page.getByRole("form", { name: "Add a claim" });
  await form.getByLabel("Claim id").fill(id);
  await claimFields(form, true, { date: "2099-01-01", links });
  await form.getByRole("button", { name: "Add claim" }).click();
  await expect(form.getByRole("alert")).toHaveText("Not saved. Date: must not be in the future.");
  await expect(form.getByLabel("Claim id")).toHaveValue(id);
  await claimFields(form, false, { date: "2099-01-01", links });

  await form.getByLabel("Date", { exact: true }).fill("2024-11-19");
  await form.getByRole("button", { name: "Add claim" }).click();
  await expect(form.getByRole("status")).toContainText(`Claim "${id}" recorded`);
  const stored = (await json(request, `/api/programs/${slug}/bundle`)).claims.find((c: { id: string }) => c.id === id);
  expect(stored).toMatchObject({
    date: "2024-11-19",
    datePrecision: "month",
    speaker: "A keynote speaker",
    venue: "Ignite",
    kind: "keynote",
    quoteIsParaphrase: true,
    dateNote: "Said on stage; the day is approximate.",
    implies: "Every host runs its VM stack on the card",
    links: links.map(([item, requires]) => ({ item, requires })),
  });
});

test("edit a claim: a date before 1970 is refused beside the field, and the edit keeps unchecked boxes and new links", async ({ page, request }) => {
  const slug = await importSmallProgram(request, "keep-claim-edit");
  const id = `edit-${Date.now()}`;
  const made = await call(request, "admin", "POST", `/api/programs/${slug}/claims`, {
    id,
    date: "2024-05-01",
    speaker: "Someone",
    quote: "Almost there",
    quoteIsParaphrase: true,
    url: "https://example.com/",
    dateNote: "From the recording",
    implies: "The card carries production traffic",
    links: [{ item: "A", requires: "rollout" }],
  });
  expect(made.status()).toBe(201);
  await signIn(page, "admin", `/programs/${slug}/claims/${id}?edit=1`);
  const form = page.getByRole("form", { name: "Edit claim" });
  await form.getByLabel("The quote is a paraphrase").uncheck();
  await form.getByLabel("Link 1 implied status").selectOption("validate");
  await form.getByLabel("Link 2 item").selectOption("B");
  await form.getByLabel("Link 2 implied status").selectOption("build");
  await form.getByLabel("Date", { exact: true }).fill("1969-12-31");
  await form.getByRole("button", { name: "Save claim" }).click();
  await expect(form.getByRole("alert").first()).toHaveText("Not saved. Date: must be 1970-01-01 or later.");
  await expect(form.getByLabel("Date", { exact: true })).toHaveAccessibleDescription(`must be 1970-01-01 or later ${FORMAT}`);
  await expect(form.getByLabel("The quote is a paraphrase")).not.toBeChecked();
  await expect(form.getByLabel("Link 1 item")).toHaveValue("A");
  await expect(form.getByLabel("Link 1 implied status")).toHaveValue("validate");
  await expect(form.getByLabel("Link 2 item")).toHaveValue("B");
  await expect(form.getByLabel("Link 2 implied status")).toHaveValue("build");

  await form.getByLabel("Date", { exact: true }).fill("2024-05-02");
  await form.getByRole("button", { name: "Save claim" }).click();
  await expect(form.getByRole("status")).toHaveText("Claim saved.");
  const stored = (await json(request, `/api/programs/${slug}/bundle`)).claims.find((c: { id: string }) => c.id === id);
  expect(stored).toMatchObject({
    date: "2024-05-02",
    quoteIsParaphrase: false,
    dateNote: "From the recording",
    implies: "The card carries production traffic",
    links: [
      { item: "A", requires: "validate" },
      { item: "B", requires: "build" },
    ],
  });
});

test("program settings: a stale save keeps every field and the unchecked box; saving again stores them", async ({ page, request }) => {
  const slug = await importSmallProgram(request, "keep-settings");
  await signIn(page, "admin", `/programs/${slug}/settings`);
  const form = page.getByRole("form", { name: "Program settings" });
  const program = { name: "Renamed program", description: "Why it exists", targetDate: "2026-06-30", factsUntil: "2025-12-31" };
  const typed: Typed = [...programFields(program), ["Test coverage minimum (%)", "80"], ["Unvetted crates maximum", "3"]];
  await typeInto(form, typed);
  await form.getByLabel("Crash owner must be registered").uncheck();

  const current = await json(request, `/api/programs/${slug}`);
  expect((await call(request, "admin", "PATCH", `/api/programs/${slug}`, { version: current.version, description: "Theirs" })).status()).toBe(200);
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByRole("alert")).toContainText("was changed by someone else");
  await expectKept(form, typed);
  await expect(form.getByLabel("Crash owner must be registered")).not.toBeChecked();

  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved.");
  expect(await json(request, `/api/programs/${slug}`)).toMatchObject({
    ...program,
    thresholds: { testCoveragePct: 80, unvettedCrates: 3, crashOwnerRegistered: false },
  });
});

test("new program: a slug in use is refused with every field kept; under a free slug it is created as typed", async ({ page, request }) => {
  await signIn(page, "admin", "/programs/new");
  const form = page.getByRole("form", { name: "Create a program" });
  const program = { name: "Second offload", description: "A program for the next card", targetDate: "2027-01-31", factsUntil: "2026-01-31" };
  const typed = programFields(program);
  await form.getByLabel(/^Slug/).fill("boost-offload");
  await typeInto(form, typed);
  await form.getByRole("button", { name: "Create program" }).click();
  await expect(form.getByRole("alert")).toHaveText('a program "boost-offload" already exists. Your input is kept below.');
  await expect(form.getByLabel(/^Slug/)).toHaveValue("boost-offload");
  await expectKept(form, typed);

  const slug = `second-${Date.now()}`;
  await form.getByLabel(/^Slug/).fill(slug);
  await form.getByRole("button", { name: "Create program" }).click();
  await expect(page).toHaveURL(new RegExp(`/programs/${slug}$`));
  expect(await json(request, `/api/programs/${slug}`)).toMatchObject(program);
  // On the home page the new, empty program is not called finished against its target.
  await page.goto("/");
  await expect(page.getByText("no items yet, so nothing can be said about the 2027-01-31 target").first()).toBeVisible();
  await expect(page.getByText("every item verified done, on or before the 2027-01-31 target")).toHaveCount(0);
});

test("import: a slug in use offers a free one; the bundle goes in under it", async ({ page, request }) => {
  const slug = await importSmallProgram(request, "keep-import");
  // The API's answer: 409 with a free slug, and ?slug= to import under another.
  const refused = await call(request, "admin", "POST", "/api/programs/import?dryRun=1", smallBundle(slug));
  expect(refused.status()).toBe(409);
  expect(refused.headers()["content-type"]).toContain("application/problem+json");
  expect(await refused.json()).toMatchObject({ status: 409, suggestedSlug: `${slug}-2` });
  const badSlug = await call(request, "admin", "POST", "/api/programs/import?dryRun=1&slug=Not%20A%20Slug", smallBundle(slug));
  expect(badSlug.status()).toBe(400);
  expect((await badSlug.json()).errors).toEqual([{ path: "slug", message: expect.stringContaining("lower-case letters") }]);

  await signIn(page, "admin", "/import");
  await page.getByLabel(/Bundle file/).setInputFiles({ name: "again.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(smallBundle(slug))) });
  await page.getByRole("button", { name: "Check (dry run)" }).click();
  const refusal = page.getByRole("alert").filter({ hasText: "cannot be imported" });
  await expect(refusal).toContainText(`again.json cannot be imported: a program "${slug}" already exists`);
  const newSlug = page.getByLabel(/Import under a new slug/);
  await expect(newSlug).toHaveValue(`${slug}-2`);

  // A slug in use typed there is refused too, and stays as typed.
  await newSlug.fill(slug);
  await page.getByRole("button", { name: "Check under this slug" }).click();
  await expect(refusal).toContainText(`a program "${slug}" already exists`);
  await expect(newSlug).toHaveValue(slug);
  await expectAxeClean(page);
  await fitsAPhone(page);

  const chosen = `${slug}-copy`;
  await newSlug.fill(chosen);
  await page.getByRole("button", { name: "Check under this slug" }).click();
  await expect(page.getByRole("status")).toContainText(`importing creates program ${chosen}`);
  await page.getByRole("button", { name: `Import ${chosen}` }).click();
  await expect(page).toHaveURL(new RegExp(`/programs/${chosen}$`));
  // The dashboard folds the new program's history first: give a busy machine time.
  await expect(page.getByTestId("total-items")).toHaveText("4", { timeout: 20_000 });
  expect((await json(request, `/api/programs/${chosen}/bundle`)).format).toBe("offload-tracker/v1");
});

test("account: a token name too long is refused and kept; the shortened name is the token's name", async ({ page }) => {
  await signIn(page, "viewer", "/account", { fresh: true });
  const long = `nightly export for the weekly report ${"x".repeat(90)}`;
  await page.getByLabel("Token name").fill(long);
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "token name" })).toHaveText(`A token name has at most 100 characters; this one has ${long.length}.`);
  await expect(page.getByLabel("Token name")).toHaveValue(long);
  await page.getByLabel("Token name").fill("nightly export");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByTestId("new-token")).toBeVisible();
  await expect(page.getByRole("table", { name: "API tokens" }).getByRole("cell", { name: "nightly export", exact: true })).toBeVisible();
});

test("date fields show and take YYYY-MM-DD; a malformed date is named in words, by the field and by the server", async ({ page, request }) => {
  const slug = await importSmallProgram(request, "dates");
  await signIn(page, "contributor", `/programs/${slug}/items/A`);
  const report = page.getByRole("form", { name: "Report a transition" });
  const date = report.getByLabel("Effective date (empty: now)");
  await expect(date).toHaveAttribute("type", "text");
  await expect(date).toHaveAttribute("placeholder", "YYYY-MM-DD");
  await expect(date).toHaveAttribute("inputmode", "numeric");
  await expect(date).toHaveAttribute("pattern", /\\d\{4\}/);
  await expect(date).toHaveAccessibleDescription(FORMAT);

  // The browser's locale format is refused in words, and the form is not sent.
  await date.fill("12/31/2024");
  await date.blur();
  const words = '"12/31/2024" is not a date: write it as YYYY-MM-DD, for example 2024-12-31.';
  await expect(report.getByText(words)).toBeVisible();
  await expect(date).toHaveAttribute("aria-invalid", "true");
  await expect(date).toHaveAccessibleDescription(`${words} ${FORMAT}`);
  await report.getByRole("button", { name: "Report transition" }).click();
  await expect(report.getByRole("status")).toHaveCount(0);
  await expect(report.getByRole("alert")).toHaveCount(0);
  // Eight digits from a phone's keypad become a date.
  await date.fill("20240301");
  await date.blur();
  await expect(date).toHaveValue("2024-03-01");
  await expect(report.getByText(words)).toHaveCount(0);

  // Past the browser (its checks switched off), the server refuses a day that does not exist, readably.
  await date.fill("2024-02-30");
  await date.blur();
  await expect(report.getByText("2024-02-30 is not a day of the calendar.")).toBeVisible();
  await report.evaluate((f: HTMLFormElement) => (f.noValidate = true));
  await report.getByRole("button", { name: "Report transition" }).click();
  await expect(report.getByRole("alert")).toContainText("Not saved. Effective date: must be a date YYYY-MM-DD");
  await expect(date).toHaveValue("2024-02-30");
  await expect(report.getByText("must be a date YYYY-MM-DD or an ISO 8601 datetime such as 2024-02-01T09:00:00Z", { exact: true })).toBeVisible();
  expect((await json(request, `/api/programs/${slug}/items/A`)).history).toEqual([]);

  // Edit item: a date before 1970 passes the field and is refused by the server beside it.
  const edit = page.getByRole("form", { name: "Edit item" });
  await edit.getByLabel("Target date").fill("1969-12-31");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit.getByRole("alert")).toHaveText("Not saved. Target date: must be 1970-01-01 or later.");
  await expect(edit.getByLabel("Target date")).toHaveValue("1969-12-31");
  await expect(edit.getByLabel("Target date")).toHaveAccessibleDescription(`must be 1970-01-01 or later ${FORMAT}`);

  // The as-of form: the same field; a malformed date in the URL is named on the page.
  const asOf = page.getByLabel("As of", { exact: true });
  await asOf.fill("31.12.2024");
  await asOf.blur();
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText('"31.12.2024" is not a date: write it as YYYY-MM-DD, for example 2024-12-31.')).toBeVisible();
  await expect(page).not.toHaveURL(/asOf=/);
  await page.goto(`/programs/${slug}/items/A?asOf=31.12.2024`);
  await expect(page.getByRole("alert").filter({ hasText: "Showing today" })).toContainText("As of: must be a date YYYY-MM-DD");
  await page.getByLabel("As of", { exact: true }).fill("2024-12-31");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/asOf=2024-12-31/);
  await expect(page.getByLabel("As of", { exact: true })).toHaveValue("2024-12-31");
});
