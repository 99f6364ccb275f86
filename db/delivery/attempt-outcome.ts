/** How one attempt of a delivery ended. */
export interface AttemptOutcome {
  ok: boolean;
  /** The HTTP status, or the SMTP reply code; null when no answer came. */
  statusCode: number | null;
  error: string | null;
  /** Whether another attempt may succeed where this one failed. */
  retryable: boolean;
}
