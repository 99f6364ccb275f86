/**
 * The story's details: dashboard lists sort by their column headers (pointer and keyboard, in the
 * URL, sorted by the server on the first paint); the portfolio and the graph carry the
 * illustrative mark past the evidence horizon and not before; the graph moves by arrow keys and
 * says when its date is malformed; unknown weeks, items and claims are 404s in the program's
 * navigation. The demo is only read; horizons are set on programs of their own.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectAxeClean } from "../support/axe";
import { signalValueWords, STATUS_LABELS } from "@/lib/labels";
import { STATUSES, type Status } from "@/lib/status";
import { authHeaders } from "../support/api-client";
import { signIn } from "../support/sign-in";
import { smallBundle } from "../support/small-bundle";

const DEMO = "/programs/boost-offload";
const AT_HORIZON = `${DEMO}?asOf=2024-12-31`;

type Breach = { key: string; metric: string; value: number };
type Inflated = { key: string; reported: Status; true: Status };
type Readiness = { inflated: Inflated[]; quality: { breaches: Breach[] } };

async function readiness(page: Page, query = "?asOf=2024-12-31"): Promise<Readiness> {
  const res = await page.request.get(`/api/programs/boost-offload/readiness${query}`);
  expect(res.status()).toBe(200);
  return res.json();
}

const level = (s: Status) => STATUSES.indexOf(s);
const firstColumn = (table: Locator) => table.locator("tbody tr").locator("td:first-child").allInnerTexts();
const header = (table: Locator, name: string) => table.getByRole("columnheader", { name, exact: true });
const sortButton = (table: Locator, name: string) => table.getByRole("button", { name, exact: true });

test.describe("dashboard tables", () => {
  test("the inflated items sort by a click on a column header, both ways, and each key leads to its item", async ({ page }) => {
    await signIn(page, "viewer");
    const api = (await readiness(page)).inflated;
    expect(api.length).toBeGreaterThan(2);
    await page.goto(AT_HORIZON);
    const table = page.getByRole("table", { name: "Inflated items" });
    // The table's own order: by key.
    await expect(header(table, "item")).toHaveAttribute("aria-sort", "ascending");
    await expect(header(table, "ahead")).toHaveAttribute("aria-sort", "none");
    expect(await firstColumn(table)).toEqual(api.map((i) => i.key));

    // "ahead" starts largest first; ties keep the list's own order.
    const ahead = (i: Inflated) => level(i.reported) - level(i.true);
    await sortButton(table, "ahead").click();
    await expect(header(table, "ahead")).toHaveAttribute("aria-sort", "descending");
    await expect(header(table, "item")).toHaveAttribute("aria-sort", "none");
    expect(await firstColumn(table)).toEqual([...api].sort((a, b) => ahead(b) - ahead(a)).map((i) => i.key));
    await expect(page).toHaveURL(/inflatedSort=-ahead/);
    await sortButton(table, "ahead").click();
    await expect(header(table, "ahead")).toHaveAttribute("aria-sort", "ascending");
    expect(await firstColumn(table)).toEqual([...api].sort((a, b) => ahead(a) - ahead(b)).map((i) => i.key));

    // Status columns sort by the ladder, not by the alphabet.
    await sortButton(table, "true").click();
    await expect(header(table, "true")).toHaveAttribute("aria-sort", "ascending");
    const byLabel = new Map(STATUSES.map((s) => [STATUS_LABELS[s], level(s)]));
    const trueLevels = (await table.locator("tbody tr td:nth-child(3)").allInnerTexts()).map((t) => byLabel.get(t.trim()));
    expect(trueLevels.every((l) => l !== undefined)).toBe(true);
    expect(trueLevels).toEqual([...trueLevels].sort((a, b) => a! - b!));

    // The key leads to the item.
    const first = (await firstColumn(table))[0]!;
    await table.getByRole("link", { name: first, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/items/${first}$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(first);
  });

  test("the headers work from the keyboard, and the sort is in the URL: the server sends the page already sorted", async ({ page }) => {
    await signIn(page, "viewer");
    const api = (await readiness(page)).inflated;
    await page.goto(AT_HORIZON);
    const table = page.getByRole("table", { name: "Inflated items" });
    await expect(header(table, "item")).toHaveAttribute("aria-sort", "ascending");
    await sortButton(table, "item").focus();
    await page.keyboard.press("Enter");
    await expect(header(table, "item")).toHaveAttribute("aria-sort", "descending");
    const descending = [...api.map((i) => i.key)].reverse();
    expect(await firstColumn(table)).toEqual(descending);
    await page.keyboard.press("Space");
    await expect(header(table, "item")).toHaveAttribute("aria-sort", "ascending");
    await page.keyboard.press("Space");
    await expect(page).toHaveURL(/inflatedSort=-item/);

    // The server sends the rows in that order (no re-sort after the first paint): the page's HTML, as fetched.
    const html = await (await page.request.get(page.url())).text();
    const tableHtml = html.slice(html.indexOf('aria-label="Inflated items"'));
    const sent = [...tableHtml.slice(0, tableHtml.indexOf("</table>")).matchAll(/href="\/programs\/boost-offload\/items\/([^"?]+)"/g)].map((m) => m[1]);
    expect(sent).toEqual(descending);
    expect(tableHtml.slice(0, tableHtml.indexOf("</thead>"))).toMatch(/aria-sort="descending"/);
    await page.reload();
    await expect(header(table, "item")).toHaveAttribute("aria-sort", "descending");
    expect(await firstColumn(table)).toEqual(descending);
  });

  test("the quality breaches, longer than the dashboard shows, sort as a whole list before the cut", async ({ page }) => {
    await signIn(page, "viewer");
    const all = (await readiness(page)).quality.breaches;
    const shown = 25;
    expect(all.length).toBeGreaterThan(shown);
    await page.goto(AT_HORIZON);
    const table = page.getByRole("table", { name: "Quality breaches" });
    await expect(table.locator("tbody tr")).toHaveCount(shown);
    await expect(page.getByText(`${shown} of ${all.length} shown.`)).toBeVisible();
    // What each breach needs is said in words, never as a sign.
    const needs = await table.locator("tbody tr td:nth-child(4)").allInnerTexts();
    expect(needs.every((n) => /^(at least \d+ %|at most \d+|yes)$/.test(n)), needs.join(", ")).toBe(true);

    const rows = async () => {
      const cells = await table.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent!.trim())));
      return cells.map(([key, , value]) => `${key}:${value}`);
    };
    // Values as people read them: a crash owner registered or not is "yes" or "no".
    const expected = (sorted: Breach[]) => sorted.slice(0, shown).map((b) => `${b.key}:${signalValueWords(b.metric, b.value)}`);
    await sortButton(table, "value").click();
    await expect(header(table, "value")).toHaveAttribute("aria-sort", "descending");
    await expect(page).toHaveURL(/breachesSort=-value/);
    await expect.poll(rows).toEqual(expected([...all].sort((a, b) => b.value - a.value)));
    await sortButton(table, "value").click();
    await expect(header(table, "value")).toHaveAttribute("aria-sort", "ascending");
    await expect.poll(rows).toEqual(expected([...all].sort((a, b) => a.value - b.value)));
    // The largest value is in no first 25 by key: the sort was made on the whole list.
    const byKey = all.slice(0, shown);
    const largest = [...all].sort((a, b) => b.value - a.value)[0]!;
    if (!byKey.includes(largest)) {
      await sortButton(table, "value").click();
      await expect(table.locator("tbody tr").first()).toContainText(largest.key);
    }
  });

  test("the last verified changes sort by item and back to newest first", async ({ page }) => {
    await signIn(page, "viewer", AT_HORIZON);
    const table = page.getByRole("table", { name: "Last verified changes" });
    await expect(header(table, "verified")).toHaveAttribute("aria-sort", "descending");
    const newestFirst = await firstColumn(table);
    const dates = await table.locator("tbody tr td:nth-child(4)").allInnerTexts();
    expect(dates).toEqual([...dates].sort().reverse());
    await sortButton(table, "item").click();
    await expect(header(table, "item")).toHaveAttribute("aria-sort", "ascending");
    const byKey = newestFirst.map((k, i) => ({ k, i })).sort((a, b) => a.k.localeCompare(b.k, "en", { numeric: true }) || a.i - b.i);
    expect(await firstColumn(table)).toEqual(byKey.map((x) => x.k));
    await sortButton(table, "verified").click();
    await expect(header(table, "verified")).toHaveAttribute("aria-sort", "descending");
    expect(await firstColumn(table)).toEqual(newestFirst);
    await expectAxeClean(page);
  });

  test("at 390 px the page does not scroll sideways: a wide table scrolls in its own box with the item column pinned", async ({ page }) => {
    await signIn(page, "viewer");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${AT_HORIZON}&breachesSort=-measured`);
    const table = page.getByRole("table", { name: "Quality breaches" });
    await expect(header(table, "measured")).toHaveAttribute("aria-sort", "descending");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    for (const name of ["Quality breaches", "Inflated items", "Last verified changes"]) {
      const first = page.getByRole("table", { name }).locator("th, td").first();
      expect(await first.evaluate((el) => getComputedStyle(el).position)).toBe("sticky");
    }
  });
});

test.describe("illustrative marks", () => {
  test("the portfolio marks the demo (past its horizon, and its latest claim made after it), not a program whose horizon is still ahead", async ({ page, request }) => {
    const run = Date.now();
    const ahead = `horizon-ahead-${run}`;
    const behind = `horizon-behind-${run}`;
    for (const [slug, factsUntil] of [
      [ahead, "2099-12-31"],
      [behind, "2024-06-30"],
    ] as const) {
      const bundle = smallBundle(slug);
      const res = await request.post("/api/programs/import", { headers: authHeaders("admin"), data: { ...bundle, program: { ...bundle.program, factsUntil } } });
      expect(res.status()).toBe(201);
    }
    await signIn(page, "viewer");
    const demo = page.getByTestId("program-boost-offload");
    await expect(demo.getByTestId("portfolio-illustrative")).toBeVisible();
    await expect(demo.getByTestId("portfolio-illustrative")).toHaveAttribute("title", /facts until 2024-12-31/);
    await expect(demo.getByTestId("portfolio-claim-illustrative")).toBeVisible();
    await expect(page.getByTestId(`program-${behind}`).getByTestId("portfolio-illustrative")).toHaveAttribute("title", /facts until 2024-06-30/);
    await expect(page.getByTestId(`program-${ahead}`)).toBeVisible();
    await expect(page.getByTestId(`program-${ahead}`).getByTestId("portfolio-illustrative")).toHaveCount(0);
    await expectAxeClean(page);
  });

  test("the graph past the horizon says so in its header, legend and card; at the horizon it does not", async ({ page }) => {
    await signIn(page, "viewer", `${DEMO}/graph`);
    const node = page.locator('.react-flow__node[data-id="FND-01"]');
    await expect(node).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId("illustrative-mark")).toBeVisible();
    await expect(page.getByTestId("illustrative-mark")).toHaveAttribute("title", /facts until 2024-12-31/);
    await expect(page.getByTestId("legend-illustrative-mark")).toBeVisible();
    await node.focus();
    await expect(page.getByTestId("item-card")).toContainText("FND-01 · ");
    await expect(page.getByTestId("card-illustrative-mark")).toBeVisible();

    await page.goto(`${DEMO}/graph?asOf=2024-12-31`);
    await expect(node).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId("as-of")).toHaveText("2024-12-31");
    await node.focus();
    await expect(page.getByTestId("item-card")).toContainText("FND-01 · ");
    for (const id of ["illustrative-mark", "legend-illustrative-mark", "card-illustrative-mark"]) await expect(page.getByTestId(id)).toHaveCount(0);
  });
});

test.describe("graph", () => {
  type Placed = { key: string; area: string; x: number; y: number };

  async function placedNodes(page: Page, areaOf: Map<string, string>): Promise<Placed[]> {
    const raw = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>(".react-flow__node")].map((el) => {
        const m = new DOMMatrix(getComputedStyle(el).transform);
        return { key: el.dataset.id!, x: m.e, y: m.f };
      }),
    );
    return raw.map((n) => ({ ...n, area: areaOf.get(n.key)! }));
  }
  const focusedKey = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.id ?? null);

  test("arrow keys move the focus: left and right within the area, up and down by row; the card follows and Enter opens the item", async ({ page }) => {
    test.slow(); // the graph and an axe scan of its 64 nodes
    await signIn(page, "viewer");
    const items = (await (await page.request.get("/api/programs/boost-offload/items")).json()) as { key: string; area: string }[];
    const areaOf = new Map(items.map((i) => [i.key, i.area]));
    await page.goto(`${DEMO}/graph`);
    await expect(page.locator('.react-flow__node[data-id="FND-09"]')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId("graph-keys")).toContainText("Arrow keys move between items: left and right within the item's area, up and down");
    const nodes = await placedNodes(page, areaOf);
    const at = (key: string) => nodes.find((n) => n.key === key)!;

    await page.locator('.react-flow__node[data-id="FND-09"]').focus();
    let here = at("FND-09");
    for (const step of ["ArrowRight", "ArrowRight", "ArrowDown", "ArrowLeft", "ArrowDown", "ArrowUp"] as const) {
      await page.keyboard.press(step);
      await expect.poll(() => focusedKey(page)).not.toBe(here.key);
      const next = at((await focusedKey(page))!);
      if (step === "ArrowRight" || step === "ArrowLeft") {
        expect(next.area, `${step} from ${here.key}`).toBe(here.area);
        const between = nodes.filter((n) => n.area === here.area && (step === "ArrowRight" ? n.x > here.x && n.x < next.x : n.x < here.x && n.x > next.x));
        expect(step === "ArrowRight" ? next.x > here.x : next.x < here.x).toBe(true);
        expect(between.map((n) => n.key), `no column skipped from ${here.key} to ${next.key}`).toEqual([]);
      } else {
        const down = step === "ArrowDown";
        expect(down ? next.y > here.y : next.y < here.y).toBe(true);
        const between = nodes.filter((n) => (down ? n.y > here.y && n.y < next.y : n.y < here.y && n.y > next.y));
        expect(between.map((n) => n.key), `no row skipped from ${here.key} to ${next.key}`).toEqual([]);
      }
      await expect(page.getByTestId("item-card")).toContainText(`${next.key} · `);
      here = next;
    }
    // Nothing lies left of the first column: the focus stays.
    const leftmost = nodes.filter((n) => n.area === here.area).sort((a, b) => a.x - b.x)[0]!;
    await page.locator(`.react-flow__node[data-id="${leftmost.key}"]`).focus();
    await page.keyboard.press("ArrowLeft");
    expect(await focusedKey(page)).toBe(leftmost.key);
    // The page did not scroll with the arrows, and the graph stays clean for assistive technology.
    await expectAxeClean(page);
    await page.keyboard.press("ArrowRight");
    const opened = (await focusedKey(page))!;
    expect(opened).not.toBe(leftmost.key);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/items/${opened}$`));
  });

  test("a malformed asOf or knownAt is said in words, as on the dashboard, and the graph shows today", async ({ page }) => {
    await signIn(page, "viewer");
    const dashboard = await page.goto(`${DEMO}?asOf=2024-13-45`);
    await expect(page.getByRole("alert").filter({ hasText: "Showing today" })).toContainText("As of: must be a date YYYY-MM-DD");
    for (const [query, field] of [["asOf=2024-13-45", "As of"], ["knownAt=yesterday", "Known at"]]) {
      const res = await page.goto(`${DEMO}/graph?${query}`);
      expect(res?.status()).toBe(dashboard?.status());
      const alert = page.getByRole("alert").filter({ hasText: "Showing today" });
      await expect(alert).toContainText(`${field}: must be a date YYYY-MM-DD`);
      await expect(page.getByTestId("as-of")).toHaveText(new Date().toISOString().slice(0, 10));
      await expect(page.locator(".react-flow__node").first()).toBeVisible({ timeout: 20_000 });
    }
    // The item page, which ignored it too, says it the same way.
    const item = await page.goto(`${DEMO}/items/FND-01?asOf=2024-02-30`);
    expect(item?.status()).toBe(dashboard?.status());
    await expect(page.getByRole("alert").filter({ hasText: "Showing today" })).toContainText("As of: must be a date YYYY-MM-DD");
    // And so does a claim's page.
    await page.goto(`${DEMO}/claims/boost-ga-2023-11?knownAt=2024-02-30`);
    await expect(page.getByRole("alert").filter({ hasText: "Showing today" })).toContainText("Known at: must be a date YYYY-MM-DD");
    await page.goto(`${DEMO}/graph?asOf=2024-06-30`);
    await expect(page.getByTestId("as-of")).toHaveText("2024-06-30");
    await expect(page.getByRole("alert").filter({ hasText: "Showing today" })).toHaveCount(0);
  });
});

test.describe("not found", () => {
  const programNav = (page: Page) => page.getByRole("navigation", { name: "Program" });

  for (const [what, path, words] of [
    ["a malformed week", `${DEMO}/reports/2024-W60`, "no report for that week"],
    ["a week not yet ended", `${DEMO}/reports/2099-W01`, "no report for that week"],
    ["a week before the program", `${DEMO}/reports/2001-W01`, "no report for that week"],
    ["a path below a week", `${DEMO}/reports/2024-W52/extra`, "no report for that week"],
    ["an unknown item", `${DEMO}/items/NOPE-99`, "no item or claim by that name"],
    ["an unknown claim", `${DEMO}/claims/no-such-claim`, "no item or claim by that name"],
  ] as const) {
    test(`${what} is a 404 inside the program's navigation`, async ({ page }) => {
      await signIn(page, "viewer");
      const res = await page.goto(path);
      expect(res?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
      await expect(page.getByText(words)).toBeVisible();
      await expect(programNav(page).getByRole("link", { name: "Reports" })).toBeVisible();
    });
  }

  test("a complete week's address opens that week's report, and a day of it redirects there", async ({ page }) => {
    await signIn(page, "viewer");
    const res = await page.goto(`${DEMO}/reports/2024-W52`);
    expect(res?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Weekly report — 2024-W52");
    await page.goto(`${DEMO}/reports/2024-12-23`);
    await expect(page).toHaveURL(/\/reports\/2024-W52$/);
  });
});
