import { affectedRows } from "../affected-rows";
import { firstRow } from "../first-row";
import { and, eq, isNull, lt, max, or } from "drizzle-orm";
import { retryDelays, retrySettingsFromEnv, worstCaseMs, type RetrySettings } from "@/lib/delivery/retry-schedule";
import { redactSecrets, smtpSettings } from "@/lib/delivery/smtp-settings";
import { webhookBody } from "@/lib/delivery/webhook-payloads";
import type { Db } from "../index";
import type { DeliveryState } from "@/lib/delivery/delivery-states";
import { programs, reportDeliveries, reportDeliveryAttempts, reportSubscriptions } from "../schema";
import type { AttemptOutcome } from "./attempt-outcome";
import { postWebhook } from "./post-webhook";
import { privateTargetRefusal, resolveHost, webhookFetch } from "./webhook-target";
import { publishedPackage, type PublishedPackage } from "./published-package";
import { sendEmail } from "./send-email";

/** What a run reads from its surroundings; tests give their own. */
export interface DeliveryContext {
  env: Record<string, string | undefined>;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Webhook POSTs: webhookFetch, which checks the addresses each connection is made to. */
  fetch: typeof fetch;
  /** A host name's addresses, looked up before each webhook attempt. */
  resolve?: (host: string) => Promise<string[]>;
}

export const defaultContext = (): DeliveryContext => ({
  env: process.env,
  now: Date.now,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  fetch: webhookFetch(process.env),
  resolve: resolveHost,
});

export interface DeliveryOutcome {
  id: number;
  state: DeliveryState;
  attempts: number;
  note: string;
}

// A lease a little longer than the worst case: a live sender always holds its delivery.
const LEASE_MARGIN_MS = 60_000;
const MAX_ERROR = 500;

/**
 * Takes a delivery for this process, unless another holds it: pending, or sending under a lease
 * that ran out (its sender stopped). One UPDATE, so two processes never both take it.
 */
async function claim(db: Db, id: number, now: number, leaseMs: number): Promise<boolean> {
  const taken = await db
    .update(reportDeliveries)
    .set({ state: "sending", leaseUntil: now + leaseMs })
    .where(
      and(
        eq(reportDeliveries.id, id),
        or(eq(reportDeliveries.state, "pending"), and(eq(reportDeliveries.state, "sending"), or(isNull(reportDeliveries.leaseUntil), lt(reportDeliveries.leaseUntil, now)))),
      ),
    );
  return affectedRows(taken) === 1;
}

async function finish(db: Db, id: number, state: DeliveryState, note: string, now: number): Promise<DeliveryState> {
  await db.update(reportDeliveries).set({ state, note: note.slice(0, MAX_ERROR), finishedAt: now, leaseUntil: null }).where(eq(reportDeliveries.id, id));
  return state;
}

async function loadDelivery(db: Db, id: number) {
  return await firstRow(db
    .select({ delivery: reportDeliveries, subscription: reportSubscriptions, slug: programs.slug })
    .from(reportDeliveries)
    .innerJoin(reportSubscriptions, eq(reportDeliveries.subscriptionId, reportSubscriptions.id))
    .innerJoin(programs, eq(reportDeliveries.programId, programs.id))
    .where(eq(reportDeliveries.id, id))
    );
}

/** The attempts a delivery already made (a resumed delivery goes on from there). */
async function attemptsMade(db: Db, id: number): Promise<number> {
  return (await firstRow(db.select({ n: max(reportDeliveryAttempts.attempt) }).from(reportDeliveryAttempts).where(eq(reportDeliveryAttempts.deliveryId, id))))?.n ?? 0;
}

/**
 * Runs deliveries to the end: each one's attempts in turn, with exponential backoff between them,
 * every attempt recorded (time, duration, status code or error) as it ends. Deliveries of one
 * week share one package (one PDF). Never throws: whatever goes wrong is written in the delivery.
 */
export async function runDeliveries(db: Db, ids: readonly number[], ctx: DeliveryContext = defaultContext()): Promise<DeliveryOutcome[]> {
  const settings = retrySettingsFromEnv(ctx.env);
  const packages = new Map<string, PublishedPackage>();
  const packageOf = async (slug: string, week: string, origin: string) => {
    const key = `${slug}\n${week}\n${origin}`;
    if (!packages.has(key)) packages.set(key, await publishedPackage(db, slug, week, origin));
    return packages.get(key)!;
  };
  return Promise.all(ids.map(async (id) => await runOne(db, id, settings, ctx, packageOf)));
}

