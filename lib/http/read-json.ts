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
