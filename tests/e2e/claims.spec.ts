import { expect, test } from "@playwright/test";
import { VERDICT_LETTERS } from "../../lib/charts/verdict-marks";
import type { Verdict } from "../../lib/claims/claim-verdict";
import { authHeaders } from "../support/api-client";
import { signIn } from "../support/sign-in";
import { smallBundle } from "../support/small-bundle";

test("every demo claim shows the verdict the rules give", async ({ page }) => {
  await signIn(page, "viewer");
  const api = await (await page.request.get("/api/programs/boost-offload/claims")).json();
  await page.goto("/programs/boost-offload/claims");
  await expect(page.getByTestId("method")).toContainText("not that the claim was false");
  for (const c of api.filter((x: { id: string }) => !x.id.startsWith("e2e-"))) {
    const card = page.getByTestId(`claim-${c.id}`);
    await expect(card.getByTestId("verdict-at-claim-date")).toHaveText(c.verdictAtClaimDate.replace("_", " "));
    await expect(card.getByTestId("verdict-known-then")).toHaveText(c.verdictKnownThen.replace("_", " "));
    if (c.date < "2025-01-01") expect(["contradicted", "unsupported"]).toContain(c.verdictAtClaimDate);
  }
  // The burn-up above the list keys its lettered diamonds: each verdict it shows, in words beside its letter.
  const legend = page.getByRole("list", { name: "Claims by verdict on their date" });
  await expect(legend.getByRole("listitem").first()).toBeVisible();
  const entries = await legend.getByRole("listitem").allTextContents();
  const said = api.map((c: { verdictAtClaimDate: string }) => c.verdictAtClaimDate);
  for (const entry of entries) {
    const [letter, ...words] = entry.trim().split(/\s+/);
    const verdict = words.join("_") as Verdict;
    expect(said, entry).toContain(verdict);
    expect(letter, entry).toBe(VERDICT_LETTERS[verdict]);
  }
});

test("an admin adds a claim linked to three items; verifying an item moves verdictAsOf and the verdict history", async ({ page, request }) => {
  const id = `e2e-${Date.now()}`;
  await signIn(page, "admin", "/programs/boost-offload/claims");
  await page.getByText("Add a claim").click();
  const form = page.getByRole("form", { name: "Add a claim" });
  await form.getByLabel("Claim id").fill(id);
  await form.getByLabel("Date", { exact: true }).fill("2026-01-15");
  await form.getByLabel("Speaker").fill("A keynote speaker");
  await form.getByLabel("Short quote").fill("Tracing, logging and the key-value store all run on the card");
  await form.getByLabel("Source URL").fill("https://example.com/keynote");
  // VML-08, SEC-08 and BMT-07 have not started in the demo.
  for (const [i, key] of ["VML-08", "SEC-08", "BMT-07"].entries()) {
    await form.getByLabel(`Link ${i + 1} item`).selectOption(key);
    await form.getByLabel(`Link ${i + 1} implied status`).selectOption("design");
  }
  await form.getByRole("button", { name: "Add claim" }).click();
  await expect(form.getByRole("status")).toContainText(`Claim "${id}" recorded`);

  const card = page.getByTestId(`claim-${id}`);
  await expect(card.getByTestId("verdict-at-claim-date")).toHaveText("contradicted");
  await expect(card.getByTestId("verdict-as-of")).toHaveText("contradicted");

  // An owner reports VML-08 in design and a reviewer verifies it (through the API).
  const t = await request.post("/api/programs/boost-offload/items/VML-08/transitions", {
    headers: authHeaders("contributor"),
    data: { to: "design", note: "design started" },
  });
  expect(t.status()).toBe(201);
  const v = await request.post(`/api/programs/boost-offload/transitions/${(await t.json()).id}/verify`, { headers: authHeaders("reviewer"), data: {} });
  expect(v.status()).toBe(201);

  await page.reload();
  await expect(card.getByTestId("verdict-at-claim-date")).toHaveText("contradicted");
  await expect(card.getByTestId("verdict-as-of")).toHaveText("partly supported");
  await card.getByRole("link", { name: "verdict history" }).click();
  const history = page.getByRole("list", { name: "Verdict history" });
  await expect(history.getByRole("listitem")).toHaveCount(2);
  await expect(history.getByRole("listitem").first()).toContainText("2026-01-15");
  await expect(history.getByRole("listitem").last()).toContainText("partly supported");
  await expect(page.getByTestId("first-supported")).toContainText("Never fully supported up to");

  const review = await request.get(`/api/programs/boost-offload/claims/${id}/claimreview`, { headers: authHeaders("viewer") });
  expect(review.status()).toBe(200);
  expect((await review.json()).reviewRating).toMatchObject({ ratingValue: 1, alternateName: "Contradicted" });
});

test("a claim with an unknown status or a future date is refused in words", async ({ page }) => {
  await signIn(page, "admin", "/programs/boost-offload/claims");
  await page.getByText("Add a claim").click();
  const form = page.getByRole("form", { name: "Add a claim" });
  await form.getByLabel("Claim id").fill(`future-${Date.now()}`);
  await form.getByLabel("Date", { exact: true }).fill("2099-01-01");
  await form.getByLabel("Speaker").fill("Someone");
  await form.getByLabel("Short quote").fill("Soon");
  await form.getByLabel("Source URL").fill("https://example.com/");
  await form.getByRole("button", { name: "Add claim" }).click();
  await expect(form.getByRole("alert")).toHaveText("Not saved. Date: must not be in the future.");
});

test("outside events beside the claims chart show their source, or say that none was recorded", async ({ page, request }) => {
  const slug = `events-${Date.now()}`;
  const bundle = {
    ...smallBundle(slug),
    claims: [{ id: "said", date: "2024-06-01", speaker: "A speaker", quote: "A is done", url: "https://example.com/talk", links: [{ item: "A", requires: "done" }] }],
    events: [
      { date: "2024-03-01", title: "A supplier ships the card", url: "https://news.example.org/card" },
      { date: "2024-05-01", title: "A rumour about the card", url: null },
    ],
  };
  expect((await request.post("/api/programs/import", { headers: authHeaders("admin"), data: bundle })).status()).toBe(201);
  await signIn(page, "viewer", `/programs/${slug}/claims`);
  const events = page.getByRole("list", { name: /^Outside events, for context/ }).getByRole("listitem");
  await expect(events).toHaveText(["2024-03-01 A supplier ships the card · news.example.org", "2024-05-01 A rumour about the card · no source recorded"]);
  await expect(events.first().getByRole("link", { name: "news.example.org" })).toHaveAttribute("href", "https://news.example.org/card");
});
