/**
 * Where to send a person after sign-in: `next` only when it is a path of this very site.
 * Browsers read `/\host` as `//host`, and drop tabs and newlines from URLs, so anything with a
 * backslash or a control character is refused outright; what is left is resolved against the
 * app's origin and kept only when the origin did not change. The resolved path is checked again:
 * dot segments collapse in resolution (`/.//host` becomes `//host`), and a path that starts with
 * two slashes is another site's address.
 */
export function sameOriginPath(next: unknown, origin = "http://tracker.invalid"): string {
  if (typeof next !== "string" || !next.startsWith("/") || next.startsWith("//")) return "/";
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return "/";
  let decoded: string;
  try {
    decoded = decodeURIComponent(next);
  } catch {
    return "/";
  }
  if (decoded.includes("\\") || decoded.startsWith("//")) return "/";
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return "/";
  }
  if (url.origin !== new URL(origin).origin || url.pathname.startsWith("//")) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}
