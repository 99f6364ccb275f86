// Serves the built app for Playwright on a brand-new database — a new SQLite file under tests/.tmp/
// or an empty PostgreSQL database — and refuses any other.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

const url = process.env.DATABASE_URL ?? "";
if (!(await isNewDatabase(url))) {
  console.error(`e2e-server: refusing database "${url.replace(/:[^/:@]*@/, ":***@")}": tests run only on a new file under tests/.tmp/ or an empty PostgreSQL database`);
  process.exit(1);
}
if (!fs.existsSync(".next/BUILD_ID")) {
  console.error("e2e-server: no build; run `npx next build` first (npm test does)");
  process.exit(1);
}
const prepared = spawnSync(process.execPath, ["--import", "tsx", "tests/support/prepare-test-database.ts"], { stdio: "inherit" });
if (prepared.status !== 0) process.exit(prepared.status ?? 1);

const server = spawn("node_modules/.bin/next", ["start", "-H", "127.0.0.1", "-p", process.env.PORT ?? "3100"], {
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

async function isNewDatabase(value) {
  if (!/^postgres(ql)?:\/\//i.test(value)) {
    const tmp = path.resolve("tests", ".tmp");
    return value !== "" && path.resolve(value).startsWith(tmp + path.sep) && !fs.existsSync(value);
  }
  const client = new pg.Client({ connectionString: value });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')");
    return rows[0].n === 0;
  } finally {
    await client.end();
  }
}
