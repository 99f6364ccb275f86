/**
 * On a phone the items list has no column headers to sort by: the filter form offers the sort and
 * its order instead, kept in the address like every other view.
 */
import { expect, test } from "@playwright/test";
import { call } from "../support/api-client";
import { signIn } from "../support/sign-in";

const ITEMS = "/programs/boost-offload/items";

test("at 390 px a person sorts the items by estimate, largest first, from the filter form", async ({ page, request }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "viewer", ITEMS);
  const form = page.getByRole("form", { name: "Filter items" });
  await expect(page.getByRole("table", { name: "Items" }).getByRole("columnheader")).toHaveCount(0);
  await form.getByRole("combobox", { name: "Sort by" }).selectOption({ label: "Estimate (weeks)" });
  await form.getByRole("combobox", { name: "Order" }).selectOption({ label: "descending" });
  await form.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/sort=estimateWeeks&dir=desc/);
  const expected = (await (await call(request, "viewer", "GET", `/api${ITEMS}?sort=estimateWeeks&dir=desc&limit=3`)).json()).map((i: { key: string }) => i.key);
  const firstKeys = page.getByRole("table", { name: "Items" }).locator("tbody tr td:first-child a");
  await expect(firstKeys.first()).toHaveText(expected[0]);
  await expect(form.getByRole("combobox", { name: "Sort by" })).toHaveValue("estimateWeeks");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test("at 1280 px the headers sort, and the form keeps the sort they chose", async ({ page }) => {
  await signIn(page, "viewer", `${ITEMS}?sort=title&dir=desc`);
  const form = page.getByRole("form", { name: "Filter items" });
  await expect(form.getByRole("combobox", { name: "Sort by" })).toBeHidden();
  await form.getByRole("combobox", { name: "Area" }).selectOption({ index: 1 });
  await form.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/sort=title&dir=desc/);
});
