import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * The serious or critical accessibility violations on the page as it stands, one line each (rule,
 * help, the first three elements). Every rule axe runs by default is checked. Legacy mode runs axe
 * in the page itself: the default mode merges its results in a second, blank page, which costs
 * seconds per check on two busy cores; our pages have no frames, so the findings are the same.
 * Only violations are gathered: passes are not read, and collecting them took a third of the time.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  // After a client navigation Next.js puts the new page's <title> in a moment after its content:
  // wait for it (briefly), so axe judges the page, not the instant between. A page without one
  // still fails below.
  await page.waitForFunction(() => document.title !== "", null, { timeout: 5_000 }).catch(() => undefined);
  const results = await new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ["violations"] }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
}

/** No serious or critical accessibility violation on the page as it stands. */
export async function expectAxeClean(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
}
