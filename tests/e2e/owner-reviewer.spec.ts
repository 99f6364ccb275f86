import { expect, test } from "@playwright/test";
import { tokenFor as tokenOf } from "../support/api-client";
import { TEST_ACCOUNTS } from "../support/test-accounts";
import { importSmallProgram } from "../support/programs";
import { reportBuild } from "../support/review-steps";
import { signIn } from "../support/sign-in";

test("an owner reports with evidence, a reviewer verifies, the dashboard changes; gates and four eyes refuse in words", async ({
  page,
  request,
}) => {
  const slug = await importSmallProgram(request, "flow");

  await signIn(page, "contributor", `/programs/${slug}/items/A`);
  const report = page.getByRole("form", { name: "Report a transition" });
  await report.getByLabel("New status").selectOption("build");
  await expect(page.getByTestId("gate-requirement")).toContainText("a design doc (to enter Build)");
  await report.getByRole("button", { name: "Report transition" }).click();
  await expect(report.getByRole("alert")).toContainText("The item's evidence lacks what Build needs: a design doc (to enter Build).");

  await reportBuild(page, "https://dev.example.com/design/A");
  await expect(page.getByText("pending verification")).toBeVisible();

  await page.goto(`/programs/${slug}`);
  await expect(page.getByTestId("headline-inflated")).toHaveText("1");

  await signIn(page, "reviewer", `/programs/${slug}/items/A`);
  await page.getByRole("button", { name: /^Verify A to Build, reported by / }).click();
  await expect(page.getByText(`verified by ${TEST_ACCOUNTS.reviewer.name}`)).toBeVisible();
  await page.goto(`/programs/${slug}`);
  await expect(page.getByTestId("headline-inflated")).toHaveText("0");
  const build = page.getByRole("table", { name: "Items per status" }).getByTestId("count-build");
  await expect(build.locator("td").nth(1)).toHaveText("1");

  // Four eyes: the reviewer owns D, so cannot verify a transition on it.
  await signIn(page, "contributor", `/programs/${slug}/items/D`);
  await page.getByRole("form", { name: "Report a transition" }).getByRole("button", { name: "Report transition" }).click();
  await expect(page.getByText("pending verification")).toBeVisible();
  await signIn(page, "reviewer", `/programs/${slug}/items/D`);
  await expect(page.getByText("Not yours to review: you own this item and cannot verify its transitions.")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Verify / })).toHaveCount(0);
});

test("a stale edit is refused with a clear message and the typed text is kept", async ({ page, request }) => {
  const slug = await importSmallProgram(request, "stale");
  await signIn(page, "contributor", `/programs/${slug}/items/B`);
  const form = page.getByRole("form", { name: "Edit item" });
  // Someone else saves first, through the API.
  const current = await (await request.get(`/api/programs/${slug}/items/B`, { headers: { authorization: `Bearer ${tokenOf("admin")}` } })).json();
  const other = await request.patch(`/api/programs/${slug}/items/B`, {
    headers: { authorization: `Bearer ${tokenOf("admin")}` },
    data: { version: current.version, title: "Renamed by someone else" },
  });
  expect(other.status()).toBe(200);
  await form.getByLabel("Title").fill("My careful new title");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByRole("alert")).toContainText("was changed by someone else");
  await expect(form.getByLabel("Title")).toHaveValue("My careful new title");
});

