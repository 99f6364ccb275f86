/**
 * Sending published weeks: e-mail through a real local SMTP server (smtp-server), webhooks to a
 * local receiver that fails each first attempt — recipients, subject, HTML body, the PDF attached,
 * the three payload formats signed with each subscription's secret, every attempt recorded;
 * nothing sent for an unpublished week; a failed delivery leaves the publication intact; a
 * delivery cut short is taken up again; secrets never reach the log, the bundle export or a listing.
 */
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendPublishedReport } from "@/db/delivery/send-published-report";
import { resumeDeliveries } from "@/db/delivery/resume-deliveries";
import { queueReportDeliveries } from "@/db/delivery/queue-deliveries";
import type { DeliveryContext } from "@/db/delivery/run-deliveries";
import { webhookFetch } from "@/db/delivery/webhook-target";
import { exportBundle } from "@/db/export-bundle";
import { importBundle } from "@/db/import-bundle";
import { openDatabase, type Db } from "@/db/index";
import { addSubscription, removeSubscription, setSubscriptionEnabled } from "@/db/mutations/manage-subscriptions";
import { publishReport } from "@/db/mutations/publish-report";
import { rotateFeedToken, turnOffFeed } from "@/db/mutations/rotate-feed-token";
import { getReportFeed } from "@/db/queries/get-report-feed";
import { listDeliveries } from "@/db/queries/list-deliveries";
import { listLogEntries } from "@/db/queries/list-log-entries";
import { listSubscriptions } from "@/db/queries/list-subscriptions";
import { reportDeliveries } from "@/db/schema";
import { verifyLog } from "@/db/verify-log";
import { webhookSignatureProblem } from "@/lib/delivery/webhook-signature";
import { startLocalSmtp, type LocalSmtp } from "../support/local-smtp";
import { headerParam, leaves, parseMime } from "../support/mime";
import { refusal } from "../support/refusal";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver";

const SLUG = "send-test";
const ORIGIN = "https://tracker.example.org";
const SMTP_USER = "mailer";
const SMTP_PASS = "smtp-Pa55word-never-shown";

function bundle(slug = SLUG) {
  const item = (key: string, dependsOn: string[] = []) => ({ key, title: `Item ${key}`, area: "Core", owner: "alice@example.com", estimateWeeks: 2, identifiedAt: "2024-01-01", dependsOn });
  return {
    format: "offload-tracker/v1",
    program: { slug, name: "Sending test" },
    people: [{ email: "alice@example.com", name: "Alice", team: "Core" }],
    items: [item("A"), item("B", ["A"])],
  };
}

let db: Db;
let smtp: LocalSmtp;
let receiver: WebhookReceiver;
const secrets: string[] = [];

const ctx = (env: Record<string, string> = {}): DeliveryContext => ({
  env: { SMTP_URL: smtp.url({ user: SMTP_USER, pass: SMTP_PASS }), SMTP_FROM: "Tracker <tracker@example.org>", DELIVERY_RETRY_BASE_MS: "20", DELIVERY_TIMEOUT_MS: "5000", WEBHOOK_PRIVATE_TARGETS: "allow", ...env },
  now: Date.now,
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  fetch: (...a) => fetch(...a),
});
const counts = () => db.$client.prepare("SELECT (SELECT count(*) FROM report_deliveries) AS d, (SELECT count(*) FROM report_delivery_attempts) AS a").get() as { d: number; a: number };

beforeAll(async () => {
  db = await openDatabase(":memory:");
  await importBundle(db, bundle(), { actor: null });
  smtp = await startLocalSmtp({ auth: { user: SMTP_USER, pass: SMTP_PASS } });
  receiver = await startWebhookReceiver({ failFirst: 1 });
});
afterAll(async () => {
  db.$client.close();
  await Promise.all([smtp.close(), receiver.close()]);
});

