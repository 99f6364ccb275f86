import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** On item A's page: report Build with a design doc at `url`, and read the confirmation. */
export async function reportBuild(page: Page, url: string) {
  const report = page.getByRole("form", { name: "Report a transition" });
  await report.getByLabel("New status").selectOption("build");
  await report.getByLabel("Evidence 1 kind").selectOption("design_doc");
  await report.getByLabel("Evidence 1 URL").fill(url);
  await report.getByLabel("Evidence 1 summary").fill("design of A");
  await report.getByRole("button", { name: "Report transition" }).click();
  await expect(report.getByRole("status")).toHaveText("A → build recorded, awaiting verification by a second person.");
}

/** No serious or critical accessibility violation on the page as it stands. */
export async function expectAxeClean(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`)).toEqual([]);
}
