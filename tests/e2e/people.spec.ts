import { expect, test, type Locator, type Page } from "@playwright/test";
import { seriousViolations } from "../support/axe";
import { sha256 } from "@/lib/auth/secrets";
import { call } from "../support/api-client";
import { importSmallProgram } from "../support/programs";
import { signIn } from "../support/sign-in";
import { sqlOn } from "../support/sql-on";
import { TEST_ACCOUNTS } from "../support/test-accounts";

/** One fact of a person's card, by its term: "Role", "Last sign-in", "State"… */
const fact = (card: Locator, term: string) => card.locator("div").filter({ has: card.page().locator("dt", { hasText: term }) }).locator("dd");

/** A person's card on the people page, by their e-mail exactly (viewer@… is inside reviewer@…). */
const personCard = (page: Page, email: string) => page.getByTestId("person").filter({ has: page.getByText(email, { exact: true }) });

/** Adds a person on the people page; returns their one-time password. */
async function addPerson(page: Page, email: string, name: string) {
  const add = page.getByRole("form", { name: "Add a person" });
  await add.getByLabel("E-mail").fill(email);
  await add.getByLabel("Name").fill(name);
  await add.getByRole("button", { name: "Add person" }).click();
  await expect(add.getByRole("status")).toContainText(`Added ${name} (${email}) as viewer.`);
  return (await add.getByTestId("one-time-password").innerText()).trim();
}

