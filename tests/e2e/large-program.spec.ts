/**
 * A program larger than a page, as a person uses it: the items list shows 100 rows at a time with
 * links to the other pages, and an item's dependency is chosen by typing part of a key, with
 * matching items suggested, instead of from a select of every key.
 */
import { expect, test } from "@playwright/test";
import { call } from "../support/api-client";
import { importManyItems } from "../support/programs";
import { signIn } from "../support/sign-in";

test("the items list pages through a 350-item program, 100 rows at a time", async ({ page, request }) => {
  const slug = await importManyItems(request, "pages-ui", 350);
  await signIn(page, "viewer", `/programs/${slug}/items`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Items (350)");
  const pages = page.getByRole("navigation", { name: "Pages of items" });
  await expect(pages).toContainText("Items 1–100 of 350");
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(101);
  await pages.getByRole("link", { name: "Next →" }).click();
  await expect(pages).toContainText("Items 101–200 of 350");
  await expect(page.getByRole("link", { name: "I-101", exact: true })).toBeVisible();
  await pages.getByRole("link", { name: "Last" }).click();
  await expect(pages).toContainText("Items 301–350 of 350");
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(51);
  await expect(pages.getByRole("link", { name: "Next →" })).toHaveCount(0);
  // A new sort starts again from the first page.
  await page.getByRole("columnheader", { name: /Title/ }).getByRole("link").click();
  await expect(pages).toContainText("Items 1–100 of 350");
  await expect(pages.getByRole("link", { name: "Next →" })).toBeVisible();
});

test("a dependency in a large program is found by typing part of its key", async ({ page, request }) => {
  const slug = await importManyItems(request, "search-ui", 350);
  await signIn(page, "contributor", `/programs/${slug}/items/I-005`);
  const add = page.getByRole("form", { name: "Add a dependency" });
  await expect(add.locator("select")).toHaveCount(0);
  const box = add.getByLabel("Depends on");
  await box.fill("I-34");
  await expect(add.locator("datalist option")).toHaveCount(10);
  await expect(add.locator("datalist option").first()).toHaveAttribute("value", "I-340");
  await box.fill("I-342");
  await add.getByRole("button", { name: "Add dependency" }).click();
  await expect(add.getByRole("status")).toHaveText("Dependency added.");
  const item = await (await call(request, "viewer", "GET", `/api/programs/${slug}/items/I-005`)).json();
  expect(item.dependsOn.map((d: { key: string }) => d.key)).toEqual(["I-342"]);
  await box.fill("NOPE-1");
  await add.getByRole("button", { name: "Add dependency" }).click();
  await expect(add.getByRole("alert")).toContainText("NOPE-1");
});

test("a malformed page size is said in words, and the pages' links lead to views that parse", async ({ page, request }) => {
  const slug = await importManyItems(request, "pages-bad", 350);
  await signIn(page, "viewer", `/programs/${slug}/items?limit=lots&offset=100`);
  await expect(page.getByRole("alert").filter({ hasText: "Page size" })).toHaveText("Page size: must be a whole number from 1 to 1000. Showing every item as of today.");
  const pages = page.getByRole("navigation", { name: "Pages of items" });
  await expect(pages).toContainText("Items 1–100 of 350");
  const next = pages.getByRole("link", { name: "Next →" });
  await expect(next).not.toHaveAttribute("href", /lots/);
  await next.click();
  await expect(pages).toContainText("Items 101–200 of 350");
  await expect(page.getByRole("alert").filter({ hasText: "limit" })).toHaveCount(0);
});
