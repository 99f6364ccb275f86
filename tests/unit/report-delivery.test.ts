import { XMLParser } from "fast-xml-parser";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emailContent } from "@/lib/delivery/email-message";
import { maskTarget } from "@/lib/delivery/mask-target";
import { renderReportFeed } from "@/lib/delivery/report-feed";
import { headlineSentence, reportLinks, type ReportNotice } from "@/lib/delivery/report-notice";
import { DEFAULT_RETRY, isRetryableStatus, retryDelays, retrySettingsFromEnv, worstCaseMs } from "@/lib/delivery/retry-schedule";
import { redactSecrets, smtpSettings } from "@/lib/delivery/smtp-settings";
import { genericPayload, slackPayload, teamsPayload, webhookBody } from "@/lib/delivery/webhook-payloads";
import { signWebhook, webhookSignatureProblem } from "@/lib/delivery/webhook-signature";
import { subscriptionInputSchema } from "@/lib/validations/subscription-input";

const notice = (over: Partial<ReportNotice> = {}): ReportNotice => ({
  program: { slug: "boost-offload", name: "Boost offload program" },
  week: "2024-W52",
  weekStart: "2024-12-23",
  weekEnd: "2024-12-29",
  cutoff: "2024-12-29T23:59:59.999Z",
  headline: {
    total: 64,
    done: 0,
    readiness: 0,
    effortReadiness: 0,
    reportedDone: 0,
    startedTrue: 4,
    startedReported: 14,
    inflated: 10,
    blocked: 50,
    remainingWeeks: 40,
    earliestByDependencies: "2025-10-06",
    forecastDate: null,
    notYetIdentified: 0,
  },
  links: reportLinks("https://tracker.example.org", "boost-offload", "2024-W52"),
  sha256: "a".repeat(64),
  logHeadAtCutoff: "0".repeat(64),
  publishedAt: "2025-01-06T06:00:00.000Z",
  ...over,
});

describe("webhook payloads", () => {
  it("generic: program, week, headline figures, links and the digest", () => {
    const p = genericPayload(notice());
    expect(p).toMatchObject({
      event: "report.published",
      program: { slug: "boost-offload", name: "Boost offload program" },
      week: "2024-W52",
      headline: { done: 0, total: 64, inflated: 10, forecastDate: null },
      links: {
        report: "https://tracker.example.org/programs/boost-offload/reports/2024-W52",
        pdf: "https://tracker.example.org/api/programs/boost-offload/reports/2024-W52.pdf",
        markdown: "https://tracker.example.org/api/programs/boost-offload/reports/2024-W52.md",
        json: "https://tracker.example.org/api/programs/boost-offload/reports/2024-W52.json",
      },
      sha256: "a".repeat(64),
    });
    expect(JSON.parse(webhookBody("webhook", notice()))).toEqual(p);
  });

  it("Slack: a text fallback and blocks, stored text never turned into markup", () => {
    const p = slackPayload(notice({ program: { slug: "x", name: "<!channel> & <https://evil.example|click>" } }));
    expect(p.text).toContain("0 of 64 items verified done");
    expect(p.text).not.toContain("<!channel>");
    expect(p.text).toContain("&lt;!channel&gt; &amp;");
    expect(p.blocks.map((b) => b.type)).toEqual(["header", "section", "section", "section", "context"]);
    const links = JSON.stringify(p.blocks[3]);
    expect(links).toContain("<https://tracker.example.org/programs/boost-offload/reports/2024-W52|Open the report>");
    expect((p.blocks[0] as { text: { text: string } }).text.text.length).toBeLessThanOrEqual(150);
  });

  it("Teams: one Adaptive Card with the figures and links to open", () => {
    const p = teamsPayload(notice());
    expect(p.type).toBe("message");
    const card = p.attachments[0]!;
    expect(card.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(card.content.type).toBe("AdaptiveCard");
    expect(card.content.body[0]).toMatchObject({ type: "TextBlock", text: "Boost offload program — weekly status 2024-W52" });
    expect(card.content.body.find((b) => b.type === "FactSet")).toMatchObject({ facts: expect.arrayContaining([{ title: "Forecast", value: "none: no verified throughput" }]) });
    expect(card.content.actions.map((a) => a.url)).toContain("https://tracker.example.org/api/programs/boost-offload/reports/2024-W52.pdf");
  });

  it("the headline never rounds up", () => {
    expect(headlineSentence(notice({ headline: { ...notice().headline, done: 63, readiness: 63 / 64 } }))).toContain("readiness 98.4 %");
    expect(headlineSentence(notice({ headline: { ...notice().headline, readiness: 0.99999 } }))).toContain("readiness 99.9 %");
  });
});

describe("webhook signatures", () => {
  const secret = "whsec_test-secret";
  const body = webhookBody("webhook", notice());

  it("are HMAC-SHA256 over `timestamp.body`, and a receiver accepts the genuine request", () => {
    const sig = signWebhook(secret, 1_736_143_200, body);
    expect(sig).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(webhookSignatureProblem(secret, { body, timestamp: "1736143200", signature: sig }, 1_736_143_230)).toBeNull();
  });

  it("refuse a changed body, another secret, a moved timestamp, a stale request, junk", () => {
    const sig = signWebhook(secret, 1_736_143_200, body);
    const now = 1_736_143_200;
    expect(webhookSignatureProblem(secret, { body: body.replace("2024-W52", "2024-W51"), timestamp: "1736143200", signature: sig }, now)).toBe("signature does not match");
    expect(webhookSignatureProblem("whsec_other", { body, timestamp: "1736143200", signature: sig }, now)).toBe("signature does not match");
    expect(webhookSignatureProblem(secret, { body, timestamp: "1736143201", signature: sig }, now)).toBe("signature does not match");
    expect(webhookSignatureProblem(secret, { body, timestamp: "1736143200", signature: sig }, now + 301)).toMatch(/replay/);
    expect(webhookSignatureProblem(secret, { body, timestamp: null, signature: sig }, now)).toBe("no timestamp");
    expect(webhookSignatureProblem(secret, { body, timestamp: "1736143200", signature: "sha1=abc" }, now)).toBe("no signature");
  });

  it("any change to the body breaks the signature", () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), fc.nat(), (text, extra, ts) => {
        const sig = signWebhook(secret, ts, text);
        expect(webhookSignatureProblem(secret, { body: text, timestamp: String(ts), signature: sig }, ts)).toBeNull();
        expect(webhookSignatureProblem(secret, { body: text + extra, timestamp: String(ts), signature: sig }, ts)).toBe("signature does not match");
      }),
    );
  });
});