/** Signs in through the form with a given password, as a person would. */
async function signInWith(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("guesses at a person's e-mail lock strangers out, not the person in the browser they signed in from before", async ({ page, browser }) => {
  test.setTimeout(120_000); // three browsers, each sign-in an scrypt hash
  await signIn(page, "admin", "/people", { fresh: true });
  const email = `dana-${Date.now()}@test.example`;
  const password = await addPerson(page, email, "Dana Devices");

  const laptop = await browser.newContext();
  const stranger = await browser.newContext();
  const newBrowser = await browser.newContext();
  try {
    const dana = await laptop.newPage();
    await signInWith(dana, email, password);
    await expect(dana).toHaveURL(/\/account\/password/); // signed in: her one-time password is to be replaced
    const device = (await laptop.cookies()).find((c) => c.name === "tracker_device");
    expect(device).toMatchObject({ httpOnly: true, sameSite: "Lax" });

    // Five wrong guesses, waiting out the throttle between them: the e-mail then waits 8 s.
    const guesser = await stranger.newPage();
    const refusal = guesser.getByRole("alert").filter({ hasText: /Wrong|Too many/ });
    for (let wrong = 0; wrong < 5; ) {
      await signInWith(guesser, email, `guess number ${wrong}`);
      const said = (await refusal.textContent()) ?? "";
      const wait = /try again in (\d+) s/.exec(said);
      if (wait) await guesser.waitForTimeout(Number(wait[1]) * 1000);
      else wrong++;
    }
    await signInWith(guesser, email, "one more guess");
    await expect(refusal).toHaveText(/^Too many failed sign-ins: try again in \d+ s\.$/);

    // The right password from a browser the account does not know waits like the guesser…
    const elsewhere = await newBrowser.newPage();
    await signInWith(elsewhere, email, password);
    await expect(elsewhere.getByRole("alert").filter({ hasText: "Too many" })).toHaveText(/^Too many failed sign-ins/);

    // …while Dana, signed out on her laptop, signs in at once.
    await laptop.clearCookies({ name: "tracker_session" });
    await signInWith(dana, email, password);
    await expect(dana).toHaveURL(/\/account\/password/);
  } finally {
    await Promise.all([laptop.close(), stranger.close(), newBrowser.close()]);
  }
});

test("an admin adds a person who signs in with the one-time password, chooses their own, and is cut off at once when disabled", async ({ page, browser }) => {
  test.setTimeout(120_000); // two browsers, four sign-ins (each an scrypt hash)
  await signIn(page, "admin", "/", { fresh: true });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("People");

  const email = `pat-${Date.now()}@test.example`;
  const add = page.getByRole("form", { name: "Add a person" });
  await add.getByLabel("E-mail").fill(email);
  await add.getByLabel("Name").fill("Pat Person");
  await add.getByLabel("Team (optional)").fill("Platform");
  await add.getByLabel("Role").selectOption("contributor");
  await add.getByRole("button", { name: "Add person" }).click();
  await expect(add.getByRole("status")).toContainText(`Added Pat Person (${email}) as contributor.`);
  const oneTime = (await add.getByTestId("one-time-password").innerText()).trim();
  expect(oneTime).toMatch(/^[A-Za-z0-9]{20}$/);
  await expect(add.getByLabel("E-mail")).toHaveValue(""); // ready for the next person

  const card = personCard(page, email);
  await expect(fact(card, "State")).toHaveText("Must choose a new password");
  await expect(fact(card, "Last sign-in")).toHaveText("never");
  await expect(fact(card, "Role")).toHaveText("contributor");
  await expect(fact(card, "Team")).toHaveText("Platform");
  await expect(fact(card, "Active API tokens")).toHaveText("0");

  // Pat, in a browser of their own.
  const patContext = await browser.newContext();
  const pat = await patContext.newPage();
  await signInWith(pat, email, oneTime);
  await expect(pat).toHaveURL(/\/account\/password$/);
  await expect(pat.getByRole("heading", { level: 1 })).toHaveText("Choose your own password");
  expect(await seriousViolations(pat)).toEqual([]);
  // Nothing else opens until they do: not a page, not the API with this session.
  await pat.goto("/programs/boost-offload");
  await expect(pat).toHaveURL(/\/account\/password$/);
  const api = await pat.request.get("/api/programs");
  expect(api.status()).toBe(403);
  expect((await api.json()).detail).toMatch(/^choose your own password first/);

  const choose = pat.getByRole("form", { name: "Choose a new password" });
  await choose.getByLabel(/^New password/).fill(oneTime);
  await choose.getByLabel("Repeat the new password").fill(oneTime);
  await choose.getByRole("button", { name: "Save my password" }).click();
  await expect(choose.getByRole("alert").first()).toHaveText("must differ from the one-time password you were given");
  await expect(choose.getByRole("alert").filter({ hasText: "Not saved" })).toHaveText("Not saved. New password: must differ from the one-time password you were given.");
  await choose.getByLabel(/^New password/).fill("pat's very own password");
  await choose.getByLabel("Repeat the new password").fill("pat's very own password");
  await choose.getByRole("button", { name: "Save my password" }).click();
  await expect(pat).toHaveURL(/\/$/);
  await expect(pat.getByTestId("signed-in-as")).toContainText("Pat Person");
  await pat.goto("/programs/boost-offload");
  await expect(pat.getByTestId("total-items")).toHaveText("64");

  await page.reload();
  await expect(fact(card, "State")).toHaveText("Active");
  await expect(fact(card, "Last sign-in")).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);

  // The admin disables Pat; Pat's open session ends with their next click.
  await card.getByText("Manage Pat Person").click();
  await card.getByText("Disable account…").click();
  await card.getByRole("button", { name: "Disable Pat Person" }).click();
  await expect(card.getByRole("status")).toHaveText("Pat Person is disabled: their sessions have ended and their API tokens are revoked.");
  await expect(fact(card, "State")).toHaveText(/^Disabled since \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);

  await pat.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Rules" }).click();
  await expect(pat).toHaveURL(/\/sign-in/);
  await expect(pat.getByRole("status")).toContainText("Your session has ended");
  await pat.getByLabel("E-mail").fill(email);
  await pat.getByLabel("Password").fill("pat's very own password");
  await pat.getByRole("button", { name: "Sign in" }).click();
  await expect(pat.getByRole("alert").filter({ hasText: "disabled" })).toHaveText("This account is disabled: ask an administrator to enable it.");

  // Enabled again, Pat signs in with the password they chose.
  await card.getByRole("button", { name: "Enable account" }).click();
  await expect(card.getByRole("status")).toHaveText("Pat Person can sign in again.");
  await expect(fact(card, "State")).toHaveText("Active");
  await signInWith(pat, email, "pat's very own password");
  await expect(pat.getByTestId("signed-in-as")).toContainText("Pat Person");
  await patContext.close();
});

