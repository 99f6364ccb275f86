import { AppError } from "../errors";

/** The version in an `If-Match: "3"` header, undefined when absent. */
export function parseIfMatch(request: Request): number | undefined {
  const header = request.headers.get("if-match");
  if (header === null) return undefined;
  const m = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(header);
  if (!m) throw new AppError("invalid", 'If-Match must be the version as an ETag, e.g. "3"');
  return Number(m[1]);
}

/** A JSON answer about a versioned record, its version as the ETag that a later If-Match sends back. */
export function versionedJson(body: { version: number }, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return Response.json(body, { status: init.status, headers: { ...init.headers, etag: `"${body.version}"` } });
}