describe("retries", () => {
  it("wait base, 2·base, 4·base… capped, before attempts 2…n", () => {
    expect(retryDelays({ maxAttempts: 5, baseMs: 30_000, maxDelayMs: 900_000 })).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelays({ maxAttempts: 6, baseMs: 100, maxDelayMs: 250 })).toEqual([100, 200, 250, 250, 250]);
    expect(retryDelays({ maxAttempts: 1, baseMs: 100, maxDelayMs: 250 })).toEqual([]);
    expect(worstCaseMs({ maxAttempts: 3, baseMs: 10, maxDelayMs: 1000, timeoutMs: 100 })).toBe(3 * 100 + 10 + 20);
  });

  it("come from the environment, and a malformed setting keeps the default", () => {
    expect(retrySettingsFromEnv({})).toEqual(DEFAULT_RETRY);
    expect(retrySettingsFromEnv({ DELIVERY_RETRY_BASE_MS: "50", DELIVERY_MAX_ATTEMPTS: "3", DELIVERY_TIMEOUT_MS: "2000" })).toMatchObject({ baseMs: 50, maxAttempts: 3, timeoutMs: 2000 });
    expect(retrySettingsFromEnv({ DELIVERY_RETRY_BASE_MS: "-5", DELIVERY_MAX_ATTEMPTS: "1e3", DELIVERY_TIMEOUT_MS: "soon" })).toEqual(DEFAULT_RETRY);
  });

  it("are worth it for server errors and rate limits, not for other refusals", () => {
    expect([500, 502, 503, 504, 408, 429].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 410, 422].some(isRetryableStatus)).toBe(false);
  });
});

describe("subscriptions", () => {
  const parse = (v: unknown) => subscriptionInputSchema.safeParse(v);
  it("take an e-mail address or an http(s) URL without credentials", () => {
    expect(parse({ kind: "email", target: " Ops@Example.org " }).data).toEqual({ kind: "email", target: "ops@example.org" });
    expect(parse({ kind: "slack", target: "https://hooks.slack.com/services/T0/B0/XYZ" }).success).toBe(true);
    expect(parse({ kind: "webhook", target: "http://127.0.0.1:9999/hook" }).success).toBe(true);
  });

  it.each([
    [{ kind: "email", target: "not an address" }, "must be an e-mail address"],
    [{ kind: "email", target: "a@b.example\r\nBcc: x@evil.example" }, "must be an e-mail address"],
    [{ kind: "webhook", target: "ftp://files.example/x" }, "must start with https:// or http://"],
    [{ kind: "webhook", target: "file:///etc/passwd" }, "must start with https:// or http://"],
    [{ kind: "teams", target: "https://user:pass@teams.example/hook" }, "must not hold a user name or password"],
    [{ kind: "webhook", target: "javascript:alert(1)" }, "must start with https:// or http://"],
    [{ kind: "pager", target: "https://x.example" }, "must be one of email, webhook, slack, teams"],
    [{ kind: "webhook", target: "https://x.example", secret: "mine" }, "Unrecognized key"],
  ])("refuse %j", (input, message) => {
    const r = parse(input);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message).join(" ")).toContain(message);
  });

  it("show a webhook URL only by its origin and last characters: Slack and Teams URLs are credentials", () => {
    expect(maskTarget("slack", "https://hooks.slack.com/services/T000/B000/XXXXsecretTAIL")).toBe("https://hooks.slack.com/…TAIL");
    expect(maskTarget("webhook", "https://hooks.example/")).toBe("https://hooks.example");
    expect(maskTarget("email", "ops@example.org")).toBe("ops@example.org");
  });
});

