import { isRetryableStatus } from "@/lib/delivery/retry-schedule";
import { signWebhook, SIGNATURE_HEADER, TIMESTAMP_HEADER } from "@/lib/delivery/webhook-signature";
import { REPORT_PUBLISHED_EVENT } from "@/lib/delivery/webhook-payloads";
import type { AttemptOutcome } from "./attempt-outcome";

export interface WebhookRequest {
  url: string;
  secret: string;
  body: string;
  deliveryId: number;
  timeoutMs: number;
  nowSeconds: number;
}

/**
 * One signed POST. Redirects are not followed (a receiver that moved is a failure the admin
 * should see, and following one could lead the server somewhere its admin never chose); only a
 * 2xx is a success. Each attempt is signed afresh, so its timestamp is that of the attempt.
 */
export async function postWebhook(r: WebhookRequest, fetchImpl: typeof fetch = fetch): Promise<AttemptOutcome> {
  try {
    const res = await fetchImpl(r.url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(r.timeoutMs),
      headers: {
        "content-type": "application/json",
        "user-agent": "BoostOffloadTracker/1 (report delivery)",
        [TIMESTAMP_HEADER]: String(r.nowSeconds),
        [SIGNATURE_HEADER]: signWebhook(r.secret, r.nowSeconds, r.body),
        "x-tracker-event": REPORT_PUBLISHED_EVENT,
        "x-tracker-delivery": String(r.deliveryId),
      },
      body: r.body,
    });
    // The answer is not needed; reading it frees the connection.
    await res.arrayBuffer().catch(() => undefined);
    if (res.status >= 200 && res.status < 300) return { ok: true, statusCode: res.status, error: null, retryable: false };
    const moved = res.status >= 300 && res.status < 400;
    return {
      ok: false,
      statusCode: res.status,
      error: moved ? `HTTP ${res.status}: redirected (not followed)` : `HTTP ${res.status}`,
      retryable: isRetryableStatus(res.status),
    };
  } catch (error) {
    const e = error as Error & { cause?: { code?: string; message?: string } };
    // Refused at the connection (webhookFetch): another attempt would be refused the same way.
    if (e.cause?.code === "EPRIVATETARGET") return { ok: false, statusCode: null, error: e.cause.message ?? "not sent: a private address", retryable: false };
    const timedOut = e.name === "TimeoutError" || e.name === "AbortError";
    const reason = timedOut ? `no answer within ${r.timeoutMs} ms` : (e.cause?.code ?? e.cause?.message ?? e.message);
    return { ok: false, statusCode: null, error: reason, retryable: true };
  }
}
