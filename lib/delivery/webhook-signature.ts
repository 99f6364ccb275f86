import { createHmac, timingSafeEqual } from "node:crypto";

/** The headers a signed webhook request carries (README "Webhook signatures"). */
export const SIGNATURE_HEADER = "x-tracker-signature";
export const TIMESTAMP_HEADER = "x-tracker-timestamp";

/** Receivers should refuse a request whose timestamp is further than this from their clock. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/**
 * `sha256=<hex>`: HMAC-SHA256 with the subscription's secret over `<timestamp>.<raw body>`. The
 * timestamp (Unix seconds, also sent in its own header) is inside the signed text, so a captured
 * request cannot be replayed later with a new timestamp.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

export interface SignedRequest {
  body: string;
  /** The X-Tracker-Timestamp header as received. */
  timestamp: string | null;
  /** The X-Tracker-Signature header as received. */
  signature: string | null;
}

/**
 * What a receiver does with a request: null when it is genuine and fresh, else why not. Compares
 * in constant time; `nowSeconds` is the receiver's clock.
 */
export function webhookSignatureProblem(
  secret: string,
  request: SignedRequest,
  nowSeconds: number,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): string | null {
  if (!request.timestamp || !/^\d{1,12}$/.test(request.timestamp)) return "no timestamp";
  if (!request.signature || !/^sha256=[0-9a-f]{64}$/.test(request.signature)) return "no signature";
  const timestamp = Number(request.timestamp);
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return "timestamp too old or in the future: a replay?";
  const expected = Buffer.from(signWebhook(secret, timestamp, request.body));
  const given = Buffer.from(request.signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? null : "signature does not match";
}
