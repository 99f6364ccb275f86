// Serves the built app for Playwright on a brand-new SQLite file, and refuses any other database.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const file = process.env.DATABASE_URL ?? "";
const tmp = path.resolve("tests", ".tmp");
if (!path.resolve(file).startsWith(tmp + path.sep) || fs.existsSync(file)) {
  console.error(`e2e-server: refusing database "${file}": tests run only on a new file under tests/.tmp/`);
  process.exit(1);
}
if (!fs.existsSync(".next/BUILD_ID")) {
  console.error("e2e-server: no build; run `npx next build` first (npm test does)");
  process.exit(1);
}
const prepared = spawnSync("node_modules/.bin/tsx", ["tests/support/prepare-test-database.ts"], { stdio: "inherit" });
if (prepared.status !== 0) process.exit(prepared.status ?? 1);

const server = spawn("node_modules/.bin/next", ["start", "-H", "127.0.0.1", "-p", process.env.PORT ?? "3100"], {
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
