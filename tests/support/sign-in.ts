import { expect, type Page } from "@playwright/test";
import { TEST_ACCOUNTS, type TestRole } from "./test-accounts";

/** Signs in through the form, as a person would, and waits for the header to say who. */
export async function signIn(page: Page, who: TestRole | { email: string; name: string }) {
  const account = typeof who === "string" ? TEST_ACCOUNTS[who] : who;
  await page.context().clearCookies(); // sign-in redirects a signed-in person away
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(account.email);
  await page.getByLabel("Password").fill(process.env.TEST_PASSWORD!);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText(account.name);
}
