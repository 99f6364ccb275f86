import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectAxeClean } from "../support/axe";
import { STATUS_LABELS } from "@/lib/labels";
import type { Status } from "@/lib/status";
import { authHeaders } from "../support/api-client";
import { signIn } from "../support/sign-in";

const GRAPH = "/programs/boost-offload/graph";

interface ApiItem {
  key: string;
  title: string;
  area: string;
  ownerName: string | null;
  dependsOn: string[];
  trueStatus: Status;
  reportedStatus: Status;
}

async function demoItems(request: APIRequestContext): Promise<ApiItem[]> {
  const res = await request.get("/api/programs/boost-offload/items", { headers: authHeaders("viewer") });
  expect(res.status()).toBe(200);
  return res.json();
}

const node = (page: Page, key: string) => page.locator(`.react-flow__node[data-id="${key}"]`);

async function openGraph(page: Page) {
  await signIn(page, "viewer", GRAPH);
  await expect(node(page, "FND-01")).toBeVisible({ timeout: 20_000 });
}

/** The smallest text on screen among the nodes in view: font size times the viewport's zoom. */
async function smallestVisibleText(page: Page) {
  return page.evaluate(() => {
    const viewport = document.querySelector<HTMLElement>(".react-flow__viewport")!;
    const scale = new DOMMatrix(getComputedStyle(viewport).transform).a;
    const pane = document.querySelector('[data-testid="graph"]')!.getBoundingClientRect();
    let smallest = Infinity;
    let texts = 0;
    for (const el of document.querySelectorAll<HTMLElement>(".react-flow__node *")) {
      const hasText = [...el.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && c.textContent!.trim() !== "");
      const box = el.getBoundingClientRect();
      const inView = box.right > pane.left && box.left < pane.right && box.bottom > pane.top && box.top < pane.bottom;
      if (!hasText || !inView) continue;
      texts++;
      smallest = Math.min(smallest, parseFloat(getComputedStyle(el).fontSize) * scale);
    }
    return { smallest, texts, scale };
  });
}

/** Whether the node lies inside the graph's box (which clips what is panned away). */
async function inPane(page: Page, key: string) {
  return page.evaluate((key) => {
    const pane = document.querySelector('[data-testid="graph"]')!.getBoundingClientRect();
    const box = document.querySelector(`.react-flow__node[data-id="${key}"]`)!.getBoundingClientRect();
    return box.left >= pane.left && box.right <= pane.right && box.top >= pane.top && box.bottom <= pane.bottom;
  }, key);
}

/** Keys of the nodes drawn at full strength, and of those faded back, by their computed opacity. */
async function visibility(page: Page) {
  return page.evaluate(() => {
    const lit: string[] = [];
    const faded: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(".react-flow__node")) {
      const body = el.firstElementChild as HTMLElement;
      (Number(getComputedStyle(body).opacity) >= 0.99 ? lit : Number(getComputedStyle(body).opacity) <= 0.3 ? faded : []).push(el.dataset.id!);
    }
    return { lit: lit.sort(), faded: faded.sort() };
  });
}

function closure(items: ApiItem[], start: string, next: (key: string) => string[]): string[] {
  const seen = new Set<string>();
  const todo = next(start);
  while (todo.length) {
    const k = todo.pop()!;
    if (!seen.has(k)) {
      seen.add(k);
      todo.push(...next(k));
    }
  }
  return [...seen];
}

test("the graph opens readable: labels of at least 11 px on screen, areas as rows, edges from right to left sides", async ({ page }, testInfo) => {
  await openGraph(page);
  const text = await smallestVisibleText(page);
  expect(text.texts).toBeGreaterThan(20);
  expect(text.smallest).toBeGreaterThanOrEqual(11);

  await expect(node(page, "FND-01")).toContainText("FND-01");
  await expect(node(page, "FND-01")).toContainText("Node key-value store");

  // The areas others wait on come first: Foundations above Storage, and Storage says what it waits on.
  await expect(page.locator("p", { hasText: /^Foundations · 10 items/ })).toBeVisible();
  await expect(page.locator("p", { hasText: /^Storage · 8 items · waits on Foundations/ })).toHaveCount(1);
  const top = async (key: string) => (await node(page, key).boundingBox())!.y;
  expect(await top("FND-09")).toBeLessThan(await top("STO-01"));

  // An edge leaves its dependency on the right side and enters the dependent on the left.
  const ends = await page.evaluate(() => {
    const at = (key: string) => {
      const el = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${key}"]`)!;
      const m = new DOMMatrix(getComputedStyle(el).transform);
      return { x: m.e, y: m.f, width: el.offsetWidth, height: el.offsetHeight };
    };
    const d = document.querySelector('.react-flow__edge[data-id="FND-09->FND-01"] path')!.getAttribute("d")!;
    const numbers = d.match(/-?\d+(\.\d+)?/g)!.map(Number);
    return { from: at("FND-09"), to: at("FND-01"), start: numbers.slice(0, 2), end: numbers.slice(-2) };
  });
  expect(Math.abs(ends.start[0]! - (ends.from.x + ends.from.width))).toBeLessThanOrEqual(12);
  expect(Math.abs(ends.end[0]! - ends.to.x)).toBeLessThanOrEqual(12);

  await page.screenshot({ path: testInfo.outputPath("graph-1280.png") });
});

