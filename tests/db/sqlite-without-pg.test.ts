/**
 * A SQLite deployment never loads PostgreSQL's driver: db/index.ts imports db/open-postgres.ts (pg
 * and drizzle's driver for it) only for a PostgreSQL URL, so the server, its worker threads and
 * the CLI on a SQLite file hold none of it.
 */
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { NODE } from "../support/tsx-command";

/** The modules of pg's packages loaded by a process that runs `script` (ESM, under tsx). */
function pgModulesAfter(script: string): number {
  const probe = `${script}
    const { createRequire } = await import("node:module");
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    console.log(loaded.filter((file) => /node_modules[\\\\/](pg|pg-pool|pg-protocol)[\\\\/]/.test(file)).length);`;
  return Number(execFileSync(NODE, ["--import", "tsx", "--input-type=module", "-e", probe], { encoding: "utf8" }).trim());
}

describe("PostgreSQL's driver", () => {
  it("is not loaded to open, use and close a SQLite database", () => {
    const loaded = pgModulesAfter(`
      const { openDatabase, openDatabaseReadOnly, closeDatabase } = await import("./db/index.ts");
      const os = await import("node:os"), path = await import("node:path"), fs = await import("node:fs");
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "no-pg-")), "t.db");
      const db = await openDatabase(file);
      db.$client.prepare("SELECT 1").get();
      await closeDatabase(await openDatabaseReadOnly(file));
      await closeDatabase(db);
      fs.rmSync(path.dirname(file), { recursive: true });`);
    expect(loaded).toBe(0);
  }, 30_000);

  it("is loaded for a PostgreSQL URL (the probe sees it)", () => {
    // Opening fails (nothing listens on port 1) after the driver was loaded to try.
    const loaded = pgModulesAfter(`
      const { openDatabase } = await import("./db/index.ts");
      await openDatabase("postgres://nobody:x@127.0.0.1:1/none").catch(() => undefined);`);
    expect(loaded).toBeGreaterThan(0);
  }, 30_000);
});
