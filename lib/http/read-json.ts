import { AppError } from "../errors";

/** Reads a JSON body of at most `limit` bytes: 413 when larger, 400 when not JSON. */
export async function readJson(request: Request, limit = 1024 * 1024): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw new AppError("too_large", `the body is larger than ${limit} bytes`);
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > limit) throw new AppError("too_large", `the body is larger than ${limit} bytes`);
  if (bytes.byteLength === 0) return {};
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("invalid", "the body is not valid UTF-8");
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new AppError("invalid", `the body is not valid JSON: ${(e as Error).message}`);
  }
}

/** Like readJson, but the body must be a JSON object (400 for null, arrays, numbers, strings). */
export async function readJsonObject(request: Request, limit?: number): Promise<Record<string, unknown>> {
  const body = await readJson(request, limit);
  if (body === null || typeof body !== "object" || Array.isArray(body))
    throw new AppError("invalid", "the body must be a JSON object", [{ path: "(body)", message: "must be a JSON object" }]);
  return body as Record<string, unknown>;
}