test("the legend names every status and mark in words, and each node says its true status", async ({ page, request }) => {
  await openGraph(page);
  const legend = page.getByRole("list", { name: "Legend" });
  for (const label of Object.values(STATUS_LABELS)) await expect(legend).toContainText(label);
  await expect(legend).toContainText("on the critical path");
  await expect(legend).toContainText("reported above the verified status");
  const fnd01 = (await demoItems(request)).find((i) => i.key === "FND-01")!;
  await expect(node(page, "FND-01")).toContainText(STATUS_LABELS[fnd01.trueStatus]);
});

test("hovering or focusing an item shows its card: title, owner, true and reported status, estimate, what it waits on", async ({ page, request }, testInfo) => {
  const items = await demoItems(request);
  const status = new Map(items.map((i) => [i.key, i.trueStatus]));
  const unfinished = (i: ApiItem) => i.dependsOn.filter((d) => status.get(d) !== "done");
  // An owned item, reported above its true status and waiting on something: every line of the card at once.
  const item = items.find((i) => i.ownerName && i.reportedStatus !== i.trueStatus && unfinished(i).length > 0)!;
  expect(item).toBeDefined();
  await openGraph(page);
  // Picking it from the list brings it into view; clearing the list leaves the view there, with no card.
  const list = page.getByLabel("Item", { exact: true });
  await list.selectOption(item.key);
  await expect.poll(() => inPane(page, item.key)).toBe(true);
  await list.selectOption("");
  const card = page.getByTestId("item-card");
  await expect(card).toHaveCount(0);

  await node(page, item.key).hover();
  await expect(card).toContainText(`${item.key} · ${item.title}`);
  await expect(card).toContainText(`Owner${item.ownerName}`);
  await expect(card).toContainText(`True status${STATUS_LABELS[item.trueStatus]}`);
  await expect(card).toContainText(`Reported status${STATUS_LABELS[item.reportedStatus]}`);
  await expect(card).toContainText(/Estimate\d+(\.\d)? wk/);
  await expect(card).toContainText(`Waits on${unfinished(item)[0]}`);
  // The card fits its column: nothing pushes the page sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  await page.screenshot({ path: testInfo.outputPath("graph-card-1280.png") });
  await page.mouse.move(1, 1);
  await expect(card).toHaveCount(0);

  // Keyboard: focus reaches the nodes and shows the card; the next Tab moves to the next item.
  await node(page, "FND-09").focus();
  await expect(card).toContainText("FND-09 · ");
  await page.keyboard.press("Tab");
  await expect(card).not.toContainText("FND-09 · ");
  await expect(page.locator(".react-flow__node:focus")).toHaveCount(1);

  await expectAxeClean(page);
});

test("Enter on a focused item and double-click open it; a click selects it and its card links to it", async ({ page }) => {
  await openGraph(page);
  await node(page, "FND-01").click();
  await expect(page.getByLabel("Item", { exact: true })).toHaveValue("FND-01");
  await page.mouse.move(1, 1);
  await page.getByRole("link", { name: "Open FND-01 →" }).click();
  await expect(page).toHaveURL(/\/programs\/boost-offload\/items\/FND-01$/);

  await page.goto(GRAPH);
  await node(page, "FND-02").focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/programs\/boost-offload\/items\/FND-02$/);
});

