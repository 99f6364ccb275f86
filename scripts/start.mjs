// `npm start`: build once when there is no build yet, then serve on PORT (default 3000).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { SERVER_NODE_OPTIONS } from "./server-node-options.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const next = "node_modules/.bin/next";

if (!fs.existsSync(".next/BUILD_ID")) {
  console.log("tracker: no build yet, running next build (about a minute)…");
  const build = spawnSync(next, ["build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const port = process.env.PORT ?? "3000";
// Override with NODE_OPTIONS.
process.env.NODE_OPTIONS ??= SERVER_NODE_OPTIONS;
const server = spawn(next, ["start", "-p", port], { stdio: "inherit" });
// Pass stop signals on, so stopping `npm start` never leaves next-server running.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