async function runOne(
  db: Db,
  id: number,
  settings: RetrySettings,
  ctx: DeliveryContext,
  packageOf: (slug: string, week: string, origin: string) => Promise<PublishedPackage>,
): Promise<DeliveryOutcome> {
  const leaseMs = worstCaseMs(settings) + LEASE_MARGIN_MS;
  const outcome = async (state: DeliveryState, note: string): Promise<DeliveryOutcome> => ({ id, state, attempts: await attemptsMade(db, id), note });
  if (!await claim(db, id, ctx.now(), leaseMs)) return await outcome((await loadDelivery(db, id))?.delivery.state ?? "failed", "taken by another process");
  try {
    const row = (await loadDelivery(db, id))!;
    const { subscription: sub, delivery } = row;
    if (sub.removedAt !== null || !sub.enabled) {
      const note = `not sent: the subscription was ${sub.removedAt !== null ? "removed" : "disabled"} before it was sent`;
      return await outcome(await finish(db, id, "not_sent", note, ctx.now()), note);
    }
    const pkg = await packageOf(row.slug, delivery.isoWeek, delivery.origin);
    let attempt: () => Promise<AttemptOutcome>;
    let secrets: string[];
    if (sub.kind === "email") {
      const smtp = smtpSettings(ctx.env);
      if (!smtp.ok) return await outcome(await finish(db, id, "not_sent", smtp.reason, ctx.now()), smtp.reason);
      secrets = smtp.secrets;
      attempt = async () => {
        let pdf: Buffer;
        try {
          pdf = await pkg.pdf();
        } catch (error) {
          const e = error as Error & { code?: string };
          // No Chromium will not fix itself; a busy printer will.
          return { ok: false, statusCode: null, error: `the PDF could not be printed: ${e.message}`, retryable: e.code === "unavailable" && /retry/.test(e.message) };
        }
        return sendEmail(smtp, sub.target, pkg.email, pdf, settings.timeoutMs);
      };
    } else {
      const secret = sub.secret;
      if (!secret) return await outcome(await finish(db, id, "not_sent", "not sent: the subscription has no secret", ctx.now()), "no secret");
      const url = new URL(sub.target);
      secrets = [secret, sub.target, `${url.pathname}${url.search}`].filter((s) => s.length > 1);
      const body = webhookBody(sub.kind, pkg.notice);
      attempt = async () => {
        // Checked at every attempt: a name may resolve elsewhere than when it was subscribed.
        const refused = await privateTargetRefusal(sub.target, ctx.env, ctx.resolve);
        if (refused) return { ok: false, statusCode: null, error: refused, retryable: false };
        return postWebhook({ url: sub.target, secret, body, deliveryId: id, timeoutMs: settings.timeoutMs, nowSeconds: Math.floor(ctx.now() / 1000) }, ctx.fetch);
      };
    }
    return await attemptUntilDone(db, id, attempt, secrets, settings, ctx, leaseMs);
  } catch (error) {
    // A fault of the tracker itself (the package could not be made): say so, never crash the caller.
    const note = `not sent: ${error instanceof Error ? error.message : String(error)}`;
    return await outcome(await finish(db, id, "failed", note, ctx.now()), note);
  }
}

async function attemptUntilDone(
  db: Db,
  id: number,
  attempt: () => Promise<AttemptOutcome>,
  secrets: string[],
  settings: RetrySettings,
  ctx: DeliveryContext,
  leaseMs: number,
): Promise<DeliveryOutcome> {
  const delays = retryDelays(settings);
  let last: AttemptOutcome | null = null;
  for (let n = await attemptsMade(db, id) + 1; n <= settings.maxAttempts; n++) {
    if (n > 1) await ctx.sleep(delays[n - 2] ?? 0);
    const startedAt = ctx.now();
    last = await attempt();
    const error = last.error === null ? null : redactSecrets(last.error, secrets).slice(0, MAX_ERROR);
    await db.insert(reportDeliveryAttempts)
      .values({ deliveryId: id, attempt: n, startedAt, durationMs: Math.max(0, ctx.now() - startedAt), ok: last.ok, statusCode: last.statusCode, error });
    if (last.ok) return { id, state: await finish(db, id, "delivered", "", ctx.now()), attempts: n, note: "" };
    if (!last.retryable) {
      const note = `gave up: ${error} will not change by trying again`;
      return { id, state: await finish(db, id, "failed", note, ctx.now()), attempts: n, note };
    }
    await db.update(reportDeliveries).set({ leaseUntil: ctx.now() + leaseMs }).where(eq(reportDeliveries.id, id));
  }
  const note = `gave up after ${settings.maxAttempts} attempt${settings.maxAttempts === 1 ? "" : "s"}`;
  return { id, state: await finish(db, id, "failed", note, ctx.now()), attempts: await attemptsMade(db, id), note };
}
