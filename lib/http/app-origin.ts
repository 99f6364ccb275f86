/**
 * The app's public origin: PUBLIC_URL when the deployer set it, else what the request came to
 * (scheme and host as the server saw them — forwarding headers count only where the server
 * trusts them, see app/_lib/forwarded-headers.ts).
 */
export function appOrigin(headers: Headers, publicUrl = process.env.PUBLIC_URL): string {
  if (publicUrl) return new URL(publicUrl).origin;
  const proto = (headers.get("x-forwarded-proto") ?? "http").split(",")[0]!.trim();
  const host = (headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost").split(",")[0]!.trim();
  try {
    return new URL(`${proto === "https" ? "https" : "http"}://${host}`).origin;
  } catch {
    return "http://localhost";
  }
}

/**
 * Whether a browser sent this request from the app's own pages: its Origin is the app's, or, when a
 * browser left Origin out, its fetch metadata says same-origin. No Origin and no metadata is not a
 * browser on our page, and a cookie is no credential for anything else.
 */
export function fromOwnOrigin(headers: Headers, origin: string): boolean {
  const sent = headers.get("origin");
  if (sent !== null) return sent === origin;
  return headers.get("sec-fetch-site") === "same-origin";
}

/** The media type of a body, lower-cased, without parameters. */
export function mediaType(headers: Headers): string {
  return (headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}

/**
 * The caller's address: the last X-Forwarded-For hop. The server sets the header from the socket
 * itself unless it trusts a proxy to (app/_lib/forwarded-headers.ts); a trusted proxy appends the
 * address it saw to whatever the client sent (nginx's $proxy_add_x_forwarded_for), so only the
 * last hop is a fact — the ones before it are the client's to choose.
 */
export function clientAddress(headers: Headers): string {
  return (headers.get("x-forwarded-for") ?? "").split(",").at(-1)!.trim() || "unknown";
}