test("an older admin session is asked for the password before adding a person; the password typed, the person is added", async ({ page }) => {
  await signIn(page, "admin", "/people", { fresh: true });
  await expect(page.getByRole("region", { name: "Confirm it is you" }), "just signed in").toHaveCount(0);
  const session = (await page.context().cookies()).find((c) => c.name === "tracker_session")!.value;
  await sqlOn(process.env.E2E_DATABASE_URL!, "UPDATE sessions SET created_at = ? WHERE id = ?", [Date.now() - 20 * 60_000, sha256(session)]);
  await page.reload();
  const confirm = page.getByRole("region", { name: "Confirm it is you" });
  const why = "Confirm your password to change accounts: an account, a role or a new password outlives this session, so they are changed only within 15 minutes of signing in, or with your password.";
  await expect(confirm).toContainText(why);

  const email = `late-${Date.now()}@test.example`;
  const add = page.getByRole("form", { name: "Add a person" });
  await add.getByLabel("E-mail").fill(email);
  await add.getByLabel("Name").fill("Lee Late");
  await add.getByRole("button", { name: "Add person" }).click();
  await expect(add.getByRole("alert")).toHaveText(why);
  await expect(add.getByLabel("E-mail"), "the input is kept").toHaveValue(email);

  await confirm.getByLabel("Your password").fill("not the admin's password");
  await confirm.getByRole("button", { name: "Confirm" }).click();
  await expect(confirm.getByRole("alert")).toHaveText("Wrong password: type the one you sign in with.");
  await confirm.getByLabel("Your password").fill(process.env.TEST_PASSWORD!);
  await confirm.getByRole("button", { name: "Confirm" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByTestId("signed-in-as")).toContainText(TEST_ACCOUNTS.admin.name);
  await add.getByLabel("E-mail").fill(email);
  await add.getByLabel("Name").fill("Lee Late");
  await add.getByRole("button", { name: "Add person" }).click();
  await expect(add.getByRole("status")).toContainText(`Added Lee Late (${email}) as viewer.`);
});

test("a refused addition (an e-mail already taken) keeps every field the admin typed", async ({ page }) => {
  await signIn(page, "admin", "/people", { fresh: true });
  const add = page.getByRole("form", { name: "Add a person" });
  await add.getByLabel("E-mail").fill(TEST_ACCOUNTS.viewer.email.toUpperCase());
  await add.getByLabel("Name").fill("Someone Else");
  await add.getByLabel("Team (optional)").fill("Their team");
  await add.getByLabel("Role").selectOption("reviewer");
  await add.getByRole("button", { name: "Add person" }).click();
  await expect(add.getByRole("alert")).toHaveText(`an account with e-mail ${TEST_ACCOUNTS.viewer.email} already exists. Your input is kept below.`);
  await expect(add.getByLabel("E-mail")).toHaveValue(TEST_ACCOUNTS.viewer.email.toUpperCase());
  await expect(add.getByLabel("Name")).toHaveValue("Someone Else");
  await expect(add.getByLabel("Team (optional)")).toHaveValue("Their team");
  await expect(add.getByLabel("Role")).toHaveValue("reviewer");
  await expect(add.getByTestId("one-time-password")).toHaveCount(0);
});

test("a reset shows a one-time password once and a role changes; an admin cannot reset their own here", async ({ page }) => {
  await signIn(page, "admin", "/people", { fresh: true });
  const email = `quinn-${Date.now()}@test.example`;
  const first = await addPerson(page, email, "Quinn Reset");
  const card = personCard(page, email);
  await card.getByText("Manage Quinn Reset").click();
  await card.getByLabel(/^Role/).selectOption("reviewer");
  await card.getByRole("button", { name: "Change role" }).click();
  await expect(card.getByRole("status")).toHaveText("Quinn Reset is reviewer.");
  await expect(fact(card, "Role")).toHaveText("reviewer");
  await card.getByRole("button", { name: "Reset password" }).click();
  await expect(card.getByRole("status").last()).toContainText("Quinn Reset's password is reset");
  await expect(card.getByTestId("one-time-password")).toHaveText(/^[A-Za-z0-9]{20}$/);
  await expect(card.getByTestId("one-time-password")).not.toHaveText(first);
  await expect(fact(card, "State")).toHaveText("Must choose a new password");
  await page.reload();
  await expect(page.getByTestId("one-time-password")).toHaveCount(0); // shown once

  const me = personCard(page, TEST_ACCOUNTS.admin.email);
  await expect(me).toContainText("(you)");
  await me.getByText(`Manage ${TEST_ACCOUNTS.admin.name}`).click();
  await me.getByRole("button", { name: "Reset password" }).click();
  await expect(me.getByRole("alert")).toContainText("you cannot reset your own password here");
});

/** Disables a person from their card on the people page, as an admin does. */
async function disable(page: Page, email: string, name: string) {
  const card = personCard(page, email);
  await card.getByText(`Manage ${name}`).click();
  await card.getByText("Disable account…").click();
  await card.getByRole("button", { name: `Disable ${name}` }).click();
  await expect(fact(card, "State")).toHaveText(/^Disabled since /);
}

test("an item's owner list offers active people only, and keeps a disabled owner so other fields still save", async ({ page, request }) => {
  const slug = await importSmallProgram(request, "owners");
  const stamp = Date.now();
  const olive = { email: `olive-${stamp}@test.example`, name: `Olive Owner ${stamp}` };
  const dora = { email: `dora-${stamp}@test.example`, name: `Dora Gone ${stamp}` };
  await signIn(page, "admin", "/people", { fresh: true });
  await addPerson(page, olive.email, olive.name);
  await addPerson(page, dora.email, dora.name);
  const given = await call(request, "admin", "PATCH", `/api/programs/${slug}/items/A`, { owner: olive.email, version: 1 });
  expect(given.status(), await given.text()).toBe(200);
  await disable(page, olive.email, olive.name);
  await disable(page, dora.email, dora.name);

  await page.goto(`/programs/${slug}/items/A`);
  const form = page.getByRole("form", { name: "Edit item" });
  const owner = form.getByLabel("Owner");
  await expect(owner).toHaveValue(olive.email);
  await expect(owner.getByRole("option", { name: `${olive.name} (account disabled)` })).toHaveCount(1);
  await expect(owner.getByRole("option", { name: dora.name })).toHaveCount(0);
  await expect(owner.getByRole("option", { name: TEST_ACCOUNTS.reviewer.name, exact: true })).toHaveCount(1);
  // On an item of someone else, the disabled owner of A is not offered either.
  await page.goto(`/programs/${slug}/items/B`);
  await expect(page.getByRole("form", { name: "Edit item" }).getByLabel("Owner").getByRole("option", { name: new RegExp(`${olive.name}|${dora.name}`) })).toHaveCount(0);

  // Saving another field of A keeps its owner.
  await page.goto(`/programs/${slug}/items/A`);
  await form.getByLabel("Title").fill("Item A, renamed");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved.");
  const item = await (await call(request, "admin", "GET", `/api/programs/${slug}/items/A`)).json();
  expect([item.title, item.owner, item.version]).toEqual(["Item A, renamed", olive.email, 3]);

  // Past the list, the server refuses to give an item to a disabled person, naming the field; nothing changes.
  const refused = await call(request, "admin", "PATCH", `/api/programs/${slug}/items/B`, { owner: dora.email, version: 1 });
  expect(refused.status()).toBe(400);
  expect(refused.headers()["content-type"]).toContain("application/problem+json");
  expect((await refused.json()).errors).toEqual([{ path: "owner", message: `${dora.email} is disabled: choose someone active, or nobody` }]);
  expect((await (await call(request, "admin", "GET", `/api/programs/${slug}/items/B`)).json()).version).toBe(1);
});

test("non-admins see no People link and get the forbidden page", async ({ page }) => {
  await signIn(page, "reviewer");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" })).toHaveCount(0);
  await page.goto("/people");
  await expect(page.getByRole("alert").filter({ hasText: "Not allowed" })).toContainText("This page needs the admin role; you are signed in as reviewer");
  await expect(page.getByRole("form", { name: "Add a person" })).toHaveCount(0);
});

test("the people page reads at 390 px without sideways scrolling, a person's forms open", async ({ page }, testInfo) => {
  await signIn(page, "admin", "/", { fresh: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/people");
  const card = personCard(page, TEST_ACCOUNTS.viewer.email);
  await card.getByText(`Manage ${TEST_ACCOUNTS.viewer.name}`).click();
  await card.getByText("Disable account…").click();
  await expect(card.getByRole("button", { name: `Disable ${TEST_ACCOUNTS.viewer.name}` })).toBeVisible();
  // A new person's one-time password is read off the screen: it stays on one line.
  await addPerson(page, `phone-${Date.now()}@example.com`, "Phone Person");
  const password = page.getByRole("form", { name: "Add a person" }).getByTestId("one-time-password");
  expect(await password.evaluate((el) => el.getClientRects().length)).toBe(1);
  expect(await password.evaluate((el) => el.scrollWidth <= el.clientWidth && el.getBoundingClientRect().right <= window.innerWidth)).toBe(true);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath("people-390.png"), fullPage: true });
});
