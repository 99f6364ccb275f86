import { AppError } from "@/lib/errors";

/** Reads a password from stdin (first line), so it stays out of shell history and `ps`. */
export async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write("password: ");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const line = Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
  if (!line) throw new AppError("invalid", "no password given on standard input");
  return line;
}
