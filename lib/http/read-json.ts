import { AppError } from "../errors";
import { concatBytes } from "./concat-bytes";

/**
 * Reads a JSON body of at most `limit` bytes: 413 when larger, 400 when not JSON. The bytes are
 * counted as they arrive, so a body without Content-Length (chunked) is cut off at the limit
 * instead of being read whole first.
 */
export async function readJson(request: Request, limit = 1024 * 1024): Promise<unknown> {
  return parseJsonText(await readText(request, limit));
}

/** A body's text as JSON: the empty text is `{}`, anything unparsable a 400. */
export function parseJsonText(text: string): unknown {
  if (text === "") return {};
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new AppError("invalid", `the body is not valid JSON: ${(e as Error).message}`);
  }
}

/** Reads a UTF-8 text body of at most `limit` bytes: 413 when larger, 400 when not UTF-8. */
export async function readText(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw new AppError("too_large", `the body is larger than ${limit} bytes`);
  const bytes = await readBodyBytes(request, limit);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("invalid", "the body is not valid UTF-8");
  }
}

/** Like readJson, but the body must be a JSON object (400 for null, arrays, numbers, strings). */
export async function readJsonObject(request: Request, limit?: number): Promise<Record<string, unknown>> {
  const body = await readJson(request, limit);
  if (body === null || typeof body !== "object" || Array.isArray(body))
    throw new AppError("invalid", "the body must be a JSON object", [{ path: "(body)", message: "must be a JSON object" }]);
  return body as Record<string, unknown>;
}

async function readBodyBytes(request: Request, limit: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw new AppError("too_large", `the body is larger than ${limit} bytes`);
    }
    chunks.push(value);
  }
  return concatBytes(chunks, total);
}
