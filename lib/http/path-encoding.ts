/**
 * A path segment as the page should read it, or null when it names nothing. Next.js hands pages
 * their segments decoded already, so a second decoding is only for a segment that still holds
 * escapes — and a "%" that does not start one (a decoded "%25") is a name no page has, never an
 * error of the server.
 */
export function decodePathSegment(segment: string): string | null {
  if (!segment.includes("%")) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

const REPLACEMENT = encodeURIComponent("\uFFFD");

/**
 * `path` with each piece that is not valid percent-encoding — a "%" without two hex digits after
 * it, or escapes that are not UTF-8 — replaced by an escaped U+FFFD and everything else kept as
 * sent; null when the path decodes as it is. The result names nothing either (no slug, key or
 * week holds U+FFFD), but a router can decode it, so the page it aims at can say "not found" in
 * its own words.
 */
export function repairPathEncoding(path: string): string | null {
  try {
    decodeURIComponent(path);
    return null;
  } catch {
    return path.replace(/(?:%[0-9A-Fa-f]{2})+|%/g, (run) => {
      if (run === "%") return REPLACEMENT;
      try {
        decodeURIComponent(run);
        return run;
      } catch {
        const bytes = Uint8Array.from(run.slice(1).split("%"), (hex) => parseInt(hex, 16));
        // Not fatal: each sequence that is not UTF-8 becomes U+FFFD, the valid ones stay themselves.
        return encodeURIComponent(new TextDecoder("utf-8").decode(bytes));
      }
    });
  }
}

/**
 * Whether a route's parameters (none for a route without any) hold U+0000. No slug, key, id or week can: the API answers "not
 * found" before any query, as SQLite would after one, where PostgreSQL would refuse the value.
 */
export function holdsNul(params: object | null | undefined): boolean {
  return Object.values(params ?? {}).some((v: unknown) => (Array.isArray(v) ? v : [v]).some((s: unknown) => typeof s === "string" && s.includes("\u0000")));
}
