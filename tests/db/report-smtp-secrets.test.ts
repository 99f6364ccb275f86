/**
 * The SMTP password never leaves SMTP_URL. A real local SMTP server (smtp-server) refuses the
 * login; the delivery is recorded as failed with a reason a person can read — and the password is
 * in none of the delivery log, the audit log, or anything written to the console or to stdout and
 * stderr: not by the sender the web server runs after its answer (process.env, as in production),
 * not by the CLI. Neither in clear, percent-encoded as in the URL, nor in base64 as AUTH sends it.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inspect } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { sendPublishedReport } from "@/db/delivery/send-published-report";
import { importBundle } from "@/db/import-bundle";
import { openDatabase, type Db } from "@/db/index";
import { addSubscription } from "@/db/mutations/manage-subscriptions";
import { publishReport } from "@/db/mutations/publish-report";
import { listDeliveries } from "@/db/queries/list-deliveries";
import { listLogEntries } from "@/db/queries/list-log-entries";
import { trackerInProcess } from "../support/cli-in-process";
import { startLocalSmtp, type LocalSmtp } from "../support/local-smtp";

const SLUG = "smtp-secret";
const ORIGIN = "https://tracker.example.org";
const USER = "user";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-smtp-secret-"));
const dbFile = path.join(dir, "tracker.db");

let db: Db;
let smtp: LocalSmtp;

/** Every form the password could take on its way out: as typed, as in the URL, and as AUTH PLAIN and LOGIN send it. */
function forms(password: string): string[] {
  return [
    password,
    encodeURIComponent(password),
    Buffer.from(password).toString("base64"),
    Buffer.from(`\u0000${USER}\u0000${password}`).toString("base64"),
    Buffer.from(`${USER}\u0000${USER}\u0000${password}`).toString("base64"),
  ];
}

