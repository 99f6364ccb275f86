import { expect, test } from "@playwright/test";
import { signIn } from "../support/sign-in";

// The budget: the dashboard's first-load JavaScript under 200 kB compressed. A size, not a
// time, so it is stable enough to assert; the figure goes into the run's output folder.
test("the dashboard's first-load JavaScript stays under 200 kB compressed", async ({ page }, testInfo) => {
  await signIn(page, "viewer");
  const scripts: { url: string; bytes: number }[] = [];
  page.on("requestfinished", async (request) => {
    if (request.resourceType() !== "script") return;
    const sizes = await request.sizes();
    scripts.push({ url: request.url(), bytes: sizes.responseBodySize });
  });
  await page.goto("/programs/boost-offload", { waitUntil: "networkidle" });
  await expect(page.getByTestId("headline-done")).toBeVisible();
  const total = scripts.reduce((n, s) => n + s.bytes, 0);
  await testInfo.attach("first-load-js.json", {
    body: JSON.stringify({ totalBytes: total, kB: Math.round(total / 1024), scripts }, null, 2),
    contentType: "application/json",
  });
  console.log(`dashboard first-load JS: ${(total / 1024).toFixed(1)} kB compressed in ${scripts.length} files`);
  expect(scripts.length).toBeGreaterThan(0);
  expect(total).toBeLessThan(200 * 1024);
});
