// `npm run test:soak`: the long reliability runs that `npm test` keeps short.
//   1. tests/soak (vitest): repeated SIGKILLs of large CLI imports (SOAK_KILLS, SOAK_ITEMS).
//   2. The hostile-input, concurrency and server-fault suites with SOAK=1: ten times the
//      fast-check runs (a new seed each day), eight times the concurrent operations, ten
//      kill-and-restart rounds.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const run = (cmd, args, env = {}) => spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;

let failed = 0;
fs.mkdirSync("tests/.tmp", { recursive: true });
console.log("== soak: CLI import killed at random moments");
failed |= run("node_modules/.bin/vitest", ["run", "--config", "tests/soak/vitest.config.ts"]);

if (!fs.existsSync(".next/BUILD_ID")) {
  console.log("== soak: building the app");
  if (run("node_modules/.bin/next", ["build"]) !== 0) process.exit(1);
}
console.log("== soak: hostile input, concurrency and server faults, scaled up (SOAK=1)");
failed |= run(
  "node_modules/.bin/playwright",
  ["test", "--project=api", "tests/api/hostile-input.spec.ts", "tests/api/hostile-actions.spec.ts", "tests/api/concurrency.spec.ts", "tests/api/faults-server.spec.ts"],
  { SOAK: "1" },
);
console.log(failed ? "soak: FAILED" : "soak: all passed");
process.exit(failed ? 1 : 0);