test("focusing the critical path fades every other item and says the path in words", async ({ page, request }, testInfo) => {
  const res = await request.get("/api/programs/boost-offload/readiness", { headers: authHeaders("viewer") });
  const { criticalPath } = (await res.json()) as { criticalPath: { keys: string[] } };
  expect(criticalPath.keys.length).toBeGreaterThan(1);
  await openGraph(page);

  await page.getByRole("button", { name: "Critical path" }).click();
  await expect(page.getByRole("button", { name: "Critical path" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("graph-focus")).toContainText(criticalPath.keys.join(" → "));
  await expect.poll(async () => (await visibility(page)).lit).toEqual([...criticalPath.keys].sort());
  // The fade is a transition: an item halfway through it is neither lit nor faded yet.
  await expect.poll(async () => (await visibility(page)).faded.length).toBe(64 - criticalPath.keys.length);
  // The view eases to the path over 250 ms: read mid-way, the zoom is still a hair under its end.
  await expect.poll(async () => (await smallestVisibleText(page)).scale).toBeGreaterThanOrEqual(1);
  await page.screenshot({ path: testInfo.outputPath("graph-critical-1280.png") });

  await page.getByRole("button", { name: "Everything" }).click();
  await expect.poll(async () => (await visibility(page)).lit).toHaveLength(64);
});

test("focusing an item's ancestors, then its descendants, shows exactly those items", async ({ page, request }) => {
  const items = await demoItems(request);
  const deps = new Map(items.map((i) => [i.key, i.dependsOn]));
  const dependents = (key: string) => items.filter((i) => i.dependsOn.includes(key)).map((i) => i.key);
  const key = "STO-02";
  const ancestors = closure(items, key, (k) => [...(deps.get(k) ?? [])]);
  const descendants = closure(items, key, dependents);
  expect(ancestors.length).toBeGreaterThan(0);
  expect(descendants.length).toBeGreaterThan(0);

  await openGraph(page);
  await expect(page.getByRole("button", { name: "What it depends on" })).toBeDisabled();
  await page.getByLabel("Item", { exact: true }).selectOption(key);

  await page.getByRole("button", { name: "What it depends on" }).click();
  await expect(page.getByTestId("graph-focus")).toContainText(`${key} depends on ${ancestors.length} items`);
  await expect.poll(async () => (await visibility(page)).lit).toEqual([key, ...ancestors].sort());
  expect(await inPane(page, key)).toBe(true);

  await page.getByRole("button", { name: "What depends on it" }).click();
  await expect(page.getByTestId("graph-focus")).toContainText(`${descendants.length} items depend on ${key}`);
  await expect.poll(async () => (await visibility(page)).lit).toEqual([key, ...descendants].sort());

  // The view is in the URL: a reload (or a shared link) opens on the same focus, the item in sight.
  await expect(page).toHaveURL(new RegExp(`item=${key}&focus=descendants`));
  await page.reload();
  await expect(node(page, key)).toBeAttached({ timeout: 20_000 });
  await expect(page.getByRole("button", { name: "What depends on it" })).toHaveAttribute("aria-pressed", "true");
  await expect.poll(async () => (await visibility(page)).lit).toEqual([key, ...descendants].sort());
  await expect.poll(() => inPane(page, key)).toBe(true);
});

test("the minimap draws every item and moves the view when clicked", async ({ page }) => {
  await openGraph(page);
  const minimap = page.locator(".react-flow__minimap");
  await expect(minimap).toBeVisible();
  await expect(minimap.locator(".react-flow__minimap-node")).toHaveCount(64);
  const transform = () => page.locator(".react-flow__viewport").evaluate((el) => getComputedStyle(el).transform);
  const before = await transform();
  expect(await inPane(page, "FND-09")).toBe(true);
  const box = (await minimap.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height - 10);
  await expect.poll(transform).not.toBe(before);
  // The view went to the bottom of the graph, where the last areas are, away from the first item.
  await expect.poll(() => inPane(page, "FND-09")).toBe(false);
});

test("at 390 px the page does not scroll sideways and the graph is still readable", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openGraph(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  expect((await smallestVisibleText(page)).smallest).toBeGreaterThanOrEqual(11);
  await node(page, "FND-09").click();
  await expect(page.getByTestId("item-card")).toContainText("FND-09 · ");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: testInfo.outputPath("graph-390.png"), fullPage: true });
});

test("a program without items says so instead of drawing an empty graph", async ({ page, request }) => {
  const slug = `empty-${Date.now()}`;
  const res = await request.post("/api/programs/import", {
    headers: authHeaders("admin"),
    data: { format: "offload-tracker/v1", program: { slug, name: "Empty program" }, items: [] },
  });
  expect(res.status()).toBe(201);
  await signIn(page, "viewer", `/programs/${slug}/graph`);
  await expect(page.getByRole("heading", { name: "Dependency graph" })).toBeVisible();
  await expect(page.getByText("This program has no work items yet, so there is no dependency graph to draw.")).toBeVisible();
  await expect(page.locator(".react-flow")).toHaveCount(0);
});

test("on a touch screen the graph says to tap an item, and keeps its keyboard help for screens with a keyboard", async ({ page, browser, baseURL }) => {
  await signIn(page, "viewer");
  const touch = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  await touch.addCookies(await page.context().cookies());
  const phone = await touch.newPage();
  await phone.goto(`${GRAPH}?asOf=2024-12-31`);
  await expect(phone.getByText("Tap an item to see its owner")).toBeVisible();
  await expect(phone.getByTestId("graph-keys")).toBeHidden();
  await touch.close();

  await page.goto(`${GRAPH}?asOf=2024-12-31`);
  await expect(page.getByTestId("graph-keys")).toBeVisible();
  await expect(page.getByText("Tap an item to see its owner")).toBeHidden();
});
