import fs from "node:fs";
import { AppError } from "@/lib/errors";

/**
 * A regular file of at most `maxBytes` in UTF-8, or an AppError in one line: not a directory, a
 * FIFO or a device (which would fail late or never end), and invalid bytes refused, as the API
 * refuses them, rather than silently replaced with U+FFFD.
 */
export function readTextFile(file: string, { maxBytes = 64 * 1024 * 1024, what = "text" }: { maxBytes?: number; what?: string } = {}): string {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new AppError("invalid", `cannot read ${file}: not a regular file`);
    if (stat.size > maxBytes) throw new AppError("invalid", `${file} is too large (${stat.size} bytes; at most ${maxBytes})`);
    bytes = fs.readFileSync(file);
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new AppError("invalid", `cannot read ${file}: ${code === "ENOENT" ? "no such file" : (code ?? "unreadable")}`);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("invalid", `${file} is not UTF-8 ${what}`);
  }
}
