import { expect, test } from "@playwright/test";
import { sha256 } from "@/lib/auth/secrets";
import { sqlOn } from "../support/sql-on";
import { TEST_ACCOUNTS } from "../support/test-accounts";
import { signIn } from "../support/sign-in";

test("signed out, every page sends you to sign-in", async ({ page }) => {
  for (const path of ["/", "/programs/boost-offload", "/programs/boost-offload/items", "/account"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/sign-in/);
  }
});

test("sign in, see the dashboard with who you are, sign out, and be sent back to sign-in", async ({ page }) => {
  await signIn(page, "reviewer");
  await expect(page.getByTestId("signed-in-as")).toHaveText(`${TEST_ACCOUNTS.reviewer.name} (reviewer)`);
  await page.goto("/programs/boost-offload");
  await expect(page.getByTestId("total-items")).toHaveText("64");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/programs/boost-offload");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a wrong password is refused with a readable message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(TEST_ACCOUNTS.viewer.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong" })).toHaveText("Wrong e-mail or password.");
});

test("the session cookie is httpOnly and SameSite=Lax, and pages carry security headers", async ({ page, context }) => {
  const response = await page.goto("/sign-in");
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["strict-transport-security"]).toBe("max-age=31536000");
  await signIn(page, "viewer");
  const cookie = (await context.cookies()).find((c) => c.name === "tracker_session");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false });
});

test("a page runs only scripts that carry its own nonce, and none of the app's is refused", async ({ page }) => {
  const refused: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  const policies: string[] = [];
  for (const path of ["/sign-in", "/sign-in"]) {
    const response = await page.goto(path);
    policies.push(response!.headers()["content-security-policy"]!);
  }
  const nonceOf = (policy: string) => /script-src [^;]*'nonce-([^']+)'/.exec(policy)?.[1];
  const scriptSrc = /script-src ([^;]*)/.exec(policies[0]!)![1]!;
  expect(scriptSrc).toContain("'strict-dynamic'");
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(nonceOf(policies[0]!)).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  expect(nonceOf(policies[1]!), "a new nonce for every page").not.toBe(nonceOf(policies[0]!));
  // Every script Next.js wrote into the page carries this response's nonce.
  const nonces = await page.evaluate(() => [...document.scripts].map((s) => s.nonce));
  expect(nonces.length).toBeGreaterThan(0);
  expect(new Set(nonces)).toEqual(new Set([nonceOf(policies[1]!)]));

  // Signed in, the pages that do the most in the browser still work under the policy.
  await signIn(page, "reviewer");
  await page.goto("/programs/boost-offload/graph");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goto("/programs/boost-offload/items");
  await page.getByRole("link", { name: /^[A-Z]+-\d+/ }).first().click();
  await expect(page).toHaveURL(/\/items\/[^/]+$/);
  expect(refused).toEqual([]);
});

test("an older session makes a token only with the password typed again; a wrong one is refused and never kept", async ({ page }) => {
  await signIn(page, "contributor", "/account", { fresh: true });
  await expect(page.getByLabel("Your password"), "just signed in").toHaveCount(0);
  // The page was read just after the sign-in; twenty minutes pass before the form is sent.
  const session = (await page.context().cookies()).find((c) => c.name === "tracker_session")!.value;
  await sqlOn(process.env.E2E_DATABASE_URL!, "UPDATE sessions SET created_at = ? WHERE id = ?", [Date.now() - 20 * 60_000, sha256(session)]);
  await page.getByLabel("Token name").fill("nightly");
  await page.getByRole("button", { name: "Create token" }).click();
  const why = "Confirm your password to make a token: a token outlives this session, so one is made only within 15 minutes of signing in, or with your password.";
  await expect(page.getByRole("alert").filter({ hasText: "password" })).toHaveText(why);
  await expect(page.getByTestId("new-token")).toHaveCount(0);
  await expect(page.getByLabel("Token name")).toHaveValue("nightly");

  await page.getByLabel("Your password").fill("not my password");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "password" })).toHaveText("Wrong password: type the one you sign in with.");
  await expect(page.getByLabel("Your password")).toHaveValue("");
  await expect(page.getByText(why)).toBeVisible();

  // Read again later, the page asks at once.
  await page.reload();
  await expect(page.getByText(why)).toBeVisible();
  await page.getByLabel("Token name").fill("nightly");
  await page.getByLabel("Your password").fill(process.env.TEST_PASSWORD!);
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByTestId("new-token")).toHaveText(/^bot_/);
  await expect(page.getByRole("table", { name: "API tokens" }).getByRole("row").filter({ hasText: "nightly" })).toHaveCount(1);
});

test("a person makes an API token on the account page, uses it, and revokes it", async ({ page, request }) => {
  await signIn(page, "viewer", "/account", { fresh: true });
  await page.getByLabel("Token name").fill("e2e");
  await expect(page.getByLabel("Expires after")).toHaveValue("90");
  await page.getByLabel("Expires after").selectOption({ label: "30 days" });
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").innerText()).trim();
  expect(token).toMatch(/^bot_/);
  const in30Days = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await expect(page.getByRole("status")).toContainText(`It expires ${in30Days}`);
  await expect(page.getByRole("table", { name: "API tokens" }).getByRole("row").filter({ hasText: "e2e" }).first()).toContainText(`expires ${in30Days}`);
  const ok = await request.get("/api/programs", { headers: { authorization: `Bearer ${token}` } });
  expect(ok.status()).toBe(200);
  // On a phone each token is a card of labelled lines, a date never broken across two.
  await page.setViewportSize({ width: 390, height: 844 });
  const card = page.getByRole("table", { name: "API tokens" }).getByRole("row").filter({ hasText: "e2e" }).first();
  await expect(card).toContainText("created 20");
  const expiry = card.getByText(new RegExp(`^${in30Days} \\d\\d:\\d\\d UTC$`));
  expect((await expiry.boundingBox())!.height).toBeLessThan(30);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.reload();
  await page.getByRole("table", { name: "API tokens" }).getByRole("button", { name: "Revoke" }).first().click();
  await expect(page.getByText(/revoked/).first()).toBeVisible();
  const refused = await request.get("/api/programs", { headers: { authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["content-type"]).toContain("application/problem+json");
});
