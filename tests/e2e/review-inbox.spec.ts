/**
 * The reviewers' inbox as people use it: a contributor reports with evidence; a reviewer finds it
 * under "Yours to review" through the navigation, oldest first, with its evidence and age, and
 * reaches the item's review form; the reviewer's own report waits apart, with the rule that stops them.
 */
import { expect, test } from "@playwright/test";
import { call } from "../support/api-client";
import { importSmallProgram } from "../support/programs";
import { signIn } from "../support/sign-in";

test("a reviewer finds a contributor's report in the inbox and their own listed apart with the reason", async ({ page, request }) => {
  const slug = await importSmallProgram(request, "e2e-inbox");
  const report = async (who: "contributor" | "reviewer", key: string) => {
    const res = await call(request, who, "POST", `/api/programs/${slug}/items/${key}/transitions`, {
      to: "design",
      evidence: [{ kind: "design_doc", url: `https://docs.example.com/${key}`, summary: `Design of ${key}` }],
    });
    expect(res.status()).toBe(201);
    return (await res.json()).id as number;
  };
  const theirs = await report("contributor", "A");
  const own = await report("reviewer", "B");

  await signIn(page, "reviewer");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Awaiting verification" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Awaiting verification" })).toBeVisible();
  await page.getByRole("combobox", { name: "Program" }).selectOption(slug);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`program=${slug}`));
  await expect(page.getByTestId("awaiting-count")).toHaveText("2 transitions awaiting verification.");
  // The areas are choices, not free text: the program's own, in order.
  const area = page.getByRole("combobox", { name: "Area" });
  await expect(area.getByRole("option")).toHaveText(["All areas", "Core", "Other"]);
  await area.selectOption("Core");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByTestId("awaiting-count")).toHaveText("2 transitions awaiting verification.");
  // An area typed into the address in another case still matches.
  await page.goto(`/review?program=${slug}&area=core`);
  await expect(page.getByTestId("awaiting-count")).toHaveText("2 transitions awaiting verification.");
  await expect(area).toHaveValue("Core");

  const yours = page.getByRole("list", { name: "Yours to review" });
  const row = yours.getByTestId(`awaiting-${theirs}`);
  await expect(row).toContainText("A Item A");
  await expect(row).toContainText("Reported by");
  await expect(row.getByTestId("waited")).toHaveText("today");
  await expect(row.getByRole("link", { name: "Design of A" })).toHaveAttribute("href", "https://docs.example.com/A");

  const apart = page.getByRole("list", { name: "Not yours to review" }).getByTestId(`awaiting-${own}`);
  await expect(apart.getByTestId("not-yours")).toHaveText("Not yours to review: you reported this transition and cannot also verify it.");
  await expect(apart.getByRole("link", { name: "Verify or reject on the item page" })).toHaveCount(0);

  await row.getByRole("link", { name: "Verify or reject on the item page" }).click();
  await expect(page).toHaveURL(new RegExp(`/programs/${slug}/items/A#history$`));
  await expect(page.getByRole("button", { name: /^Verify/ }).first()).toBeVisible();
});

test("a contributor sees the queue but nothing is theirs to review, and the nav offers it only to reviewers", async ({ page }) => {
  await signIn(page, "contributor");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Awaiting verification" })).toHaveCount(0);
  await page.goto("/review");
  await expect(page.getByRole("heading", { name: /^Yours to review \(0\)$/ })).toBeVisible();
  await expect(page.getByTestId("not-yours").first()).toContainText("your role (contributor) does not verify");
});

test("a report a later verified one has overtaken says so, beside the item's true status today", async ({ page, request }) => {
  const slug = await importSmallProgram(request, "e2e-inbox-overtaken");
  const report = async (to: string, kind: string) => {
    const res = await call(request, "contributor", "POST", `/api/programs/${slug}/items/A/transitions`, {
      to,
      evidence: [{ kind, url: `https://docs.example.com/A/${to}`, summary: `${to} evidence` }],
    });
    expect(res.status()).toBe(201);
    return (await res.json()).id as number;
  };
  const design = await report("design", "design_doc");
  const build = await report("build", "design_doc");
  expect((await call(request, "reviewer", "POST", `/api/programs/${slug}/transitions/${build}/verify`, {})).status()).toBe(201);

  await signIn(page, "reviewer", `/review?program=${slug}`);
  // Set apart after the reports that would move a true status, with why.
  await expect(page.getByRole("heading", { name: "Yours to review (0)" })).toBeVisible();
  await expect(page.getByText("None of yours would move a true status.")).toBeVisible();
  const row = page.getByRole("list", { name: "Yours, already overtaken" }).getByTestId(`awaiting-${design}`);
  await expect(row.getByTestId("true-status-today")).toContainText("True status today: Build");
  await expect(row.getByTestId("true-status-today")).toContainText("already at Design or past it by a later verified report: deciding this one changes no status today");
  // Deciding still rewrites the past: the page says what it changes, so nobody takes it for a no-op.
  await expect(page.getByText("Verifying one still changes the item's past from its date on")).toBeVisible();
  await expect(page.getByTestId(`awaiting-${build}`)).toHaveCount(0);
});

test("every report is within reach however many wait: pages of 200, oldest or newest first", async ({ page, request }) => {
  const slug = await importSmallProgram(request, "e2e-inbox-pages");
  const ids: number[] = [];
  for (let i = 0; i < 201; i++) {
    const res = await call(request, "contributor", "POST", `/api/programs/${slug}/items/A/transitions`, {
      to: "design",
      evidence: [{ kind: "design_doc", url: `https://docs.example.com/A/${i}`, summary: `draft ${i}` }],
    });
    expect(res.status()).toBe(201);
    ids.push((await res.json()).id as number);
  }
  await signIn(page, "reviewer", `/review?program=${slug}`);
  await expect(page.getByTestId("awaiting-count")).toHaveText("201 transitions awaiting verification — 1–200 shown, oldest report first.");
  await expect(page.getByTestId(`awaiting-${ids[0]}`)).toBeVisible();
  await expect(page.getByTestId(`awaiting-${ids[200]}`)).toHaveCount(0);
  const pages = page.getByRole("navigation", { name: "Pages of reports" });
  await pages.getByRole("link", { name: "Next 1 →" }).click();
  await expect(page.getByTestId("awaiting-count")).toHaveText("201 transitions awaiting verification — 201–201 shown, oldest report first.");
  await expect(page.getByTestId(`awaiting-${ids[200]}`)).toBeVisible();
  // The newest first, from the filter form: the last report heads the first page.
  await page.goto(`/review?program=${slug}`);
  await page.getByRole("form", { name: "Filter" }).getByLabel("Order").selectOption("newest");
  await page.getByRole("form", { name: "Filter" }).getByRole("button", { name: "Show" }).click();
  await expect(page.getByTestId("awaiting-count")).toContainText("1–200 shown, newest report first");
  await expect(page.locator('li[data-testid^="awaiting-"]').first()).toHaveAttribute("data-testid", `awaiting-${ids[200]}`);
  await expect(page.getByTestId(`awaiting-${ids[0]}`)).toHaveCount(0);
});
