import { randomBytes } from "node:crypto";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { chromiumPath } from "./db/print/print-pdf";

// One fresh SQLite file per run; workers inherit it through the environment. Given an empty
// PostgreSQL database instead (scripts/test-all.sh starts one), the API suite runs on it alone.
// (Its name carries the runner's pid: npm test starts three runs in the same second.)
process.env.E2E_DATABASE_URL ??= path.join("tests", ".tmp", `e2e-${process.pid}-${Date.now()}.db`);
process.env.TEST_PASSWORD ??= `pw-${randomBytes(12).toString("hex")}`;
const port = Number(process.env.E2E_PORT ?? 3100);
const onPostgres = /^postgres(ql)?:/i.test(process.env.E2E_DATABASE_URL);
const api = { testDir: "tests/api", testMatch: /.*\.spec\.ts/ };
// The browser the tests drive is the one the server prints with (Debian's headless shell when
// installed: about a third less CPU per test than Chromium itself), or E2E_CHROMIUM_PATH.
const testBrowser = process.env.E2E_CHROMIUM_PATH ?? chromiumPath();

export default defineConfig({
  testDir: "tests",
  // npm test runs the API suite on SQLite and on PostgreSQL beside the browser suite
  // (scripts/test-all.sh): each run has its own output folder (E2E_OUTPUT_DIR) and report (E2E_REPORT).
  outputDir: process.env.E2E_OUTPUT_DIR ?? (onPostgres ? "test-results-postgres" : "test-results"),
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 1,
  timeout: 60_000,
  reporter: [["list"], ["json", { outputFile: process.env.E2E_REPORT ?? (onPostgres ? "tests/.tmp/playwright-postgres.json" : "tests/.tmp/playwright.json") }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // A trace records every action's DOM and screenshots: half again the browser's CPU on two
    // cores, for every test. A failure keeps its screenshot and page snapshot (error-context.md);
    // E2E_TRACE=1 records traces too, to rerun a failing test with one.
    trace: process.env.E2E_TRACE === "1" ? "retain-on-failure" : "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: testBrowser,
      args: [
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: onPostgres
    ? [{ name: "api-postgres", ...api }]
    : [
        // Black-box HTTP tests of the API: no browser, same server.
        { name: "api", ...api },
        {
          name: "chromium",
          testDir: "tests/e2e",
          testMatch: /.*\.spec\.ts/,
          use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 900 } },
        },
      ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    env: {
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      TEST_PASSWORD: process.env.TEST_PASSWORD,
      PORT: String(port),
      NEXT_TELEMETRY_DISABLED: "1",
      // Every test signs in from 127.0.0.1; the per-address limit has its own test.
      SIGN_IN_ADDRESS_LIMIT: "10000",
      // The tests' webhook receivers listen on 127.0.0.1; the refusal of private targets has its own test.
      WEBHOOK_PRIVATE_TARGETS: "allow",
    },
    stdout: "pipe",
    stderr: "pipe",
  },
});
