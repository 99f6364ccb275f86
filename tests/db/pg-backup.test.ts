/**
 * Backup and restore on PostgreSQL, as the README tells an operator to do it: pg_dump in the
 * custom format, pg_restore into an empty database, then `tracker verify-log` on the restored one.
 * Everything through the CLI and PostgreSQL's own programs, on a throwaway server.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalPostgres, type LocalPostgres } from "../support/local-postgres";
import { NODE, trackerArgs } from "../support/tsx-command";

const ROOT = path.resolve(__dirname, "../..");
const BIN = process.env.POSTGRES_BIN ?? "/usr/lib/postgresql/15/bin";

let server: LocalPostgres;
let source: string;
let restored: string;
let dir: string;

function tracker(url: string, args: string[]) {
  const r = spawnSync(NODE, trackerArgs(args), {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function onDatabase(url: string, ...statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const text of statements) await client.query(text);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  server = await startLocalPostgres();
  source = await server.createDatabase("source");
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-pg-backup-"));
}, 90_000);

afterAll(() => {
  server?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("PostgreSQL: pg_dump, pg_restore, tracker verify-log", () => {
  it("a restored dump has the same log, verified, and the same program", { timeout: 240_000 }, async () => {
    // The first command on an empty database migrates it and loads the demo program.
    const first = tracker(source, ["verify-log"]);
    expect(first.code, first.stderr).toBe(0);
    const intact = /^log intact: (\d+) entries, head ([0-9a-f]{64})$/m.exec(first.stdout);
    expect(intact, first.stdout).not.toBeNull();
    const exported = tracker(source, ["export", "boost-offload"]);
    expect(exported.code, exported.stderr).toBe(0);

    const dump = path.join(dir, "tracker.dump");
    execFileSync(path.join(BIN, "pg_dump"), ["--format=custom", "--file", dump, source]);
    restored = await server.createDatabase("restored");
    execFileSync(path.join(BIN, "pg_restore"), ["--no-owner", "--exit-on-error", "--dbname", restored, dump]);

    const check = tracker(restored, ["verify-log"]);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout.trim()).toBe(`log intact: ${intact![1]} entries, head ${intact![2]}`);
    const again = tracker(restored, ["export", "boost-offload"]);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual(JSON.parse(exported.stdout));
  });

  it("the restored database keeps the append-only rule, and verify-log names an entry altered behind it", { timeout: 120_000 }, async () => {
    await expect(onDatabase(restored, "UPDATE audit_log SET payload = '{}' WHERE seq = 5")).rejects.toThrow(/append-only|not allowed|cannot/i);
    await onDatabase(
      restored,
      "ALTER TABLE audit_log DISABLE TRIGGER USER",
      "UPDATE audit_log SET payload = replace(payload, '\"', '''') WHERE seq = 5",
      "ALTER TABLE audit_log ENABLE TRIGGER USER",
    );
    const check = tracker(restored, ["verify-log"]);
    expect(check.code).toBe(1);
    expect(check.stderr.trim()).toMatch(/^log BROKEN at entry #5: /);
  });

  it("tracker backup and restore, which work on SQLite files, point a PostgreSQL user to pg_dump", () => {
    for (const args of [["backup", path.join(dir, "copy.db")], ["restore", path.join(dir, "copy.db")]]) {
      const r = tracker(source, args);
      expect(r.code, args[0]).not.toBe(0);
      expect(r.stderr.trim().split("\n"), args[0]).toHaveLength(1);
      expect(r.stderr, args[0]).toMatch(/PostgreSQL server .*pg_dump and pg_restore/);
    }
    expect(fs.existsSync(path.join(dir, "copy.db"))).toBe(false);
  });
});
