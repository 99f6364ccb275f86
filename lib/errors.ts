/** One problem with the input, located by a path such as `items[3].dependsOn[0]`. */
export interface FieldError {
  path: string;
  message: string;
}

export type ErrorCode = "invalid" | "unauthenticated" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "rule" | "too_large" | "unsupported_media_type" | "rate_limited" | "unavailable";

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  rule: 422,
  rate_limited: 429,
  unavailable: 503,
};

const TITLE_BY_CODE: Record<ErrorCode, string> = {
  invalid: "Invalid input",
  unauthenticated: "Sign-in required",
  forbidden: "Not allowed",
  not_found: "Not found",
  method_not_allowed: "Method not allowed",
  conflict: "Conflict",
  too_large: "Request too large",
  unsupported_media_type: "Unsupported media type",
  rule: "A rule of the tracker was broken",
  rate_limited: "Too many attempts",
  unavailable: "Service unavailable",
};

/** The one error type of the domain; the API turns it into RFC 9457 problem+json, the CLI into one line. */
export class AppError extends Error {
  /** RFC 9457 extension members the answer carries beside the standard ones (a suggested slug…). */
  extensions: Record<string, string> = {};
  /** The refusal for a person at a form, when the message is in the API's words (field names, kinds). */
  words?: string;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors: FieldError[] = [],
    /** When the same request may succeed later: sent as Retry-After. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return STATUS_BY_CODE[this.code];
  }

  get title(): string {
    return TITLE_BY_CODE[this.code];
  }

  /**
   * For the CLI and logs: a first line that names the first problem on its own, then every field
   * error, one per line.
   */
  describe(): string {
    const [first] = this.errors;
    if (!first) return this.message;
    const more = this.errors.length > 1 ? ` (and ${this.errors.length - 1} more below)` : "";
    return [`${this.message}: ${first.path}: ${first.message}${more}`, ...this.errors.map((e) => `  ${e.path}: ${e.message}`)].join("\n");
  }
}

/** `["items", 3, "dependsOn", 0]` → `items[3].dependsOn[0]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, part) => {
    if (typeof part === "number") return `${acc}[${part}]`;
    const name = String(part);
    return acc ? `${acc}.${name}` : name;
  }, "");
}

/** The largest row id: PostgreSQL's `integer` (SQLite's would go to 2^63). */
export const MAX_ROW_ID = 2_147_483_647;

// PostgreSQL's refusals of a value no column of its type holds, which SQLite would have compared
// and found nothing for: U+0000 in text ("character not in repertoire"), a number out of range,
// a number that is not one (Infinity, NaN).
const UNSTORABLE_VALUE: Record<string, string> = {
  "22021": "text must not contain the NUL character (U+0000)",
  "22003": "a number is out of range",
  "22P02": "a value is not a valid number",
};

/**
 * The AppError `error` stands for, or null: the error itself, one it was caused by (a database
 * driver wraps what it throws), or a value PostgreSQL cannot hold that reached it other than
 * through validated input (a path or form parameter) — invalid input, never a server error.
 */
export function asAppError(error: unknown): AppError | null {
  for (let e = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    if (e instanceof AppError) return e;
  }
  const unstorable = unstorableValue(error);
  return unstorable === null ? null : new AppError("invalid", unstorable);
}

/** Whether a lookup failed because what it was asked for is unknown, or no database could hold its name: a 404. */
export function namesNothing(error: unknown): boolean {
  return (error instanceof AppError && error.code === "not_found") || unstorableValue(error) !== null;
}

/** A lookup's answer, or null when it says the name is unknown or no database could hold it. */
export async function nullWhenNamesNothing<T>(lookup: () => Promise<T>): Promise<T | null> {
  try {
    return await lookup();
  } catch (error) {
    if (namesNothing(error)) return null;
    throw error;
  }
}

/** What PostgreSQL found it could not hold in a query's values (a page asking for one shows "not found"), or null. */
export function unstorableValue(error: unknown): string | null {
  for (let e = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && Object.hasOwn(UNSTORABLE_VALUE, code)) return UNSTORABLE_VALUE[code]!;
  }
  return null;
}
