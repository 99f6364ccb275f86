/**
 * Ingesting an artefact as a contributor would: give an item its components on its page, upload a
 * coverage report on Ingest, read the dry run, record it, and find the new signal on the item page
 * with where it came from — the file, its digest, the reader, who — and the file itself.
 */
import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectAxeClean } from "../support/axe";
import { importSmallProgram } from "../support/programs";
import { signIn } from "../support/sign-in";
import { TEST_ACCOUNTS } from "../support/test-accounts";

const SLUG = "boost-offload";

const LCOV = ["SF:src/a/x.rs", "DA:1,1", "DA:2,0", "DA:3,1", "end_of_record", "SF:misc/z.rs", "DA:1,1", "end_of_record"].join("\n");

test("a contributor maps an item, dry-runs a coverage report, records it, and reads the signal's provenance on the item", async ({ page, request }) => {
  const slug = await importSmallProgram(request, "e2e-ingest");
  await signIn(page, "contributor");

  await page.goto(`/programs/${slug}/items/A`);
  await expect(page.getByTestId("components")).toHaveText("none: no artefact is read for this item");
  const edit = page.getByRole("form", { name: "Edit item" });
  await edit.getByLabel("Components").fill("src/a/**");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("components")).toHaveText("src/a/**");

  await page.getByRole("navigation", { name: "Program" }).getByRole("link", { name: "Ingest" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ingest an artefact");
  await page.getByRole("combobox", { name: /^Artefact/ }).selectOption("coverage");
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "lcov.info", mimeType: "text/plain", buffer: Buffer.from(LCOV) });
  await page.getByRole("button", { name: "Dry run" }).click();
  const dry = page.getByRole("region", { name: "Dry run" });
  await expect(dry.getByRole("heading")).toHaveText("Dry run: 1 signal would be recorded");
  const row = dry.getByRole("table", { name: "Signals that would be recorded" }).getByRole("row", { name: /A/ });
  await expect(row).toContainText("66.6");
  await expect(row).toContainText("2 of 3 lines hit in 1 file");
  await expect(dry.getByText("1 entry matches no item's components")).toBeVisible();
  await expectAxeClean(page);

  await page.getByRole("button", { name: "Record 1 signal" }).click();
  const recorded = page.getByRole("region", { name: "Recorded" });
  await expect(recorded.getByRole("heading")).toHaveText("Recorded 1 signal");
  await recorded.getByRole("link", { name: "A", exact: true }).click();

  const digest = createHash("sha256").update(LCOV).digest("hex");
  const signals = page.getByRole("table", { name: "Signals" });
  await expect(signals).toContainText("66.6");
  await expect(signals).toContainText("read from a test coverage report: lcov.info");
  await expect(signals).toContainText(`sha256 ${digest.slice(0, 12)}`);
  await expect(signals).toContainText(`ingested by ${TEST_ACCOUNTS.contributor.name}`);
  const download = page.waitForEvent("download");
  await signals.getByRole("link", { name: "lcov.info" }).click();
  expect((await download).suggestedFilename()).toBe("lcov.info");
});

test("a malformed report is refused in words, naming its line, and nothing is recorded; a viewer is not offered the page", async ({ page, request }) => {
  const slug = await importSmallProgram(request, "e2e-ingest-bad");
  await signIn(page, "contributor", `/programs/${slug}/ingest`);
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "lcov.info", mimeType: "text/plain", buffer: Buffer.from("SF:a.rs\nDA:1,1\nDA:x\nend_of_record\n") });
  await page.getByRole("button", { name: "Dry run" }).click();
  const refusal = page.getByRole("alert").filter({ hasText: "Nothing was recorded" });
  await expect(refusal).toContainText("cannot be read at line 3");
  await expect(page.getByRole("button", { name: /^Record/ })).toHaveCount(0);

  await signIn(page, "viewer", `/programs/${slug}/ingest`);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
});

test("a viewer is offered no Ingest or Settings tab, and either address answers 403 saying which role it needs", async ({ page }) => {
  await signIn(page, "viewer", `/programs/${SLUG}`);
  const tabs = page.getByRole("navigation", { name: "Program" }).getByRole("link");
  await expect(tabs).toHaveText(["Dashboard", "Items", "Graph", "Timeline", "Claims", "Reports"]);
  for (const [section, needs] of [
    ["ingest", "contributor"],
    ["settings", "admin"],
  ] as const) {
    const answer = await page.goto(`/programs/${SLUG}/${section}`);
    expect(answer?.status(), section).toBe(403);
    await expect(page.getByRole("alert").filter({ hasText: "Not allowed" })).toContainText(`This page needs the ${needs} role; you are signed in as viewer`);
  }
  await signIn(page, "contributor", `/programs/${SLUG}`);
  await expect(tabs).toHaveText(["Dashboard", "Items", "Graph", "Timeline", "Claims", "Reports", "Ingest"]);
});

test("an item's signals read in words on a phone: a crash owner is yes or no, each date on one line", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "viewer", `/programs/${SLUG}/items/FND-02`);
  const signals = page.getByRole("table", { name: "Signals" });
  const owner = signals.getByRole("row").filter({ hasText: "Crash owner registered" });
  await expect(owner.first()).toBeVisible();
  for (const value of await owner.locator("td:nth-child(3)").allTextContents()) expect(["yes", "no"]).toContain(value.trim());
  const dates = signals.locator("tbody td:first-child");
  const lines = await dates.evaluateAll((cells) =>
    cells.map((c) => {
      const range = document.createRange();
      range.selectNodeContents(c);
      return range.getClientRects().length;
    }),
  );
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.every((n) => n === 1)).toBe(true);
});
