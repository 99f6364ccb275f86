// The readers of "10 readers + 1 writer", as wrk (Debian's package, C, epoll) makes them: a load
// generator that needs a fraction of the CPU autocannon needs for the same requests, which on a
// two-core machine is CPU the server under test would otherwise lose.
import { execFileSync, spawn } from "node:child_process";
import path from "node:path";

export interface WrkResult {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** Answers other than 2xx/3xx, and socket errors (connect, read, write, timeout). */
  errors: number;
}

/** wrk's text report (`--latency`) as figures; throws when a figure is missing. */
export function parseWrkReport(text: string): WrkResult {
  const match = (re: RegExp, what: string) => {
    const m = re.exec(text);
    if (!m) throw new Error(`wrk's report has no ${what}:\n${text}`);
    return m;
  };
  const total = match(/(\d+) requests in ([\d.]+)(us|ms|s|m),/, "request count");
  const seconds = toMs(Number(total[2]), total[3]!) / 1000;
  const p50 = match(/^\s*50%\s+([\d.]+)(us|ms|s|m)\s*$/m, "50% latency");
  const p99 = match(/^\s*99%\s+([\d.]+)(us|ms|s|m)\s*$/m, "99% latency");
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(text);
  const requests = Number(total[1]);
  return {
    requests,
    seconds,
    requestsPerSecond: Math.round((requests / seconds) * 100) / 100,
    latencyP50Ms: toMs(Number(p50[1]), p50[2]!),
    latencyP99Ms: toMs(Number(p99[1]), p99[2]!),
    errors: (socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0) + (non2xx ? Number(non2xx[1]) : 0),
  };
}

function toMs(value: number, unit: string): number {
  const ms = unit === "us" ? value / 1000 : unit === "ms" ? value : unit === "s" ? value * 1000 : value * 60_000;
  return Math.round(ms * 100) / 100;
}

/** Where wrk is, after scripts/ensure-wrk.sh (Debian's package, installed when missing and root). */
export function ensureWrk(): string {
  execFileSync("bash", [path.join(import.meta.dirname, "..", "scripts", "ensure-wrk.sh")], { stdio: ["ignore", "inherit", "inherit"] });
  return execFileSync("sh", ["-c", "command -v wrk"], { encoding: "utf8" }).trim();
}

/** `connections` readers of `url` for `seconds`, one wrk thread, each request with `headers`. */
export function runWrk(wrk: string, url: string, options: { connections: number; seconds: number; headers: Record<string, string> }): Promise<WrkResult> {
  const args = ["-t1", `-c${options.connections}`, `-d${options.seconds}s`, "--timeout", "120s", "--latency"];
  for (const [name, value] of Object.entries(options.headers)) args.push("-H", `${name}: ${value}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(wrk, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d));
    child.stderr.on("data", (d: Buffer) => (out += d));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`wrk exited with ${code}:\n${out}`));
      try {
        resolve(parseWrkReport(out));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}