describe("SMTP settings", () => {
  it("need SMTP_URL: without it e-mail is not sent, and says why", () => {
    expect(smtpSettings({})).toEqual({ ok: false, reason: "not sent: SMTP not configured (set SMTP_URL)" });
    expect(smtpSettings({ SMTP_URL: "http://mail.example" })).toMatchObject({ ok: false });
    expect(smtpSettings({ SMTP_URL: "smtps://u:p%40ss@mail.example:465", SMTP_FROM: "Tracker <t@example.org>" })).toEqual({
      ok: true,
      url: "smtps://u:p%40ss@mail.example:465",
      from: "Tracker <t@example.org>",
      secrets: ["p@ss", "p%40ss"],
    });
  });

  it("blank a password out of any error text", () => {
    expect(redactSecrets("535 auth failed for u:hunter22@mail", ["hunter22"])).toBe("535 auth failed for u:***@mail");
  });
});

describe("the e-mail", () => {
  it("has the subject, the Markdown as text, the report HTML opened by its links, and names the PDF", () => {
    const mail = emailContent(notice(), "# Weekly report\n", "<!doctype html><html><head></head><body><h1>Weekly report</h1></body></html>");
    expect(mail.subject).toBe("Boost offload program — weekly status 2024-W52");
    expect(mail.text).toBe("# Weekly report\n");
    expect(mail.html).toMatch(/^<!doctype html><html><head><\/head><body><p [^>]*>Published 2025-01-06 06:00 UTC · <a href="https:\/\/tracker.example.org\/programs\/boost-offload\/reports\/2024-W52">/);
    expect(mail.html).toContain("<h1>Weekly report</h1>");
    expect(mail.pdfFileName).toBe("boost-offload-2024-W52.pdf");
    expect(emailContent(notice({ program: { slug: "x", name: "A\r\nBcc: evil@example.org" } }), "", "").subject).toBe("A Bcc: evil@example.org — weekly status 2024-W52");
  });
});

describe("the Atom feed", () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", isArray: (name) => name === "entry" || name === "link" });

  it("is Atom: a feed in the Atom namespace, one entry per published week, newest first, with links", () => {
    const xml = renderReportFeed({ slug: "boost-offload", name: "Boost offload program" }, "https://tracker.example.org", [
      notice({ week: "2024-W51", publishedAt: "2024-12-30T06:00:00.000Z", links: reportLinks("https://tracker.example.org", "boost-offload", "2024-W51") }),
      notice(),
    ]);
    const doc = parser.parse(xml);
    expect(doc.feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(doc.feed.updated).toBe("2025-01-06T06:00:00.000Z");
    expect(doc.feed.author.name).toBeTruthy();
    const entries = doc.feed.entry as { title: { "#text": string }; id: string; link: { "@_href": string }[]; summary: { "#text": string } }[];
    expect(entries.map((e) => e.id)).toEqual(["urn:offload-tracker:report:boost-offload:2024-W52", "urn:offload-tracker:report:boost-offload:2024-W51"]);
    expect(entries[0]!.title["#text"]).toBe("Boost offload program — weekly status 2024-W52");
    expect(entries[0]!.link[0]!["@_href"]).toBe("https://tracker.example.org/programs/boost-offload/reports/2024-W52");
    expect(entries[0]!.summary["#text"]).toContain("0 of 64 items verified done");
    expect(entries[0]!.summary["#text"]).toContain("2024-W52.pdf");
  });

  it("stays well-formed whatever the program is called", () => {
    const validator = new XMLParser();
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (name) => {
        const xml = renderReportFeed({ slug: "s", name }, "https://t.example", [notice({ program: { slug: "s", name } })]);
        expect(() => validator.parse(xml, true)).not.toThrow();
        expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
      }),
      { numRuns: 300 },
    );
  });
});
