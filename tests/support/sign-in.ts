import { expect, type Cookie, type Page } from "@playwright/test";
import { TEST_ACCOUNTS, type TestRole } from "./test-accounts";

const SESSION_COOKIE = "tracker_session";

// Each account signs in through the form once per worker and server; later sign-ins reuse its
// session cookie while the server still accepts it (a sign-out, a password change or a disabled
// account ends it, and the form is used again). The form costs seconds on two busy cores, and the
// sign-in itself has its own tests (auth.spec.ts, people.spec.ts).
const sessions = new Map<string, { origin: string; cookie: Cookie }>();

/**
 * Signs in and opens `path` (the home page by default). The first time, through the form, as a
 * person would: the header must say who, then `path` is opened. With a kept session `path` is
 * opened straight away (one page load, not the home page first) and its header must say who;
 * otherwise the form is used again. `fresh` always uses the form.
 */
export async function signIn(page: Page, who: TestRole | { email: string; name: string }, path = "/", options: { fresh?: boolean } = {}) {
  const account = typeof who === "string" ? TEST_ACCOUNTS[who] : who;
  const context = page.context();
  await context.clearCookies(); // sign-in redirects a signed-in person away
  const header = page.getByTestId("signed-in-as");
  // A fresh sign-in for what asks for a recent one (making an API token).
  const kept = options.fresh ? undefined : sessions.get(account.email);
  if (kept) {
    await context.addCookies([kept.cookie]);
    await page.goto(path);
    if (new URL(page.url()).origin === kept.origin && (await header.count()) > 0 && (await header.textContent())?.includes(account.name)) return;
    sessions.delete(account.email);
    await context.clearCookies();
  }
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(account.email);
  await page.getByLabel("Password").fill(process.env.TEST_PASSWORD!);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(header).toContainText(account.name);
  const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
  if (cookie) sessions.set(account.email, { origin: new URL(page.url()).origin, cookie });
  if (path !== "/") await page.goto(path);
}
