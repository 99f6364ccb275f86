/**
 * PDF reports under load, over HTTP: the server runs a Chromium per print, at most two at once,
 * refuses past a short queue with 503 and Retry-After, leaves no Chromium behind, and keeps each
 * week's PDF until the log head moves.
 */
import { expect, test } from "@playwright/test";
import { smallBundle } from "../support/small-bundle";
import { countServerChromium, watchServerChromium } from "../support/server-chromium";
import { call } from "../support/api-client";

const DEMO = "/api/programs/boost-offload/reports";
// A print is about 6 processes (the headless shell: browser, zygotes, GPU, network and a renderer),
// plus children caught between fork and exec: two prints at once stay within this, while an
// unbounded burst passes it. Prints at once are counted exactly in tests/db/pdf-printer.test.ts;
// this counts what holds memory.
const MAX_CHROMIUM_PROCESSES = 16;

test("20 parallel PDF requests by a viewer: at most 2 Chromiums print at once, and none is left afterwards", async ({ request }) => {
  test.setTimeout(180_000);
  // Weeks no other test asks for, on both papers: 20 different files, none cached yet.
  const paths = Array.from({ length: 10 }, (_, i) => `${DEMO}/2024-W${String(21 + i).padStart(2, "0")}.pdf`).flatMap((p) => [p, `${p}?paper=letter`]);
  const watch = watchServerChromium();
  const responses = await Promise.all(paths.map((p) => call(request, "viewer", "GET", p)));
  const seen = watch.stop();

  const statuses = responses.map((r) => r.status());
  test.info().annotations.push({ type: "answers", description: statuses.join(" ") }, { type: "chromium (max)", description: JSON.stringify(seen) });
  for (const res of responses) {
    if (res.status() === 200) {
      expect(res.headers()["content-type"]).toBe("application/pdf");
      expect((await res.body()).subarray(0, 5).toString()).toBe("%PDF-");
    } else {
      expect(res.status(), await res.text()).toBe(503);
      expect(res.headers()["content-type"]).toContain("application/problem+json");
      expect(Number(res.headers()["retry-after"])).toBeGreaterThan(0);
    }
  }
  expect(statuses).toContain(200);
  expect(seen.browsers, "Chromium browser processes at once").toBeLessThanOrEqual(2);
  expect(seen.total, "Chromium processes at once").toBeLessThanOrEqual(MAX_CHROMIUM_PROCESSES);
  await expect.poll(() => countServerChromium().total, { message: "Chromium processes after the answers" }).toBe(0);
});

test("a second request for the same week and paper is served from the cache; a write prints it anew", async ({ request }) => {
  const path = `${DEMO}/2024-W31.pdf?paper=letter`;
  const first = await call(request, "viewer", "GET", path);
  expect(first.status(), await first.text()).toBe(200);
  const second = await call(request, "viewer", "GET", path);
  expect(second.status()).toBe(200);
  expect(second.headers()["x-cache"]).toBe("hit");
  expect((await second.body()).equals(await first.body())).toBe(true);
  // The other paper is another file.
  expect((await call(request, "viewer", "GET", `${DEMO}/2024-W31.pdf`)).headers()["x-cache"]).not.toBe("hit");

  // Any write moves the log head, as it does for the Markdown: the PDF is printed again.
  const imported = await call(request, "admin", "POST", "/api/programs/import", smallBundle(`pdf-cache-${Date.now().toString(36)}`));
  expect(imported.status(), await imported.text()).toBe(201);
  const after = await call(request, "viewer", "GET", path);
  expect(after.status()).toBe(200);
  expect(after.headers()["x-cache"]).toBe("miss");
});
