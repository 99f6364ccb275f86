/**
 * The accessibility check every page test relies on finds what it must: a page with the usual
 * serious faults is reported rule by rule, and a clean one is not.
 */
import { expect, test } from "@playwright/test";
import { seriousViolations } from "../support/axe";

test("the accessibility check names low contrast, an image without text, an unlabelled field and a nameless button", async ({ page }) => {
  await page.setContent(`<!doctype html><html lang="en"><head><title>Faulty</title></head><body><main>
    <h1>Faulty page</h1>
    <p style="color:#bbb;background:#fff">Grey on white is hard to read.</p>
    <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
    <input type="text">
    <button></button>
  </main></body></html>`);
  const found = (await seriousViolations(page)).map((line) => line.split(":")[0]);
  expect(found).toEqual(expect.arrayContaining(["color-contrast", "image-alt", "label", "button-name"]));
});

test("the accessibility check finds nothing serious on a plain, labelled page", async ({ page }) => {
  await page.setContent(`<!doctype html><html lang="en"><head><title>Clean</title></head><body><main>
    <h1>Clean page</h1>
    <p>Black on white.</p>
    <label>Name <input type="text"></label>
    <button>Save</button>
  </main></body></html>`);
  expect(await seriousViolations(page)).toEqual([]);
});
