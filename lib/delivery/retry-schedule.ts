/** How a delivery is retried: attempts, the first wait, its growth, the cap, and each attempt's time limit. */
export interface RetrySettings {
  maxAttempts: number;
  baseMs: number;
  maxDelayMs: number;
  timeoutMs: number;
}

export const DEFAULT_RETRY: RetrySettings = { maxAttempts: 5, baseMs: 30_000, maxDelayMs: 15 * 60_000, timeoutMs: 10_000 };

/**
 * The waits before attempts 2…maxAttempts: base, 2·base, 4·base… each capped at maxDelayMs
 * (30 s, 1 min, 2 min, 4 min by default). No jitter: one tracker sends a handful of deliveries a
 * week, never a thundering herd, and a fixed schedule is one the delivery log can explain.
 */
export function retryDelays(settings: Pick<RetrySettings, "maxAttempts" | "baseMs" | "maxDelayMs">): number[] {
  return Array.from({ length: Math.max(0, settings.maxAttempts - 1) }, (_, i) => Math.min(settings.maxDelayMs, settings.baseMs * 2 ** i));
}

/** The longest a delivery can take: every attempt timing out and every wait. */
export function worstCaseMs(settings: RetrySettings): number {
  return settings.maxAttempts * settings.timeoutMs + retryDelays(settings).reduce((a, b) => a + b, 0);
}

function integer(raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const n = Number(raw);
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

/** The settings from DELIVERY_MAX_ATTEMPTS, DELIVERY_RETRY_BASE_MS, DELIVERY_RETRY_MAX_MS, DELIVERY_TIMEOUT_MS. */
export function retrySettingsFromEnv(env: Record<string, string | undefined>): RetrySettings {
  return {
    maxAttempts: integer(env.DELIVERY_MAX_ATTEMPTS, DEFAULT_RETRY.maxAttempts, 1, 20),
    baseMs: integer(env.DELIVERY_RETRY_BASE_MS, DEFAULT_RETRY.baseMs, 0, 3_600_000),
    maxDelayMs: integer(env.DELIVERY_RETRY_MAX_MS, DEFAULT_RETRY.maxDelayMs, 0, 24 * 3_600_000),
    timeoutMs: integer(env.DELIVERY_TIMEOUT_MS, DEFAULT_RETRY.timeoutMs, 100, 600_000),
  };
}

/** Whether an HTTP answer is worth another attempt: server errors, timeouts and rate limits are; other refusals are not. */
export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 425 || status === 429;
}
