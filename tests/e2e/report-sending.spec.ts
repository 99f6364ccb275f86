/**
 * Sending published weeks, as an admin does it: subscriptions added on the settings page (e-mail
 * and webhooks; each webhook's secret read once from the page), 2024-W52 published from the
 * reports list, then a real local SMTP server receives one message per subscriber with the PDF
 * attached, and a local receiver that fails every first attempt gets the generic, Slack and Teams
 * payloads, validly signed, on the second; the delivery log on the page shows both attempts. The
 * Atom feed parses as Atom and lists the week; a wrong or rotated token is a 404.
 *
 * The app server must be given SMTP_URL, so this spec starts one of its own (tests/support/own-server.ts)
 * on REPORT_SENDING_PORT (default 3127).
 */
import fs from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAxeClean } from "../support/axe";
import { XMLParser } from "fast-xml-parser";
import { maskTarget } from "@/lib/delivery/mask-target";
import { webhookSignatureProblem } from "@/lib/delivery/webhook-signature";
import { SUBSCRIPTION_KIND_LABELS } from "@/lib/labels";
import type { SubscriptionKind } from "@/lib/validations/subscription-input";
import { startLocalSmtp, type LocalSmtp } from "../support/local-smtp";
import { headerParam, leaves, parseMime } from "../support/mime";
import { ownPort, OwnServer } from "../support/own-server";
import { signIn } from "../support/sign-in";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver";

const PORT = Number(process.env.REPORT_SENDING_PORT ?? ownPort(3127));
const SLUG = "boost-offload";

let server: OwnServer;
let smtp: LocalSmtp;
let receiver: WebhookReceiver;

test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);

test.beforeAll(async () => {
  smtp = await startLocalSmtp();
  receiver = await startWebhookReceiver({ failFirst: 1 });
  server = await OwnServer.start({
    port: PORT,
    env: { SMTP_URL: smtp.url(), SMTP_FROM: "Boost Offload Tracker <tracker@example.org>", DELIVERY_RETRY_BASE_MS: "500", DELIVERY_TIMEOUT_MS: "10000", WEBHOOK_PRIVATE_TARGETS: "allow" },
  });
});

test.afterAll(async () => {
  await server?.dispose();
  await Promise.all([smtp?.close(), receiver?.close()]);
});

async function adminPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.baseURL });
  const page = await context.newPage();
  await signIn(page, "admin");
  return page;
}

async function addSubscription(page: Page, kind: SubscriptionKind, target: string): Promise<string | null> {
  const form = page.getByRole("form", { name: "Add a subscription" });
  await form.getByLabel("Receives").selectOption({ label: SUBSCRIPTION_KIND_LABELS[kind] });
  await form.getByLabel("E-mail address or webhook URL").fill(target);
  await form.getByRole("button", { name: "Add subscription" }).click();
  // The answer names what was added (a webhook's URL masked): not the answer to the form before.
  await expect(form.getByRole("status")).toContainText(`: ${maskTarget(kind, target)}.`);
  const secret = form.getByTestId("subscription-secret");
  return (await secret.count()) > 0 ? secret.textContent() : null;
}

const secrets: Record<string, string> = {};

