import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { VERDICT_LETTERS } from "../../lib/charts/verdict-marks";
import { VERDICTS, type Verdict } from "../../lib/claims/claim-verdict";
import { signIn } from "../support/sign-in";
import { NODE, trackerArgs } from "../support/tsx-command";

test("health answers without credentials", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ ok: true });
});

test("a fresh database serves the demo program's dashboard with 64 items", async ({ page }) => {
  await signIn(page, "viewer");
  await page.getByRole("link", { name: "Boost offload program" }).click();
  await expect(page).toHaveURL(/\/programs\/boost-offload$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("total-items")).toHaveText("64");
  await expect(page.getByText("Demo program — an illustrative reconstruction.")).toBeVisible();

  const table = page.getByRole("table", { name: "Items per status" });
  const trueCounts = await table.locator("tbody tr td:nth-child(2)").allInnerTexts();
  const reportedCounts = await table.locator("tbody tr td:nth-child(3)").allInnerTexts();
  expect(trueCounts.map(Number).reduce((a, b) => a + b, 0)).toBe(64);
  expect(reportedCounts.map(Number).reduce((a, b) => a + b, 0)).toBe(64);
});

test("the burn-up letters each claim diamond by its verdict, counts a group, and names the verdicts it shows in a legend", async ({ page }) => {
  await signIn(page, "viewer", "/programs/boost-offload?asOf=2024-12-31");
  const burnup = page.getByRole("region", { name: "Burn-up: verified against reported" });
  const markers = burnup.getByRole("img", { name: /^Public claim/ });
  await expect(markers.first()).toBeVisible();
  const res = await page.request.get("/api/programs/boost-offload/claims?asOf=2024-12-31");
  const made = ((await res.json()) as { date: string; verdictAtClaimDate: Verdict }[]).filter((c) => c.date <= "2024-12-31");
  const drawn: Verdict[] = [];
  for (const marker of await markers.all()) {
    const label = (await marker.getAttribute("aria-label"))!;
    // One verdict in words per claim the diamond stands for ("… Microsoft Azure: contradicted").
    const named = [...label.matchAll(/: ([a-z ]+)(?=;|$)/g)].map((m) => m[1]!.replace(/ /g, "_"));
    const letter = await marker.locator(".claim-marker-letter").textContent();
    const verdict = VERDICTS.find((v) => VERDICT_LETTERS[v] === letter);
    expect(verdict, `${label}: letter ${letter}`).toBeDefined();
    expect(named, label).toContain(verdict);
    drawn.push(verdict!);
    // Claims too close together to draw apart share a diamond that says how many it holds.
    if (named.length > 1) await expect(marker.locator(".claim-marker-count")).toHaveText(String(named.length));
    else await expect(marker.locator(".claim-marker-count")).toHaveCount(0);
  }
  // The legend names, in words beside their letters, exactly the verdicts the diamonds show, in the scale's order.
  const shown = VERDICTS.filter((v) => drawn.includes(v));
  await expect(burnup.getByText("Claims by verdict on their date:")).toBeVisible();
  const legend = burnup.getByRole("list", { name: "Claims by verdict on their date" });
  await expect(legend.getByRole("listitem")).toHaveText(shown.map((v) => `${VERDICT_LETTERS[v]} ${v.replace(/_/g, " ")}`));
  for (const v of shown) expect(made.map((c) => c.verdictAtClaimDate)).toContain(v);
  // Before 2025 the demo's claims were contradicted or unsupported on their date.
  expect(shown.length).toBeGreaterThan(0);
  for (const v of shown) expect(["unsupported", "contradicted"]).toContain(v);
});

test("the items table lists every item with true and reported status", async ({ page }) => {
  await signIn(page, "viewer", "/programs/boost-offload");
  await page.getByRole("navigation", { name: "Program" }).getByRole("link", { name: "Items" }).click();
  await expect(page.getByRole("heading", { name: "Items (64)" })).toBeVisible();
  await expect(page.locator("tbody tr")).toHaveCount(64);
  await expect(page.getByRole("columnheader", { name: "True status" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Reported status" })).toBeVisible();
  await expect(page.getByText("unowned").first()).toBeVisible();
});

test("on a phone each item is a card with its true and reported status in view, and the demo's account folds under one line", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "viewer", "/programs/boost-offload/items");
  await expect(page.getByRole("heading", { name: "Items (64)" })).toBeVisible();
  const demo = page.getByRole("complementary", { name: "About this demo" });
  const account = demo.getByText("From the public account");
  await expect(account.filter({ visible: true })).toHaveCount(0);
  await demo.getByText("What comes from where").click();
  await expect(account.filter({ visible: true })).toHaveCount(1);
  const card = page.getByRole("row").filter({ hasText: "FND-01" });
  await card.scrollIntoViewIfNeeded();
  for (const label of ["true", "reported"]) {
    const box = (await card.getByText(label, { exact: true }).boundingBox())!;
    expect(box.x + box.width, label).toBeLessThanOrEqual(390);
  }
  // Every part of the card, both status badges included, ends within the screen.
  expect(await card.evaluate((row) => [...row.querySelectorAll("*")].filter((el) => el.getBoundingClientRect().right > 390.5).length)).toBe(0);
  // Nothing in the list scrolls sideways either.
  const list = page.getByRole("table", { name: "Items" });
  expect(await list.evaluate((t) => t.parentElement!.scrollWidth - t.parentElement!.clientWidth)).toBe(0);
});

test("on a phone no date on the dashboard breaks across lines: the headline, its cards and the date chips", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "viewer", "/programs/boost-offload");
  await expect(page.getByTestId("headline-sentence")).toBeVisible();
  const broken = await page.evaluate(() => {
    const dates: string[] = [];
    const walker = document.createTreeWalker(document.querySelector("main")!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.textContent!.matchAll(/\d{4}-\d\d-\d\d/g)) {
        const range = document.createRange();
        range.setStart(node, m.index!);
        range.setEnd(node, m.index! + 10);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) dates.push(`${m[0]} in "${node.parentElement!.closest("[data-testid], nav, p")?.textContent?.slice(0, 60)}"`);
      }
    }
    return dates;
  });
  expect(broken).toEqual([]);
});

test("an empty program shows a clear empty state", async ({ page }) => {
  execFileSync(NODE, trackerArgs(["import", "tests/fixtures/empty-program.json"]), {
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL },
  });
  await signIn(page, "viewer", "/programs/empty-program");
  await expect(page.getByTestId("total-items")).toHaveText("0");
  await expect(page.getByText("This program has no work items yet.")).toBeVisible();
  // It says where items come from, and the way there is a link.
  await expect(page.getByText("An admin adds them on the Items page (“Add an item”) or through the API")).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: "Items page" }).click();
  await expect(page.getByRole("heading", { name: "Items (0)" })).toBeVisible();
});

test("an unknown program is a 404 page that says so and keeps the site's navigation", async ({ page }) => {
  await signIn(page, "viewer");
  const res = await page.goto("/programs/no-such-program");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not found");
  await expect(page.getByText("Nothing is here. The address may be mistyped, or the program was never imported.")).toBeVisible();
  // The way on is the header, as on every page: its links and who is signed in.
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Programs" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Rules" })).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  await nav.getByRole("link", { name: "Programs" }).click();
  await expect(page).toHaveURL(/\/$/);
});
