/**
 * The Content-Security-Policy of a page: scripts run only when they carry this response's nonce
 * (Next.js puts it on its own, read from the request's policy) or were loaded by one that does
 * ('strict-dynamic'). A script injected into the page's HTML therefore never runs, even inline.
 * Styles keep 'unsafe-inline': React writes style attributes, and a style cannot run code.
 */
export function pageContentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    // Development's fast refresh evaluates the code it reloads.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A fresh nonce: 128 random bits, base64 (a nonce must never repeat nor be guessable). */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
