import { AppError } from "../errors";
import { mediaType } from "./app-origin";
import { concatBytes } from "./concat-bytes";

/**
 * Reads a JSON body of at most `limit` bytes: 413 when larger, 415 when it is not sent as JSON
 * (`application/json` or a `+json` type), 400 when it does not parse. The bytes are counted as
 * they arrive, so a body without Content-Length (chunked) is cut off at the limit instead of
 * being read whole first. No body at all reads as `{}`.
 */
export async function readJson(request: Request, limit = 1024 * 1024): Promise<unknown> {
  const text = await readText(request, limit);
  if (text !== "" && !isJsonType(mediaType(request.headers)))
    throw new AppError("unsupported_media_type", "the body must be sent as JSON (Content-Type: application/json)", [
      { path: "(body)", message: `Content-Type is ${mediaType(request.headers) || "missing"}` },
    ]);
  return parseJsonText(text);
}

const isJsonType = (type: string) => type === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(type);

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

/** A body's bytes, counted as they arrive: 413 as soon as they pass `limit`, declared or not. */
export async function readBodyBytes(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
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
