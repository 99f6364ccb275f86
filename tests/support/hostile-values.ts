/**
 * Hostile values for the reliability suites: injections, markup, traversal, bad dates,
 * broken encodings — and a raw HTTP client that sends a path or body exactly as given.
 */
import http from "node:http";

/** SQL and script payloads: stored literally in free text, refused anywhere else. */
export const INJECTIONS = [
  "'; DROP TABLE items; --",
  "\" OR 1=1 --",
  "1; DELETE FROM audit_log",
  "<img src=x onerror=alert(1)>",
  "<script>alert(document.cookie)</script>",
  "javascript:alert(1)",
  "{{7*7}}${7*7}",
  "=cmd|' /C calc'!A0",
  "**bold** _it_ [link](javascript:alert(1)) | pipe |",
  "\u0000nul\u202Eright-to-left",
] as const;

/** Values for path parameters that name nothing, try to climb out, or cannot be keys. */
export const PATH_PARAM_VALUES = [
  "no-such-thing",
  "'; DROP TABLE items; --",
  "<script>alert(1)</script>",
  "../..",
  "../../etc/passwd",
  "..%2F..%2Fetc%2Fpasswd",
  "%2e%2e%2f%2e%2e",
  "....//....//",
  "\u0000",
  "💥",
  "x".repeat(5000),
  "-1",
  "0",
  "1e3",
  "99999999999999999999999",
  "NaN",
] as const;

/** Date strings that are malformed, impossible or out of range. */
export const BAD_DATES = [
  "0000-01-01",
  "0001-01-01T00:00:00Z",
  "1969-12-31",
  "99999-01-01",
  "+275760-09-13T00:00:00Z",
  "-000001-01-01",
  "2024-02-30",
  "2023-02-29",
  "2024-13-01",
  "2024-00-10",
  "2024-02-29T24:00:01Z",
  "2024-02-01T09:00:00",
  "2024-2-1",
  "yesterday",
  "",
] as const;

/** Invalid UTF-8 inside an otherwise fine JSON text. */
export const INVALID_UTF8: Buffer[] = [
  Buffer.concat([Buffer.from('{"note":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]),
  Buffer.concat([Buffer.from('{"note":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]), // bad continuation
  Buffer.concat([Buffer.from('{"note":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')]), // overlong "/"
  Buffer.concat([Buffer.from('{"note":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]), // a UTF-16 surrogate
  Buffer.concat([Buffer.from('{"note":"'), Buffer.from([0xe2, 0x82]), Buffer.from('"}')]), // truncated sequence
  Buffer.from([0xfe, 0xff, 0x00, 0x7b, 0x00, 0x7d]), // UTF-16 with a BOM
];

/** `depth` nested arrays: [[[…]]]. */
export function nestedArrays(depth: number): string {
  return "[".repeat(depth) + "]".repeat(depth);
}

/** `depth` nested objects: {"a":{"a":…}}. */
export function nestedObjects(depth: number): string {
  return '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * One request with the path sent byte for byte (no URL normalisation, so `..` and `%ff` reach the
 * server as written) and the body either whole or chunked (no Content-Length).
 */
export function rawRequest(
  baseURL: string,
  options: { method: string; path: string; headers?: Record<string, string>; body?: Buffer | string; chunked?: boolean; timeoutMs?: number },
): Promise<RawResponse> {
  const url = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: options.method,
        path: options.path,
        headers: {
          ...(options.body !== undefined && !options.chunked ? { "content-length": String(Buffer.byteLength(options.body)) } : {}),
          ...options.headers,
        },
        timeout: options.timeoutMs ?? 30_000,
        agent: false, // a fresh connection each time: a server that answered early (413) may close the old one
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`timeout: ${options.method} ${options.path}`)));
    req.on("error", reject);
    if (options.body !== undefined) {
      if (options.chunked) {
        const buf = Buffer.from(options.body);
        for (let i = 0; i < buf.length; i += 64 * 1024) req.write(buf.subarray(i, i + 64 * 1024));
      } else req.write(options.body);
    }
    req.end();
  });
}