describe("subscriptions", () => {
  it("take e-mail addresses and webhooks; each webhook gets its own secret, once", async () => {
    for (const target of ["ops@example.org", "lead@example.org"]) expect((await addSubscription(db, { slug: SLUG, input: { kind: "email", target }, actor: "admin@example.org" })).secret).toBeNull();
    for (const kind of ["webhook", "slack", "teams"] as const) {
      const made = await addSubscription(db, { slug: SLUG, input: { kind, target: `${receiver.origin}/${kind}` }, actor: "admin@example.org" });
      expect(made.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
      secrets.push(made.secret!);
    }
    expect(new Set(secrets).size).toBe(3);
    const listed = (await listSubscriptions(db, SLUG)).subscriptions;
    expect(listed.map((s) => s.kind)).toEqual(["email", "email", "webhook", "slack", "teams"]);
    expect(listed[2]!.target).toBe(`${receiver.origin}/…hook`);
  });

  it("refuse bad input in words and write nothing", async () => {
    const before = db.$client.prepare("SELECT count(*) AS n FROM report_subscriptions").get();
    const e = await refusal(async () => await addSubscription(db, { slug: SLUG, input: { kind: "webhook", target: "https://u:p@hooks.example/x" }, actor: "a" }));
    expect(e.errors).toEqual([{ path: "target", message: expect.stringContaining("must not hold a user name or password") }]);
    expect((await refusal(async () => await addSubscription(db, { slug: SLUG, input: { kind: "email", target: "ops@example.org" }, actor: "a" }))).code).toBe("conflict");
    expect((await refusal(async () => await addSubscription(db, { slug: "nope", input: { kind: "email", target: "x@example.org" }, actor: "a" }))).code).toBe("not_found");
    expect(db.$client.prepare("SELECT count(*) AS n FROM report_subscriptions").get()).toEqual(before);
  });
});

describe("nothing is sent for a week that is not published", () => {
  it("is refused before anything is written", async () => {
    const before = counts();
    const e = await refusal(async () => await sendPublishedReport(db, { slug: SLUG, week: "2024-W52", trigger: "resend", requestedBy: "a", origin: ORIGIN }, ctx()));
    expect(e.code).toBe("conflict");
    expect(e.message).toBe('2024-W52 of "send-test" is not published: only a published week is sent');
    expect((await refusal(async () => await queueReportDeliveries(db, { slug: SLUG, week: "2099-W01", trigger: "resend", requestedBy: "a", origin: ORIGIN }))).code).toBe("invalid");
    expect(counts()).toEqual(before);
    expect(smtp.messages).toHaveLength(0);
    expect(receiver.requests).toHaveLength(0);
  });
});

describe("publishing 2024-W52 and sending it", () => {
  let outcomes: Awaited<ReturnType<Awaited<ReturnType<typeof sendPublishedReport>>["run"]>>;

  beforeAll(async () => {
    await publishReport(db, { slug: SLUG, week: "2024-W52", publisher: { id: null, label: "cli" } });
    const sending = await sendPublishedReport(db, { slug: SLUG, week: "2024-W52", trigger: "publish", requestedBy: "cli", origin: ORIGIN }, ctx());
    expect(sending.deliveries).toHaveLength(5);
    outcomes = await sending.run();
  }, 60_000);

  it("delivers every subscription", () => {
    expect(outcomes.map((o) => o.state)).toEqual(["delivered", "delivered", "delivered", "delivered", "delivered"]);
  });

  it("mails one message per subscriber: recipients, subject, the Markdown, the HTML, the PDF attached", () => {
    expect(smtp.messages.map((m) => m.to)).toEqual(expect.arrayContaining([["ops@example.org"], ["lead@example.org"]]));
    expect(smtp.messages).toHaveLength(2);
    for (const m of smtp.messages) {
      expect(m.from).toBe("tracker@example.org");
      const mail = parseMime(m.raw);
      expect(mail.headers.get("subject")).toBe("Sending test — weekly status 2024-W52");
      const parts = leaves(mail);
      const text = parts.find((p) => p.headers.get("content-type")?.startsWith("text/plain"))!;
      const html = parts.find((p) => p.headers.get("content-type")?.startsWith("text/html"))!;
      const pdf = parts.find((p) => p.headers.get("content-type")?.startsWith("application/pdf"))!;
      expect(text.body.toString("utf8")).toContain("**Done (verified): 0 of 2 items**");
      expect(text.body.toString("utf8")).toMatch(/<!-- offload-tracker-report v1 program=send-test week=2024-W52 .* sha256=[0-9a-f]{64} -->/);
      expect(html.body.toString("utf8")).toContain("<h1>Weekly report: Sending test — 2024-W52</h1>");
      expect(html.body.toString("utf8")).toContain(`href="${ORIGIN}/programs/send-test/reports/2024-W52"`);
      expect(headerParam(pdf.headers.get("content-disposition"), "filename")).toBe("send-test-2024-W52.pdf");
      expect(pdf.body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(m.raw.toString("latin1")).not.toContain(SMTP_PASS);
    }
  });

  it("posts the generic, Slack and Teams payloads, each signed with its own secret, after one failed attempt", () => {
    const kinds = ["webhook", "slack", "teams"] as const;
    kinds.forEach((kind, i) => {
      const got = receiver.on(`/${kind}`);
      expect(got.map((r) => r.status), kind).toEqual([503, 200]);
      for (const r of got) {
        const timestamp = r.headers["x-tracker-timestamp"] as string;
        const problem = webhookSignatureProblem(secrets[i]!, { body: r.body, timestamp, signature: r.headers["x-tracker-signature"] as string }, Math.floor(Date.now() / 1000));
        expect(problem, kind).toBeNull();
        // Another subscription's secret does not check.
        expect(webhookSignatureProblem(secrets[(i + 1) % 3]!, { body: r.body, timestamp, signature: r.headers["x-tracker-signature"] as string }, Math.floor(Date.now() / 1000))).not.toBeNull();
        expect(r.headers["content-type"]).toBe("application/json");
      }
      // The same delivery id on the retry: a receiver can tell a retry from a new delivery.
      expect(got[0]!.headers["x-tracker-delivery"]).toBe(got[1]!.headers["x-tracker-delivery"]);
    });
    const generic = JSON.parse(receiver.on("/webhook")[1]!.body);
    expect(generic).toMatchObject({ event: "report.published", program: { slug: SLUG }, week: "2024-W52", headline: { total: 2, done: 0 }, links: { pdf: `${ORIGIN}/api/programs/send-test/reports/2024-W52.pdf` } });
    expect(generic.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(receiver.on("/slack")[1]!.body).blocks[0]).toMatchObject({ type: "header", text: { text: "Sending test — weekly status 2024-W52" } });
    expect(JSON.parse(receiver.on("/teams")[1]!.body).attachments[0].content.type).toBe("AdaptiveCard");
  });

  it("records every attempt: two for each webhook (503 then 200), one for each e-mail", async () => {
    const log = await listDeliveries(db, SLUG, { week: "2024-W52" });
    expect(log).toHaveLength(5);
    for (const d of log) {
      expect(d.status).toBe("delivered");
      if (d.subscription.kind === "email") expect(d.attempts.map((a) => [a.attempt, a.ok, a.statusCode])).toEqual([[1, true, 250]]);
      else expect(d.attempts.map((a) => [a.attempt, a.ok, a.statusCode, a.error])).toEqual([
          [1, false, 503, "HTTP 503"],
          [2, true, 200, null],
        ]);
    }
  });
});

describe("a failed delivery never undoes a publication", () => {
  it("gives up after the last attempt, says why, and the week stays published with an intact log", async () => {
    const down = await startWebhookReceiver({ status: () => 500 });
    const slug = "send-fail";
    await importBundle(db, bundle(slug), { actor: null });
    const made = await addSubscription(db, { slug, input: { kind: "webhook", target: `${down.origin}/hook` }, actor: "a" });
    await addSubscription(db, { slug, input: { kind: "email", target: "ops@example.org" }, actor: "a" });
    await publishReport(db, { slug, week: "2024-W52", publisher: { id: null, label: "cli" } });
    const sending = await sendPublishedReport(db, { slug, week: "2024-W52", trigger: "publish", requestedBy: "cli", origin: ORIGIN }, ctx({ DELIVERY_MAX_ATTEMPTS: "3", SMTP_URL: "" }));
    const outcomes = await sending.run();
    await down.close();
    expect(outcomes.map((o) => [o.state, o.attempts])).toEqual([
      ["failed", 3],
      ["not_sent", 0],
    ]);
    const log = await listDeliveries(db, slug);
    const hook = log.find((d) => d.subscription.id === made.id)!;
    expect(hook.attempts.map((a) => a.statusCode)).toEqual([500, 500, 500]);
    expect(hook.note).toBe("gave up after 3 attempts");
    expect(log.find((d) => d.subscription.kind === "email")).toMatchObject({ status: "not_sent", note: "not sent: SMTP not configured (set SMTP_URL)", attempts: [] });
    expect(db.$client.prepare("SELECT count(*) AS n FROM published_reports p JOIN programs g ON g.id = p.program_id WHERE g.slug = ?").get(slug)).toEqual({ n: 1 });
    expect((await verifyLog(db)).ok).toBe(true);
  });

  it("does not post to a webhook inside a private network unless the deployment allows it: one attempt, refused by address, nothing reaches it", async () => {
    const inside = await startWebhookReceiver({});
    const slug = "send-private";
    await importBundle(db, bundle(slug), { actor: null });
    const made = await addSubscription(db, { slug, input: { kind: "webhook", target: `${inside.origin}/hook` }, actor: "a" });
    await publishReport(db, { slug, week: "2024-W52", publisher: { id: null, label: "cli" } });
    const outcomes = await (await sendPublishedReport(db, { slug, week: "2024-W52", trigger: "publish", requestedBy: "cli", origin: ORIGIN }, ctx({ WEBHOOK_PRIVATE_TARGETS: "", DELIVERY_MAX_ATTEMPTS: "3" }))).run();
    await inside.close();
    expect(outcomes.map((o) => [o.state, o.attempts])).toEqual([["failed", 1]]);
    const hook = (await listDeliveries(db, slug)).find((d) => d.subscription.id === made.id)!;
    expect(hook.attempts.map((a) => [a.statusCode, a.error])).toEqual([[null, "not sent: 127.0.0.1 is an address inside a private network; WEBHOOK_PRIVATE_TARGETS=allow lets a deployment deliver there"]]);
    expect(inside.requests).toHaveLength(0);
  });

  it("refuses a name that resolves to a public address when checked and to a private one when connected to (DNS rebinding): nothing reaches it", async () => {
    const inside = await startWebhookReceiver({});
    const slug = "send-rebind";
    await importBundle(db, bundle(slug), { actor: null });
    const port = new URL(inside.origin).port;
    const made = await addSubscription(db, { slug, input: { kind: "webhook", target: `http://rebind.example.org:${port}/hook` }, actor: "a" });
    await publishReport(db, { slug, week: "2024-W52", publisher: { id: null, label: "cli" } });
    // The first answer is the check's, every later one the connection's.
    const lookups: string[] = [];
    const resolve = async (host: string) => {
      lookups.push(host);
      return lookups.length === 1 ? ["93.184.216.34"] : ["127.0.0.1"];
    };
    const env = { WEBHOOK_PRIVATE_TARGETS: "", DELIVERY_MAX_ATTEMPTS: "3" };
    const outcomes = await (await sendPublishedReport(db, { slug, week: "2024-W52", trigger: "publish", requestedBy: "cli", origin: ORIGIN }, { ...ctx(env), resolve, fetch: webhookFetch(env, resolve) })).run();
    await inside.close();
    expect(lookups).toEqual(["rebind.example.org", "rebind.example.org"]);
    expect(outcomes.map((o) => [o.state, o.attempts])).toEqual([["failed", 1]]);
    const hook = (await listDeliveries(db, slug)).find((d) => d.subscription.id === made.id)!;
    expect(hook.attempts.map((a) => [a.statusCode, a.error])).toEqual([[null, "not sent: rebind.example.org resolves to 127.0.0.1, an address inside a private network; WEBHOOK_PRIVATE_TARGETS=allow lets a deployment deliver there"]]);
    expect(inside.requests).toHaveLength(0);
  });

  it("stops at a refusal that another attempt would not change (404), and a wrong SMTP password is never written down", async () => {
    const gone = await startWebhookReceiver({ status: () => 404 });
    const slug = "send-gone";
    await importBundle(db, bundle(slug), { actor: null });
    await addSubscription(db, { slug, input: { kind: "slack", target: `${gone.origin}/services/T0/B0/SECRETPATH` }, actor: "a" });
    await addSubscription(db, { slug, input: { kind: "email", target: "ops@example.org" }, actor: "a" });
    await publishReport(db, { slug, week: "2024-W52", publisher: { id: null, label: "cli" } });
    const wrong = "Wrong-Pa55-in-url";
    const outcomes = await (await sendPublishedReport(db, { slug, week: "2024-W52", trigger: "publish", requestedBy: "cli", origin: ORIGIN }, ctx({ SMTP_URL: smtp.url({ user: SMTP_USER, pass: wrong }), DELIVERY_MAX_ATTEMPTS: "2" }))).run();
    await gone.close();
    expect(outcomes.map((o) => [o.state, o.attempts])).toEqual([
      ["failed", 1],
      ["failed", 1],
    ]);
    const text = JSON.stringify(await listDeliveries(db, slug));
    expect(text).toContain("HTTP 404");
    expect(text).toMatch(/535|Invalid username or password/);
    expect(text).not.toContain(wrong);
    expect(text).not.toContain("SECRETPATH");
  });
});

describe("sending again and resuming", () => {
  it("sends a published week again, only to enabled subscriptions", async () => {
    const [first, second] = (await listSubscriptions(db, SLUG)).subscriptions;
    await setSubscriptionEnabled(db, { slug: SLUG, id: second!.id, input: { enabled: false }, expectedVersion: 1, actor: "a" });
    const before = smtp.messages.length;
    const sending = await sendPublishedReport(db, { slug: SLUG, week: "2024-W52", trigger: "resend", requestedBy: "a", origin: ORIGIN }, ctx());
    expect(sending.deliveries.map((d) => d.subscriptionId)).not.toContain(second!.id);
    expect(sending.deliveries.map((d) => d.subscriptionId)).toContain(first!.id);
    const outcomes = await sending.run();
    expect(outcomes.every((o) => o.state === "delivered")).toBe(true);
    expect(smtp.messages.length).toBe(before + 1);
    expect((await refusal(async () => await setSubscriptionEnabled(db, { slug: SLUG, id: second!.id, input: { enabled: true }, expectedVersion: 1, actor: "a" }))).code).toBe("conflict");
  }, 30_000);

  it("takes up a delivery whose sender stopped (lease run out), once", async () => {
    const queued = await queueReportDeliveries(db, { slug: SLUG, week: "2024-W52", trigger: "resend", requestedBy: "a", origin: ORIGIN });
    const ids = queued.deliveries.map((d) => d.id);
    // As a process that died mid-delivery leaves it.
    db.$client.prepare(`UPDATE report_deliveries SET state = 'sending', lease_until = ? WHERE id IN (${ids.join(",")})`).run(Date.now() - 1000);
    expect((await listDeliveries(db, SLUG)).filter((d) => ids.includes(d.id)).map((d) => d.status)).toEqual(ids.map(() => "interrupted"));
    const resumed = await resumeDeliveries(db, ctx());
    expect(resumed.ids.sort()).toEqual([...ids].sort());
    // A second process starting now finds nothing left to take.
    expect((await resumeDeliveries(db, ctx())).ids).toEqual([]);
    const outcomes = await resumed.done;
    expect(outcomes.every((o) => o.state === "delivered")).toBe(true);
  }, 30_000);

  it("does not send to a subscription removed after its delivery was queued; its secret is forgotten", async () => {
    const sub = (await listSubscriptions(db, SLUG)).subscriptions.find((s) => s.kind === "teams")!;
    const sending = await sendPublishedReport(db, { slug: SLUG, week: "2024-W52", trigger: "resend", requestedBy: "a", origin: ORIGIN }, ctx());
    await removeSubscription(db, { slug: SLUG, id: sub.id, actor: "a" });
    const outcomes = await sending.run();
    const teams = outcomes.find((o) => sending.deliveries.find((d) => d.id === o.id)!.subscriptionId === sub.id)!;
    expect(teams).toMatchObject({ state: "not_sent", attempts: 0 });
    expect(db.$client.prepare("SELECT secret FROM report_subscriptions WHERE id = ?").get(sub.id)).toEqual({ secret: null });
    expect((await listDeliveries(db, SLUG)).find((d) => d.id === teams.id)!.subscription.removed).toBe(true);
  }, 30_000);

  it("attempts are append-only", async () => {
    expect(() => db.$client.prepare("UPDATE report_delivery_attempts SET ok = 1").run()).toThrow(/append-only/);
    expect(() => db.$client.prepare("DELETE FROM report_delivery_attempts").run()).toThrow(/append-only/);
    expect((await db.select().from(reportDeliveries)).length).toBeGreaterThan(0);
  });
});

describe("the Atom feed", () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", isArray: (n) => n === "entry" });
  let token = "";

  it("has no address until an admin makes one", async () => {
    expect(await getReportFeed(db, SLUG, "feed_" + "x".repeat(43), ORIGIN)).toBeNull();
  });

  it("lists the published week for the right token, and nothing for a wrong one or another program", async () => {
    token = (await rotateFeedToken(db, { slug: SLUG, actor: "a" })).token;
    const doc = parser.parse((await getReportFeed(db, SLUG, token, ORIGIN))!);
    expect(doc.feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(doc.feed.entry.map((e: { id: string }) => e.id)).toEqual(["urn:offload-tracker:report:send-test:2024-W52"]);
    expect(await getReportFeed(db, SLUG, token.slice(0, -1) + (token.endsWith("A") ? "B" : "A"), ORIGIN)).toBeNull();
    expect(await getReportFeed(db, "send-fail", token, ORIGIN)).toBeNull();
    expect(await getReportFeed(db, SLUG, null, ORIGIN)).toBeNull();
    expect(await getReportFeed(db, SLUG, "' OR 1=1 --", ORIGIN)).toBeNull();
  });

  it("stops answering the old token at once when rotated, and every token when turned off", async () => {
    const next = (await rotateFeedToken(db, { slug: SLUG, actor: "a" })).token;
    expect(await getReportFeed(db, SLUG, token, ORIGIN)).toBeNull();
    expect(await getReportFeed(db, SLUG, next, ORIGIN)).not.toBeNull();
    secrets.push(token, next);
    await turnOffFeed(db, { slug: SLUG, actor: "a" });
    expect(await getReportFeed(db, SLUG, next, ORIGIN)).toBeNull();
  });
});

describe("secrets", () => {
  it("never appear in the log, the bundle export, the listings or the delivery log; the log only says what changed", async () => {
    expect(secrets.length).toBe(5);
    const places = {
      log: JSON.stringify(await listLogEntries(db, { limit: 10_000, audience: "admin" })),
      rawLog: JSON.stringify(db.$client.prepare("SELECT * FROM audit_log").all()),
      bundle: JSON.stringify(await exportBundle(db, SLUG)),
      subscriptions: JSON.stringify(await listSubscriptions(db, SLUG)),
      deliveries: JSON.stringify(await listDeliveries(db, SLUG, { limit: 500 })),
    };
    for (const [where, text] of Object.entries(places)) for (const s of [...secrets, SMTP_PASS]) expect(text, `${where} holds a secret`).not.toContain(s);
    const entries = (await listLogEntries(db, { program: SLUG, limit: 100, audience: "admin" })).filter((e) => e.entity === "subscription" || e.entity === "report-feed");
    expect(entries.map((e) => `${e.entity} ${e.action}`)).toEqual(
      expect.arrayContaining(["subscription create", "subscription disable", "subscription remove", "report-feed rotate", "report-feed remove"]),
    );
    // Readers (viewers, contributors, reviewers) do not see subscription administration at all.
    expect((await listLogEntries(db, { program: SLUG, limit: 100, audience: "reader" })).filter((e) => e.entity === "subscription" || e.entity === "report-feed")).toEqual([]);
    expect((await verifyLog(db)).ok).toBe(true);
  });
});