test("an admin subscribes two addresses and three webhooks, publishes 2024-W52, and every subscriber gets it", async ({ browser }) => {
  const page = await adminPage(browser);
  await page.goto(`/programs/${SLUG}/settings`);
  await expect(page.getByRole("heading", { name: "Sending published reports" })).toBeVisible();
  await expect(page.getByText("No subscription yet: published weeks are sent to nobody.")).toBeVisible();

  // A refusal says why in the form and keeps what was typed; nothing is added.
  const form = page.getByRole("form", { name: "Add a subscription" });
  await form.getByLabel("Receives").selectOption({ label: "Webhook (JSON)" });
  await form.getByLabel("E-mail address or webhook URL").fill("https://user:pass@hooks.example/x");
  await form.getByRole("button", { name: "Add subscription" }).click();
  await expect(form.getByRole("alert").first()).toContainText("must not hold a user name or password");
  await expect(form.getByLabel("E-mail address or webhook URL")).toHaveValue("https://user:pass@hooks.example/x");
  await expect(page.getByTestId("subscription")).toHaveCount(0);

  expect(await addSubscription(page, "email", "ops@example.org")).toBeNull();
  expect(await addSubscription(page, "email", "lead@example.org")).toBeNull();
  for (const [kind, path] of [
    ["webhook", "generic"],
    ["slack", "slack"],
    ["teams", "teams"],
  ] as const) {
    const secret = await addSubscription(page, kind, `${receiver.origin}/${path}`);
    expect(secret).toMatch(/^whsec_/);
    secrets[path] = secret!;
  }
  await page.reload();
  await expect(page.getByTestId("subscription")).toHaveCount(5);
  // The secret is never on the page again, and a webhook URL only masked.
  const content = await page.content();
  for (const s of Object.values(secrets)) expect(content).not.toContain(s);
  await expect(page.getByTestId("subscription").filter({ hasText: "Slack" })).toContainText(`${receiver.origin}/…lack`);

  // Preview the week in the browser, and publish it from there.
  await page.goto(`/programs/${SLUG}/reports?week=2024-W52`);
  await page.getByRole("link", { name: "Preview 2024-W52" }).click();
  await expect(page.getByTestId("report-stamp")).toContainText("Draft generated on", { timeout: 20_000 });
  await page.getByRole("button", { name: "Publish 2024-W52" }).click();
  await page.getByRole("button", { name: "Confirm: publish 2024-W52" }).click();
  await expect(page.getByTestId("report-stamp")).toContainText("Published version — published on", { timeout: 20_000 });

  // One message per subscriber, the PDF attached.
  await expect.poll(() => smtp.messages.length, { timeout: 60_000 }).toBe(2);
  expect(smtp.messages.map((m) => m.to[0]).sort()).toEqual(["lead@example.org", "ops@example.org"]);
  for (const m of smtp.messages) {
    const mail = parseMime(m.raw);
    expect(mail.headers.get("subject")).toBe("Boost offload program — weekly status 2024-W52");
    expect(mail.headers.get("from")).toContain("tracker@example.org");
    const parts = leaves(mail);
    expect(parts.find((p) => p.headers.get("content-type")?.startsWith("text/html"))!.body.toString("utf8")).toContain("Weekly report: Boost offload program — 2024-W52");
    expect(parts.find((p) => p.headers.get("content-type")?.startsWith("text/plain"))!.body.toString("utf8")).toContain("**Done (verified): 0 of 64 items**");
    const pdf = parts.find((p) => p.headers.get("content-type")?.startsWith("application/pdf"))!;
    expect(headerParam(pdf.headers.get("content-disposition"), "filename")).toBe("boost-offload-2024-W52.pdf");
    expect(pdf.body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  }

  // Each webhook: refused once (503), accepted on the retry; both attempts validly signed.
  for (const path of ["generic", "slack", "teams"]) {
    await expect.poll(() => receiver.on(`/${path}`).map((r) => r.status), { timeout: 30_000, message: path }).toEqual([503, 200]);
    for (const r of receiver.on(`/${path}`)) {
      const signed = { body: r.body, timestamp: r.headers["x-tracker-timestamp"] as string, signature: r.headers["x-tracker-signature"] as string };
      expect(webhookSignatureProblem(secrets[path]!, signed, Math.floor(Date.now() / 1000)), path).toBeNull();
    }
  }
  const generic = JSON.parse(receiver.on("/generic")[1]!.body);
  expect(generic).toMatchObject({ event: "report.published", program: { slug: SLUG }, week: "2024-W52", headline: { total: 64, done: 0 } });
  expect(generic.links.report).toBe(`${server.baseURL}/programs/${SLUG}/reports/2024-W52`);
  expect(JSON.parse(receiver.on("/slack")[1]!.body).text).toContain("Boost offload program — weekly status 2024-W52");
  expect(JSON.parse(receiver.on("/teams")[1]!.body).attachments[0].content.type).toBe("AdaptiveCard");

  // The delivery log on the week's page shows both attempts of each webhook, and the e-mails sent;
  // Settings keeps the same log over every week.
  await page.reload();
  const weekLog = page.getByRole("table", { name: "Delivery log of 2024-W52" });
  await expect(weekLog.getByTestId("delivery-status").filter({ hasText: "Delivered" })).toHaveCount(5);
  await expect(weekLog.getByRole("cell", { name: "Failed (HTTP 503)" })).toHaveCount(3);
  await expect(weekLog.getByRole("cell", { name: "Sent (HTTP 200)" })).toHaveCount(3);
  await page.goto(`/programs/${SLUG}/settings`);
  const log = page.getByRole("table", { name: "Delivery log" });
  await expect(log.getByTestId("delivery-status").filter({ hasText: "Delivered" })).toHaveCount(5);
  for (const target of [`${receiver.origin}/…eric`, `${receiver.origin}/…lack`, `${receiver.origin}/…eams`]) {
    const rows = log.locator("tbody tr").filter({ has: page.getByText(target) });
    await expect(rows).toHaveCount(1); // the first row of the delivery names it; the second row continues it
  }
  await expect(log.getByRole("row", { name: /2024-W52 .*Slack.* 1 .* Failed \(HTTP 503\) HTTP 503/ })).toHaveCount(1);
  await expect(log.getByRole("cell", { name: "Failed (HTTP 503)" })).toHaveCount(3);
  await expect(log.getByRole("cell", { name: "Sent (HTTP 200)" })).toHaveCount(3);
  await expect(log.getByRole("cell", { name: "Sent (SMTP 250)" })).toHaveCount(2);
  const html = await page.content();
  for (const s of Object.values(secrets)) expect(html).not.toContain(s);

  await expectAxeClean(page);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(log).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await page.context().close();
});

test("sending again: the published week goes out once more, and the log says so", async ({ browser }) => {
  const page = await adminPage(browser);
  await page.goto(`/programs/${SLUG}/settings`);
  const before = smtp.messages.length;
  const send = page.getByRole("form", { name: "Send a published week again" });
  await send.getByRole("button", { name: "Send 2024-W52 again" }).click();
  await expect(send.getByRole("status")).toHaveText("Sending 2024-W52 again to 5 subscriptions: reload to follow the attempts below.");
  await expect.poll(() => smtp.messages.length, { timeout: 60_000 }).toBe(before + 2);
  await expect
    .poll(
      async () => {
        await page.reload();
        return page.getByRole("table", { name: "Delivery log" }).getByText("sent again by admin@test.example").count();
      },
      { timeout: 30_000 },
    )
    .toBe(5);
  await page.context().close();
});

test("the Atom feed: an admin makes its address; it parses as Atom and lists 2024-W52; a wrong or rotated token is a 404", async ({ browser, request }) => {
  const page = await adminPage(browser);
  await page.goto(`/programs/${SLUG}/settings`);
  const feedForm = page.getByRole("form", { name: "Feed address" });
  await expect(feedForm).toContainText("The feed has no address yet");
  await feedForm.getByRole("button", { name: "Make a feed address" }).click();
  const url = (await feedForm.getByTestId("feed-url").textContent())!;
  expect(url).toMatch(new RegExp(`^${server.baseURL}/programs/${SLUG}/reports\\.atom\\?token=feed_`));

  // Read without any session, as a feed reader does.
  const res = await request.get(url);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", isArray: (n) => n === "entry" || n === "link" }).parse(await res.text());
  expect(doc.feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
  expect(doc.feed.entry).toHaveLength(1);
  expect(doc.feed.entry[0].title["#text"]).toBe("Boost offload program — weekly status 2024-W52");
  expect(doc.feed.entry[0].link[0]["@_href"]).toBe(`${server.baseURL}/programs/${SLUG}/reports/2024-W52`);
  expect(doc.feed.entry[0].summary["#text"]).toContain("0 of 64 items verified done");

  const wrong = url.replace(/token=feed_./, (m) => m.slice(0, -1) + (m.endsWith("A") ? "B" : "A"));
  for (const bad of [wrong, url.replace(/\?token=.*/, ""), url.replace(SLUG, "no-such-program"), `${url}x`]) {
    const r = await request.get(bad, { maxRedirects: 0 });
    expect(r.status(), bad).toBe(404);
  }

  // A new address stops the old one at once.
  await page.reload();
  await page.getByRole("form", { name: "Feed address" }).getByRole("button", { name: "Make a new feed address" }).click();
  const next = (await page.getByRole("form", { name: "Feed address" }).getByTestId("feed-url").textContent())!;
  expect(next).not.toBe(url);
  expect((await request.get(url)).status()).toBe(404);
  expect((await request.get(next)).status()).toBe(200);
  await page.context().close();
});

test("secrets never reach the API, the audit log or the bundle export", async ({ request }) => {
  const admin = { authorization: `Bearer ${server.tokens().admin}` };
  const texts = await Promise.all(
    [`/api/programs/${SLUG}/subscriptions`, `/api/programs/${SLUG}/deliveries?limit=500`, "/api/audit/log?limit=1000", `/api/programs/${SLUG}/bundle`].map(async (p) => {
      const r = await request.get(`${server.baseURL}${p}`, { headers: admin });
      expect(r.status(), p).toBe(200);
      return r.text();
    }),
  );
  for (const t of texts) for (const s of Object.values(secrets)) expect(t).not.toContain(s);
  expect(server.output).not.toMatch(/whsec_[A-Za-z0-9_-]{10}/);
  expect(server.output).not.toMatch(/feed_[A-Za-z0-9_-]{10}/);
  // Viewers see no subscription administration in the log at all.
  const viewerLog = await (await request.get(`${server.baseURL}/api/audit/log?program=${SLUG}&limit=1000`, { headers: { authorization: `Bearer ${server.tokens().viewer}` } })).json();
  expect(viewerLog.filter((e: { entity: string }) => e.entity === "subscription" || e.entity === "report-feed")).toEqual([]);
});

test("on an empty program the section says there is nothing yet", async ({ browser, request }) => {
  const bundle = JSON.parse(fs.readFileSync("tests/fixtures/empty-program.json", "utf8"));
  bundle.program.slug = `empty-send-${Date.now()}`;
  const res = await request.post(`${server.baseURL}/api/programs/import`, { headers: { authorization: `Bearer ${server.tokens().admin}` }, data: bundle });
  expect(res.status()).toBe(201);
  const page = await adminPage(browser);
  await page.goto(`/programs/${bundle.program.slug}/settings`);
  await expect(page.getByText("No subscription yet: published weeks are sent to nobody.")).toBeVisible();
  await expect(page.getByText("No week is published yet: only a published week is sent.")).toBeVisible();
  await expect(page.getByText(/^Nothing sent yet/)).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await page.context().close();
});
