import { expect, test } from "@playwright/test";
import { authHeaders } from "../support/api-client";
import { signIn } from "../support/sign-in";

const SLUG = "boost-offload";
const SUFFIX = " · Boost Offload Tracker";

// A tab says what the page shows and in which program, by the names people gave them.
test("program pages are titled by what they show and the program's name, never its slug", async ({ page, request }) => {
  const program = await (await request.get(`/api/programs/${SLUG}`, { headers: authHeaders("viewer") })).json();
  const item = await (await request.get(`/api/programs/${SLUG}/items/FND-01`, { headers: authHeaders("viewer") })).json();
  expect(program.name).toBeTruthy();
  expect(item.title).toBeTruthy();

  await signIn(page, "viewer", `/programs/${SLUG}`);
  await expect(page).toHaveTitle(`Dashboard · ${program.name}${SUFFIX}`);
  for (const [path, part] of [
    ["items", "Items"],
    ["claims", "Claims"],
    ["timeline", "Timeline"],
    ["reports", "Weekly reports"],
    ["reports/2025-W40", "Report 2025-W40"],
  ] as const) {
    await page.goto(`/programs/${SLUG}/${path}`);
    await expect(page).toHaveTitle(`${part} · ${program.name}${SUFFIX}`);
  }
  await page.goto(`/programs/${SLUG}/items/FND-01`);
  await expect(page).toHaveTitle(`FND-01 ${item.title} · ${program.name}${SUFFIX}`);
  expect(await page.title()).not.toContain(SLUG);
});

test("an address that names no program or item is titled as not found", async ({ page }) => {
  for (const path of [`/programs/${SLUG}/items/NOPE-99`, `/programs/${SLUG}/items/${"X".repeat(200)}`, "/programs/no-such-program"]) {
    if (path.includes("NOPE")) await signIn(page, "viewer", path);
    else await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page).toHaveTitle(`Not found${SUFFIX}`);
  }
});
