/**
 * The refusal suites' "nothing written" digest skips hashing the rows again when the database's
 * commit marker has not moved. The skip must never hide a write: after any sequence of commits,
 * rollbacks and reads by another connection, the digest equals one computed from scratch.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import fc from "fast-check";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseDigest, dbDigest, postgresWriteMarker, sqliteCommitMarker } from "../support/db-digest";
import { startLocalPostgres, type LocalPostgres } from "../support/local-postgres";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "digest-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function newFile(name: string): { file: string; writer: Database.Database } {
  const file = path.join(dir, `${name}.db`);
  const writer = new Database(file);
  writer.pragma("journal_mode = WAL");
  writer.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
  return { file, writer };
}

describe("on SQLite", () => {
  it("the marker stays put on reads and a rolled-back write, and moves on a commit by another connection", () => {
    const { file, writer } = newFile("marker");
    const first = sqliteCommitMarker(file);
    writer.prepare("SELECT count(*) FROM t").get();
    expect(sqliteCommitMarker(file)).toBe(first);
    writer.exec("BEGIN; INSERT INTO t (v) VALUES ('gone'); ROLLBACK");
    expect(sqliteCommitMarker(file)).toBe(first);
    writer.prepare("INSERT INTO t (v) VALUES (?)").run("kept");
    expect(sqliteCommitMarker(file)).not.toBe(first);
    writer.close();
  });

  it("a file replaced by another under the same name moves the marker", () => {
    const { file, writer } = newFile("replaced");
    writer.close();
    const first = sqliteCommitMarker(file);
    fs.rmSync(file);
    const again = new Database(file);
    again.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
    again.close();
    expect(sqliteCommitMarker(file)).not.toBe(first);
  });

  it("after any sequence of commits, rollbacks and reads, the digest is the one computed from scratch", async () => {
    const { file, writer } = newFile("property");
    const step = fc.oneof(
      fc.record({ kind: fc.constant("insert" as const), v: fc.string({ maxLength: 8 }) }),
      fc.record({ kind: fc.constant("update" as const), v: fc.string({ maxLength: 8 }) }),
      fc.record({ kind: fc.constant("rollback" as const), v: fc.string({ maxLength: 8 }) }),
      fc.record({ kind: fc.constant("read" as const), v: fc.constant("") }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 12 }), async (steps) => {
        for (const { kind, v } of steps) {
          if (kind === "insert") writer.prepare("INSERT INTO t (v) VALUES (?)").run(v);
          else if (kind === "update") writer.prepare("UPDATE t SET v = ? WHERE id = (SELECT max(id) FROM t)").run(v);
          else if (kind === "rollback") writer.exec(`BEGIN; INSERT INTO t (v) VALUES ('${v.replace(/'/g, "''")}'); ROLLBACK`);
          else writer.prepare("SELECT * FROM t").all();
          expect((await databaseDigest(file)).hash).toBe(dbDigest(file).hash);
        }
      }),
      { seed: 2026, numRuns: 40 },
    );
    writer.close();
  });
});

describe("on PostgreSQL", () => {
  let server: LocalPostgres;
  let url: string;
  let client: pg.Client;
  beforeAll(async () => {
    server = await startLocalPostgres();
    url = await server.createDatabase("digest");
    client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("CREATE TABLE t (id serial PRIMARY KEY, v text)");
  }, 90_000);
  afterAll(async () => {
    await client?.end();
    server?.stop();
  });

  it("the marker stays put on reads and a digest, and moves on a write", async () => {
    await client.query("INSERT INTO t (v) VALUES ('pruned later'); DELETE FROM t WHERE v = 'pruned later'");
    const first = await postgresWriteMarker(url);
    // Reads, even those that tidy the page the delete left behind, write nothing.
    await client.query("SELECT count(*) FROM t");
    await databaseDigest(url);
    expect(await postgresWriteMarker(url)).toBe(first);
    await client.query("INSERT INTO t (v) VALUES ('kept')");
    expect(await postgresWriteMarker(url)).not.toBe(first);
  });

  it("a digest taken after a write sees it, and one taken with nothing written is the same", async () => {
    await client.query("INSERT INTO t (v) VALUES ('first')");
    const before = await databaseDigest(url);
    expect((await databaseDigest(url)).hash).toBe(before.hash);
    await client.query("UPDATE t SET v = 'changed' WHERE v = 'first'");
    const after = await databaseDigest(url);
    expect(after.hash).not.toBe(before.hash);
    await client.query("BEGIN; INSERT INTO t (v) VALUES ('gone'); ROLLBACK");
    expect((await databaseDigest(url)).hash).toBe(after.hash);
  });
});
