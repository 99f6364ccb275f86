// `npm start`: build once when there is no build yet, then serve on PORT (default 3000).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const next = "node_modules/.bin/next";

if (!fs.existsSync(".next/BUILD_ID")) {
  console.log("tracker: no build yet, running next build (about a minute)…");
  const build = spawnSync(next, ["build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const port = process.env.PORT ?? "3000";
// A bounded heap: measured at 10,000 items the server stays under 1 GiB with it, and is as fast
// (V8 otherwise lets garbage from cache rebuilds grow past it). Override with NODE_OPTIONS.
process.env.NODE_OPTIONS ??= "--max-old-space-size=768";
const server = spawn(next, ["start", "-p", port], { stdio: "inherit" });
// Pass stop signals on, so stopping `npm start` never leaves next-server running (STACK.md #9).
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
