import { asAppError } from "../errors";

/** RFC 9457 problem+json for an error; anything but an AppError (or one it wraps) becomes a bare 500 with no details. */
export function problemResponse(error: unknown, instance?: string): Response {
  const known = asAppError(error);
  const status = known?.status ?? 500;
  const body = {
    ...known?.extensions,
    type: "about:blank",
    title: known?.title ?? "Internal server error",
    status,
    detail: known?.message ?? "the server failed to answer; nothing was written",
    ...(instance ? { instance } : {}),
    ...(known && known.errors.length > 0 ? { errors: known.errors } : {}),
  };
  const headers: Record<string, string> = { "content-type": "application/problem+json" };
  if (status === 401) headers["www-authenticate"] = 'Bearer realm="tracker"';
  const retry = known?.retryAfterSeconds?.toString() ?? (known?.code === "rate_limited" ? /retry in (\d+) s/.exec(known.message)?.[1] : undefined);
  if (retry) headers["retry-after"] = retry;
  return new Response(JSON.stringify(body), { status, headers });
}