/** Everything this process writes while `run` runs: console calls (as Node prints them) and raw stdout/stderr. */
async function capture<T>(run: () => Promise<T>): Promise<{ result: T; written: string }> {
  const written: string[] = [];
  const record = (...args: unknown[]) => void written.push(args.map((a) => (typeof a === "string" ? a : inspect(a, { depth: 6 }))).join(" "));
  for (const m of ["log", "info", "warn", "error", "debug", "trace"] as const) vi.spyOn(console, m).mockImplementation(record);
  const chunk = (c: unknown) => (typeof c === "string" ? c : Buffer.from(c as Uint8Array).toString("utf8"));
  vi.spyOn(process.stdout, "write").mockImplementation((c: unknown) => (written.push(chunk(c)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((c: unknown) => (written.push(chunk(c)), true));
  try {
    return { result: await run(), written: written.join("\n") };
  } finally {
    vi.restoreAllMocks();
  }
}

/** What the tracker keeps about deliveries and changes, as stored and as listed. */
async function stored(): Promise<Record<string, string>> {
  return {
    deliveries: JSON.stringify(db.$client.prepare("SELECT * FROM report_deliveries").all()),
    attempts: JSON.stringify(db.$client.prepare("SELECT * FROM report_delivery_attempts").all()),
    auditLog: JSON.stringify(db.$client.prepare("SELECT * FROM audit_log").all()),
    deliveryLog: JSON.stringify(await listDeliveries(db, SLUG, { limit: 500 })),
    logEntries: JSON.stringify(await listLogEntries(db, { limit: 10_000, audience: "admin" })),
  };
}

function expectNowhere(password: string, places: Record<string, string>) {
  for (const [where, text] of Object.entries(places)) for (const form of forms(password)) expect(text, `${where} holds the password (${form})`).not.toContain(form);
}

beforeAll(async () => {
  db = await openDatabase(dbFile);
  const person = { email: "alice@example.com", name: "Alice", team: "Core" };
  const item = (key: string) => ({ key, title: `Item ${key}`, area: "Core", owner: person.email, estimateWeeks: 2, identifiedAt: "2024-01-01", dependsOn: [] });
  await importBundle(db, { format: "offload-tracker/v1", program: { slug: SLUG, name: "SMTP secret test" }, people: [person], items: [item("A"), item("B")] }, { actor: null });
  await addSubscription(db, { slug: SLUG, input: { kind: "email", target: "ops@example.org" }, actor: "admin@example.org" });
  await publishReport(db, { slug: SLUG, week: "2024-W52", publisher: { id: null, label: "admin@example.org" } });
  // It knows one account, and it is not the one SMTP_URL names.
  smtp = await startLocalSmtp({ auth: { user: "mailer", pass: "the-right-password" } });
});

afterEach(() => {
  vi.unstubAllEnvs();
});

afterAll(async () => {
  db.$client.close();
  await Promise.all([smtp.close()]);
  fs.rmSync(dir, { recursive: true, force: true });
});

// A plain password; one that needs percent-encoding in a URL (its encoded form is a secret too);
// and nodemailer's own debug log switched on from the URL, as an admin chasing a mail problem might.
describe.each([
  { password: "s3cret-pa55", query: "" },
  { password: "s3cret p@ss:w/rd%+", query: "" },
  { password: "s3cret-pa55", query: "?logger=true&debug=true" },
])("an SMTP server that refuses the login of password $password$query", ({ password, query }) => {
  const smtpUrl = () => `smtp://${USER}:${encodeURIComponent(password)}@127.0.0.1:${smtp.port}${query}`;

  it("the sender the server runs after its answer records a failure in words, and writes the password nowhere", async () => {
    // As the web server runs it: settings from process.env, one attempt (a refused login is final).
    vi.stubEnv("SMTP_URL", smtpUrl());
    vi.stubEnv("SMTP_FROM", "Tracker <tracker@example.org>");
    vi.stubEnv("DELIVERY_RETRY_BASE_MS", "20");
    vi.stubEnv("DELIVERY_TIMEOUT_MS", "5000");
    const before = (await listDeliveries(db, SLUG, { limit: 500 })).length;
    const { result: outcomes, written } = await capture(async () => await (await sendPublishedReport(db, { slug: SLUG, week: "2024-W52", trigger: "resend", requestedBy: "admin@example.org", origin: ORIGIN })).run());

    expect(outcomes.map((o) => [o.state, o.attempts])).toEqual([["failed", 1]]);
    const log = await listDeliveries(db, SLUG, { limit: 500 });
    expect(log).toHaveLength(before + 1);
    const delivery = log.find((d) => d.id === outcomes[0]!.id)!;
    // Readable: what the server said, and that trying again will not change it.
    expect(delivery).toMatchObject({ status: "failed", subscription: { kind: "email" } });
    expect(delivery.note).toMatch(/^gave up: .*(Invalid login|535).* will not change by trying again$/);
    expect(delivery.attempts).toEqual([expect.objectContaining({ attempt: 1, ok: false, statusCode: 535, error: expect.stringMatching(/EAUTH: Invalid login: 535/) })]);
    expect(smtp.messages).toHaveLength(0);
    // With its debug log on, nodemailer did write the conversation: the check below has something to read.
    if (query) expect(written).toContain("C: AUTH PLAIN");

    expectNowhere(password, { ...await stored(), console: written });
  }, 60_000);

  it("the CLI prints the failure in words, exits 1, and prints the password nowhere", async () => {
    const { result: run, written } = await capture(async () =>
      await trackerInProcess(dbFile, ["send", SLUG, "--week", "2024-W52"], {
        TRACKER_SEED: "none",
        PUBLIC_URL: ORIGIN,
        SMTP_URL: smtpUrl(),
        DELIVERY_RETRY_BASE_MS: "20",
        DELIVERY_TIMEOUT_MS: "5000",
      }),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: 1 of 1 deliveries of 2024-W52 failed/);
    expect(run.stderr).toMatch(/delivery #\d+ email ops@example\.org: failed after 1 attempt \(gave up: .*(Invalid login|535)/);
    if (query) expect(`${written}${run.stdout}${run.stderr}`).toContain("C: AUTH PLAIN");
    expectNowhere(password, { ...await stored(), stdout: run.stdout, stderr: run.stderr, console: written });
  }, 60_000);
});
