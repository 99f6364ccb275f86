import { concatBytes } from "./concat-bytes";

/** Below this many bytes gzip saves nothing worth its cost (the compression library's own default). */
export const SMALL_ANSWER_BYTES = 1024;

const NULL_BODY_STATUS = new Set([101, 103, 204, 205, 304]);
const NO_TRANSFORM = /(?:^|,)\s*no-transform\s*(?:,|$)/i;

/**
 * Marks an answer that turns out shorter than `threshold` bytes `Cache-Control: no-transform`
 * (RFC 9111 §5.2.2.6), which Next.js's compression honours; anything longer is passed on whole.
 *
 * Why: a route handler's answer reaches Next.js as a stream, so its compression cannot see the
 * length and gzips every answer a client accepts gzip for — an 11-byte health answer too. Each
 * gzip step waits for its own turn of the event loop: under ten readers that never pause, a
 * 300-byte transition answer took 80–120 ms to leave the server instead of 10.
 */
export async function markSmallAnswer(response: Response, threshold = SMALL_ANSWER_BYTES): Promise<Response> {
  if (response.body === null || NULL_BODY_STATUS.has(response.status) || NO_TRANSFORM.test(response.headers.get("cache-control") ?? "")) return response;
  // A length given up front (a memoised answer's) says it without reading: a large answer goes on as it is.
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (Number.isSafeInteger(declared) && declared >= threshold) return response;
  const reader = response.body.getReader();
  const head: Uint8Array[] = [];
  let size = 0;
  while (size < threshold) {
    const { done, value } = await reader.read();
    if (done) return new Response(concatBytes(head, size), { ...init(response), headers: withNoTransform(response.headers) });
    head.push(value);
    size += value.byteLength;
  }
  // Long enough to be worth gzip: the bytes already read, then the rest as it comes.
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const first = head.shift();
      if (first) return controller.enqueue(first);
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return new Response(body, { ...init(response), headers: new Headers(response.headers) });
}

function init(response: Response): ResponseInit {
  return { status: response.status, statusText: response.statusText };
}

function withNoTransform(headers: Headers): Headers {
  const copy = new Headers(headers);
  const cacheControl = copy.get("cache-control");
  copy.set("cache-control", cacheControl ? `${cacheControl}, no-transform` : "no-transform");
  return copy;
}
