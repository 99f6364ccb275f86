/**
 * Every program page as the server draws it, read in a browser with script turned off: its
 * heading, its content and the program's navigation are in the page itself, never a placeholder
 * that only script would swap for them. And with script on, a section being opened says so until
 * its page arrives (pages are sent whole, so nothing else on the screen changes meanwhile). A form
 * posted with script off is answered with its page, and the server goes on answering.
 */
import { expect, test, type Browser } from "@playwright/test";
import { call } from "../support/api-client";
import { importSmallProgram } from "../support/programs";
import { signIn } from "../support/sign-in";
import { TEST_ACCOUNTS } from "../support/test-accounts";

const BASE = "/programs/boost-offload";
const PAGES: [path: string, heading: RegExp, text: string][] = [
  [BASE, /^Dashboard/, "Critical path"],
  [`${BASE}/items`, /^Items \(64\)/, "FND-01"],
  [`${BASE}/claims`, /What was said in public/, "Words against work"],
  [`${BASE}/reports`, /^Weekly reports/, "the end of Sunday (23:59:59.999 UTC)"],
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

/** A browser with script off, signed in through the form: the browser sends its Origin, which the server's rule asks for. */
async function signInWithoutScript(browser: Browser, baseURL: string | undefined, who: "contributor" | "reviewer") {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const noScript = await context.newPage();
  await noScript.goto("/sign-in");
  await noScript.getByLabel("E-mail").fill(TEST_ACCOUNTS[who].email);
  await noScript.getByLabel("Password").fill(process.env.TEST_PASSWORD!);
  await noScript.getByRole("button", { name: "Sign in" }).click();
  await expect(noScript.getByTestId("signed-in-as")).toContainText(TEST_ACCOUNTS[who].name);
  return { context, noScript };
}

test("with script off, a form is answered with its page and the server goes on answering", async ({ browser, baseURL, request }) => {
  const { context, noScript } = await signInWithoutScript(browser, baseURL, "contributor");
  const body = `Posted without script at ${Date.now()}`;

  // A comment: a form whose server action is bound to the item.
  await noScript.goto(`${BASE}/items/FND-02`);
  const comment = noScript.getByRole("form", { name: "Add a comment" });
  await comment.getByRole("textbox").fill(body);
  const answered = noScript.waitForResponse((r) => r.request().method() === "POST", { timeout: 15_000 });
  await comment.getByRole("button", { name: /comment/i }).click();
  expect((await answered).status()).toBe(200);
  await expect(noScript.getByText("Comment added.")).toBeVisible();
  await expect(noScript.getByText(body)).toBeVisible();

  // A button bound to another item's action: removing a dependency, in a program of this test's own.
  const slug = await importSmallProgram(request, "e2e-no-script-forms");
  await noScript.goto(`/programs/${slug}/items/C`);
  await expect(noScript.getByRole("heading", { name: "Depends on (1)" })).toBeVisible();
  await noScript.getByRole("button", { name: "Remove dependency on B" }).click();
  await expect(noScript.getByRole("heading", { name: "Depends on (0)" })).toBeVisible();

  const health = await request.get("/api/health", { timeout: 5_000 });
  expect(health.status()).toBe(200);
  await context.close();
});

test("with script off, a reviewer rejects without a reason, is told why with the note kept, then verifies", async ({ browser, baseURL, request }) => {
  const slug = await importSmallProgram(request, "e2e-no-script-review");
  const reported = await call(request, "contributor", "POST", `/api/programs/${slug}/items/A/transitions`, {
    to: "design",
    evidence: [{ kind: "design_doc", url: "https://docs.example.com/A", summary: "Design of A" }],
  });
  expect(reported.status()).toBe(201);
  const id = (await reported.json()).id as number;

  const { context, noScript } = await signInWithoutScript(browser, baseURL, "reviewer");
  await noScript.goto(`/programs/${slug}/items/A`);

  const review = () => noScript.getByRole("form", { name: new RegExp(`^Review A to Design, reported by ${TEST_ACCOUNTS.contributor.name} on `) });
  await review().getByLabel("Note (optional)").fill("Read the design.");
  await review().getByRole("button", { name: /^Reject A to Design, / }).click();
  await expect(review().getByRole("alert")).toHaveText(/^Not saved\. Reason: must say why the transition is rejected/);
  await expect(review().getByLabel("Note (optional)")).toHaveValue("Read the design.");

  await review().getByRole("button", { name: /^Verify A to Design, / }).click();
  await expect(noScript.getByTestId(`transition-${id}`)).toContainText(`verified by ${TEST_ACCOUNTS.reviewer.name}`);
  await context.close();
});
