/**
 * Faults without a server: (a) the CLI killed with SIGKILL in the middle of a large
 * import — the database reopens intact (integrity check, log chain) with the program either fully
 * there or fully absent, and the same import then succeeds; (c) a database whose migrations are
 * ahead of the code is refused with a clear message, and left untouched.
 *
 * The server-side faults (a server killed mid-burst, a server refusing a newer schema) are in
 * tests/api/faults-server.spec.ts. Longer runs with many kills: tests/soak (npm run test:soak).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { trackerInProcess } from "../support/cli-in-process";
import { dbDigest } from "../support/db-digest";
import { checkAfterCrash, killImportMidway } from "../support/kill-import";
import { generateBundle } from "@/scripts/generate-bundle";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-faults-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("faults", () => {
  it("(a) SIGKILL in the middle of a large CLI import: intact database, the program all there or not at all; the import then succeeds", async () => {
    const bundle = generateBundle({ items: 800, seed: 11 });
    const bundleFile = path.join(dir, "large.json");
    fs.writeFileSync(bundleFile, JSON.stringify(bundle));
    const db = path.join(dir, "killed.db");
    // A prepared database (migrations, first admin), as the CLI would leave it.
    expect((await trackerInProcess(db, ["user", "list"])).code).toBe(0);

    const kill = await killImportMidway({ root: ROOT, databaseFile: db, bundleFile, walGrowthBytes: 1024 * 1024 });
    expect(kill.killed, `the import ended before it could be killed (exit ${kill.exitCode}): ${kill.stderr}`).toBe(true);
    const after = await checkAfterCrash(db, bundle);
    expect(after.integrity).toBe("ok");
    expect(after.chain.ok, JSON.stringify(after.chain.firstBad)).toBe(true);
    expect(["absent", "complete"], JSON.stringify(after)).toContain(after.program);
    console.log(`fault (a): import killed with the WAL at ${kill.walBytes} bytes; afterwards the program was ${after.program}`);

    // Whatever the kill left, the database works: the same import now goes through (or is a 409 if it had).
    const again = await trackerInProcess(db, ["import", bundleFile]);
    if (after.program === "absent") expect(again.code, again.stderr).toBe(0);
    else expect(again.stderr).toMatch(/already exists/);
    const final = await checkAfterCrash(db, bundle);
    expect(final.program).toBe("complete");
    expect(final.chain.ok).toBe(true);
  }, 120_000);

  it("(c) a database migrated by a newer version: the CLI refuses it with a clear message and leaves it as it was", async () => {
    const db = path.join(dir, "newer.db");
    expect((await trackerInProcess(db, ["user", "list"])).code).toBe(0);
    const raw = new Database(db);
    raw.prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)").run("from-the-future", Date.UTC(2099, 0, 1));
    raw.pragma("wal_checkpoint(TRUNCATE)");
    raw.close();
    const before = dbDigest(db);
    for (const args of [["verify-log"], ["user", "list"], ["import", path.join(dir, "large.json")], ["backup", path.join(dir, "newer.backup.db")]]) {
      const r = await trackerInProcess(db, args);
      expect(r.code, args.join(" ")).toBe(1);
      expect(r.stderr.split("\n")[0], args.join(" ")).toMatch(
        /^error: the database's schema is newer than this version of the tracker \(a migration from 2099-01-01T00:00:00\.000Z is applied; this code knows migrations up to \d{4}-.*\): upgrade the tracker, or restore a backup$/,
      );
      expect(r.stdout).toBe("");
    }
    expect(dbDigest(db).hash).toBe(before.hash);
    expect(fs.existsSync(path.join(dir, "newer.backup.db"))).toBe(false);
  }, 60_000);
});
