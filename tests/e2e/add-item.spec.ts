/**
 * A program made in the tracker gets its items there: an admin creates the program from the home page, opens Items,
 * and adds one through the form (a refusal keeps what was typed); the item's page opens, not
 * started. Other roles are not offered the form.
 */
import { expect, test } from "@playwright/test";
import { signIn } from "../support/sign-in";
import { TEST_ACCOUNTS } from "../support/test-accounts";

test("an admin adds the first item of a program made in the tracker, after a refusal that keeps the input", async ({ page }) => {
  const slug = `made-here-${Date.now()}`;
  await signIn(page, "admin", "/");
  // The programs' home page is where an admin starts one.
  await page.getByTestId("new-program-links").getByRole("link", { name: "Create a program" }).click();
  const create = page.getByRole("form", { name: "Create a program" });
  await create.getByLabel(/^Slug/).fill(slug);
  await create.getByLabel("Name").fill("Made here");
  await create.getByRole("button", { name: "Create program" }).click();
  await expect(page).toHaveURL(new RegExp(`/programs/${slug}$`));

  await page.getByRole("navigation", { name: "Program" }).getByRole("link", { name: "Items" }).click();
  await expect(page.getByText("This program has no work items yet. Add them above, one by one")).toBeVisible();
  const form = page.getByRole("form", { name: "Add an item" });
  await expect(form).toBeVisible(); // open at once on an empty program
  await form.getByLabel("Key").fill("KV-01");
  await form.getByLabel("Title").fill("Key-value store");
  await form.getByLabel("Area").fill("Foundations");
  await form.getByLabel("Estimate (weeks)").fill("eight");
  // The owner is picked by name, as when an item is edited.
  await form.getByLabel("Owner").selectOption({ label: TEST_ACCOUNTS.contributor.name });
  await form.getByRole("button", { name: "Add item" }).click();
  await expect(form.getByText("must be a number of weeks", { exact: true })).toBeVisible();
  await expect(form.getByLabel("Title")).toHaveValue("Key-value store");
  await expect(form.getByLabel("Owner")).toHaveValue(TEST_ACCOUNTS.contributor.email);

  await form.getByLabel("Estimate (weeks)").fill("8");
  await form.getByRole("button", { name: "Add item" }).click();
  await expect(page).toHaveURL(new RegExp(`/programs/${slug}/items/KV-01$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Key-value store");
  await expect(page.getByText("Not started").first()).toBeVisible();

  await page.goto(`/programs/${slug}/items`);
  await expect(page.getByRole("heading", { name: "Items (1)" })).toBeVisible();
  await expect(page.getByRole("form", { name: "Add an item" })).toBeHidden(); // folded once the program has items
});

test("a contributor is not offered the form", async ({ page }) => {
  await signIn(page, "contributor", "/programs/boost-offload/items");
  await expect(page.getByRole("heading", { name: /^Items/ })).toBeVisible();
  await expect(page.getByText("Add an item")).toHaveCount(0);
});
