import { expect, type Locator, type Page } from "@playwright/test";

export interface ReportTyped {
  to: string;
  evidence?: { kind: string; url: string; summary?: string }[];
  note?: string;
}

/** On an item's page: fills the report form as a person would and sends it; returns the form, to read its answer. */
export async function submitReport(page: Page, typed: ReportTyped): Promise<Locator> {
  const report = page.getByRole("form", { name: "Report a transition" });
  await report.getByLabel("New status").selectOption(typed.to);
  for (const [i, e] of (typed.evidence ?? []).entries()) {
    await report.getByLabel(`Evidence ${i + 1} kind`).selectOption(e.kind);
    await report.getByLabel(`Evidence ${i + 1} URL`).fill(e.url);
    if (e.summary) await report.getByLabel(`Evidence ${i + 1} summary`).fill(e.summary);
  }
  if (typed.note) await report.getByLabel("Note").fill(typed.note);
  await report.getByRole("button", { name: "Report transition" }).click();
  return report;
}

/** On item A's page: report Build with a design doc at `url`, and read the confirmation. */
export async function reportBuild(page: Page, url: string) {
  const report = await submitReport(page, { to: "build", evidence: [{ kind: "design_doc", url, summary: "design of A" }] });
  await expect(report.getByRole("status")).toHaveText("A → Build recorded, awaiting verification by a second person.");
}

