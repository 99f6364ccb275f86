/**
 * Sending from the CLI and cron, in real processes: `publish --send` publishes then sends and
 * waits for every delivery (one line each); `send` sends a published week again and refuses an
 * unpublished one with one line and a non-zero exit; `subscriptions` and `feed-token` manage the
 * rest, printing a secret only once, as the last line.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importBundle } from "@/db/import-bundle";
import { openDatabase } from "@/db/index";
import { webhookSignatureProblem } from "@/lib/delivery/webhook-signature";
import { dbDigest } from "../support/db-digest";
import { startLocalSmtp, type LocalSmtp } from "../support/local-smtp";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver";
import { NODE, trackerArgs } from "../support/tsx-command";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-send-cli-"));
const dbFile = path.join(dir, "tracker.db");
let smtp: LocalSmtp;
let receiver: WebhookReceiver;

/** A real process, without blocking this one: the SMTP server and the receiver live here. */
function tracker(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const e: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: dbFile, TRACKER_SEED: "none", PUBLIC_URL: "https://tracker.example.org", SMTP_URL: smtp.url(), DELIVERY_RETRY_BASE_MS: "50", WEBHOOK_PRIVATE_TARGETS: "allow", ...env };
  delete e.TRACKER_ACTOR;
  return new Promise((resolve) => {
    const child = spawn(NODE, trackerArgs(args), { cwd: ROOT, env: e, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 90_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  const db = await openDatabase(dbFile);
  await importBundle(db, JSON.parse(fs.readFileSync(path.join(ROOT, "db/seed/boost-offload.json"), "utf8")), { actor: null });
  db.$client.close();
  smtp = await startLocalSmtp();
  receiver = await startWebhookReceiver({ status: (p, n) => (p === "/down" ? 500 : n === 1 ? 503 : 200) });
});
afterAll(async () => {
  await Promise.all([smtp.close(), receiver.close()]);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the CLI sends published weeks", () => {
  let secret = "";

  it("adds subscriptions; a webhook's secret is the last line, printed once", async () => {
    const mail = await tracker(["subscriptions", "add", "boost-offload", "--kind", "email", "--target", "ops@example.org"]);
    expect(mail).toMatchObject({ code: 0, stdout: "subscription #1: email ops@example.org\n" });
    const hook = await tracker(["subscriptions", "add", "boost-offload", "--kind", "webhook", "--target", `${receiver.origin}/hook`]);
    expect(hook.code).toBe(0);
    secret = hook.stdout.trim().split("\n").at(-1)!;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const list = await tracker(["subscriptions", "list", "boost-offload"]);
    expect(list.stdout).toContain("#2\twebhook\t");
    expect(list.stdout).not.toContain(secret);
    expect(list.stdout).toContain("feed: no token (the feed answers 404)");
  }, 120_000);

  it("refuses to send a week that is not published: one line, exit 1, nothing written", async () => {
    const before = dbDigest(dbFile);
    const r = await tracker(["send", "boost-offload", "--week", "2024-W51"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: 2024-W51 of "boost-offload" is not published: only a published week is sent: publish the week first\n');
    expect(r.stdout).toBe("");
    expect(dbDigest(dbFile).hash).toBe(before.hash);
    expect(smtp.messages).toHaveLength(0);
  }, 60_000);

  it("publish --send publishes, then sends and waits: the e-mail with its PDF, the webhook after one retry", async () => {
    const r = await tracker(["publish", "boost-offload", "--week", "2024-W52", "--send"]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^published boost-offload 2024-W52: markdown sha256 [0-9a-f]{64}/);
    expect(lines.slice(1).sort()).toEqual(["delivery #1 email ops@example.org: delivered after 1 attempt", `delivery #2 webhook ${receiver.origin}/…hook: delivered after 2 attempts`]);
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]!.raw.toString("latin1")).toContain("Content-Type: application/pdf");
    const got = receiver.on("/hook");
    expect(got.map((x) => x.status)).toEqual([503, 200]);
    const body = JSON.parse(got[1]!.body);
    expect(body.links.report).toBe("https://tracker.example.org/programs/boost-offload/reports/2024-W52");
    expect(webhookSignatureProblem(secret, { body: got[1]!.body, timestamp: got[1]!.headers["x-tracker-timestamp"] as string, signature: got[1]!.headers["x-tracker-signature"] as string }, Math.floor(Date.now() / 1000))).toBeNull();
  }, 120_000);

  it("send sends a published week again; a receiver that stays down fails it with exit 1, and the week stays published", async () => {
    const down = await tracker(["subscriptions", "add", "boost-offload", "--kind", "slack", "--target", `${receiver.origin}/down`]);
    expect(down.code).toBe(0);
    const r = await tracker(["send", "boost-offload", "--week", "2024-W52"], { DELIVERY_MAX_ATTEMPTS: "2" });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("delivery #3 email ops@example.org: delivered after 1 attempt");
    expect(r.stderr).toMatch(/^error: 1 of 3 deliveries of 2024-W52 failed \(the week stays published; try again with: tracker send boost-offload --week 2024-W52\)\n/);
    expect(r.stderr).toContain("slack");
    expect(r.stderr).toContain("gave up after 2 attempts");
    const db = await openDatabase(dbFile);
    expect(db.$client.prepare("SELECT count(*) AS n FROM published_reports").get()).toEqual({ n: 1 });
    db.$client.close();
  }, 120_000);

  it("rotates the feed token: the feed URL is the last line; the log records the rotation without it", async () => {
    const r = await tracker(["feed-token", "rotate", "boost-offload"]);
    expect(r.code).toBe(0);
    const url = r.stdout.trim().split("\n").at(-1)!;
    expect(url).toMatch(/^https:\/\/tracker\.example\.org\/programs\/boost-offload\/reports\.atom\?token=feed_[A-Za-z0-9_-]{43}$/);
    const db = await openDatabase(dbFile);
    const log = JSON.stringify(db.$client.prepare("SELECT * FROM audit_log WHERE entity IN ('subscription', 'report-feed')").all());
    db.$client.close();
    expect(log).toContain('"rotate"');
    expect(log).not.toContain(new URL(url).searchParams.get("token")!);
    expect(log).not.toContain(secret);
    expect((await tracker(["feed-token", "off", "boost-offload"])).stdout).toBe("the feed of boost-offload is off: every feed URL of it answers 404\n");
  }, 60_000);
});
