import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectAxeClean } from "../support/axe";
import { importSmallProgram } from "../support/programs";
import { signIn } from "../support/sign-in";

const FAILING = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites>
  <testsuite name="unit" tests="100" failures="3" errors="0" skipped="2" time="30.5"/>
  <testsuite name="integration" tests="28" failures="0" errors="0" skipped="0" time="10.7"/>
</testsuites>`;

test("a contributor attaches a failing JUnit report to a test report; the item page says failing with the counts, and the file downloads", async ({ page, request }) => {
  const slug = await importSmallProgram(request, "e2e-evidence-file");
  await signIn(page, "contributor", `/programs/${slug}/items/A`);
  const form = page.getByRole("form", { name: "Report a transition" });
  await form.getByLabel("New status").selectOption("design");
  await form.getByLabel("Evidence 1 kind").selectOption("test_report");
  await form.getByLabel("Evidence 1 summary").fill("nightly CI");
  await form.getByLabel("Evidence 1 file").setInputFiles({ name: "junit.xml", mimeType: "application/xml", buffer: Buffer.from(FAILING) });
  await form.getByRole("button", { name: "Report transition" }).click();
  await expect(page.getByText("A → design recorded")).toBeVisible();

  const history = page.getByRole("table", { name: "History" });
  const totals = history.getByTestId("junit-summary");
  await expect(totals).toHaveText("failing: 128 tests, 3 failures, 0 errors, 2 skipped, 41.2 s");
  // Red as well as in words.
  await expect(totals).toHaveClass(/text-red-700/);
  const digest = createHash("sha256").update(FAILING).digest("hex");
  await expect(history).toContainText(`sha256 ${digest.slice(0, 12)}`);
  const download = page.waitForEvent("download");
  await history.getByRole("link", { name: "junit.xml" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("junit.xml");
  expect(await file.createReadStream().then(async (s) => Buffer.concat(await s.toArray()).toString("utf8"))).toBe(FAILING);

  // The page with the file stays accessible and reads at 390 px without sideways scrolling.
  await expectAxeClean(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByTestId("junit-summary")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
});

test("a file over 10 MiB is refused in words before it is sent, and the row is left without a file", async ({ page, request }) => {
  const slug = await importSmallProgram(request, "e2e-evidence-big");
  await signIn(page, "contributor", `/programs/${slug}/items/A`);
  const form = page.getByRole("form", { name: "Report a transition" });
  await form.getByLabel("Evidence 1 file").setInputFiles({ name: "huge.xml", mimeType: "application/xml", buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 120) });
  await expect(form.getByRole("alert")).toHaveText("“huge.xml” is 10.0 MiB: a file may be at most 10 MiB.");
  // The row is back to no file: reporting without a link or file records no evidence.
  await expect(form.getByLabel("Evidence 1 file")).toHaveValue("");
});

test("a test report file that is not JUnit is kept and shown as a plain file, without totals", async ({ page, request }) => {
  const slug = await importSmallProgram(request, "e2e-evidence-plain");
  await signIn(page, "contributor", `/programs/${slug}/items/A`);
  const form = page.getByRole("form", { name: "Report a transition" });
  await form.getByLabel("Evidence 1 kind").selectOption("test_report");
  await form.getByLabel("Evidence 1 file").setInputFiles({ name: "results.txt", mimeType: "text/plain", buffer: Buffer.from("all green") });
  await form.getByRole("button", { name: "Report transition" }).click();
  await expect(page.getByText("A → design recorded")).toBeVisible();
  const history = page.getByRole("table", { name: "History" });
  await expect(history.getByRole("link", { name: "results.txt" })).toBeVisible();
  await expect(history.getByTestId("junit-summary")).toHaveCount(0);
});
