/**
 * PostgreSQL's migrations (drizzle/pg/) on a real PostgreSQL 15: they apply to an empty database
 * and again as a no-op; the database they make has SQLite's tables, columns, indexes and rules
 * (its triggers, plus TRUNCATE refused where rows may not go); the rules refuse what SQLite's do,
 * with the same words.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/index";
// Loaded with a PostgreSQL database: its int8 parser holds for every pg client in the process.
import "@/db/open-postgres";
import { startLocalPostgres, type LocalPostgres } from "../support/local-postgres";

const MIGRATIONS = path.join(process.cwd(), "drizzle", "pg");

let server: LocalPostgres;
let client: pg.Client;

beforeAll(async () => {
  server = await startLocalPostgres();
  client = new pg.Client({ connectionString: await server.createDatabase("migrations") });
  await client.connect();
  await migrate(drizzle(client), { migrationsFolder: MIGRATIONS });
}, 120_000);

afterAll(async () => {
  await client?.end();
  server?.stop();
});

async function rows<T>(text: string, values: unknown[] = []): Promise<T[]> {
  return (await client.query(text, values)).rows as T[];
}

/** What SQLite's migrations make, read from its catalogue. */
async function sqliteCatalogue() {
  const db = (await openDatabase(":memory:")).$client;
  const named = (type: string) =>
    (db.prepare("SELECT name, tbl_name AS tableName FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' AND sql IS NOT NULL").all(type) as {
      name: string;
      tableName: string;
    }[]);
  const tables = named("table").map((t) => t.name).sort();
  const columns = tables.flatMap((t) => (db.prepare(`PRAGMA table_info("${t}")`).all() as { name: string }[]).map((c) => `${t}.${c.name}`)).sort();
  return { tables, columns, indexes: named("index").map((i) => `${i.tableName}.${i.name}`).sort(), triggers: named("trigger").map((t) => `${t.tableName}.${t.name}`).sort() };
}

async function pgCatalogue() {
  const tables = (await rows<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")).map((t) => t.name);
  const columns = (await rows<{ name: string }>("SELECT table_name || '.' || column_name AS name FROM information_schema.columns WHERE table_schema = 'public'")).map((c) => c.name).sort();
  // Primary keys are indexes in PostgreSQL and part of the table in SQLite.
  const indexes = (
    await rows<{ name: string }>(
      "SELECT t.relname || '.' || i.relname AS name FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid " +
        "JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = 'public' AND NOT x.indisprimary",
    )
  )
    .map((i) => i.name)
    .sort();
  const triggers = (await rows<{ name: string }>("SELECT c.relname || '.' || t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal"))
    .map((t) => t.name)
    .sort();
  return { tables, columns, indexes, triggers };
}

describe("PostgreSQL's migrations", () => {
  it("make SQLite's tables, columns and indexes, and its rules plus TRUNCATE refused", async () => {
    const lite = await sqliteCatalogue();
    const post = await pgCatalogue();
    expect(post.tables).toEqual(lite.tables);
    expect(post.columns).toEqual(lite.columns);
    expect(post.indexes).toEqual(lite.indexes);
    expect(post.triggers.filter((t) => !t.endsWith("_no_truncate"))).toEqual(lite.triggers);
    expect(post.triggers.filter((t) => t.endsWith("_no_truncate")).length).toBeGreaterThanOrEqual(6);
  });

  it("apply again as a no-op", async () => {
    const before = await rows("SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations");
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS });
    expect(await rows("SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations")).toEqual(before);
  });

  it("keep the log append-only and its anchor on the last entry, with SQLite's words", async () => {
    const append = async (seq: number, payload: string) =>
      client.query("INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, program_slug, payload, prev_hash, hash) VALUES ($1, '2026-12-01T00:00:00.000Z', 'a', 'update', 'item', 'ACC-1', 'p', $2, 'x', $3)", [
        seq,
        payload,
        `h${seq}`,
      ]);
    await append(1, '{"owner":"ada@example.org"}');
    // A payload that does not parse is indexed as no owner, not refused: the chain check names it.
    await append(2, "{not json");
    expect(await rows("SELECT seq, hash FROM log_anchor")).toEqual([{ seq: 2, hash: "h2" }]);
    expect(await rows("SELECT tracker_json_owner(payload) AS owner FROM audit_log ORDER BY seq")).toEqual([{ owner: "ada@example.org" }, { owner: null }]);
    for (const statement of ["UPDATE audit_log SET actor = 'b'", "DELETE FROM audit_log", "TRUNCATE audit_log"])
      await expect(client.query(statement), statement).rejects.toThrow("audit_log is append-only");
    expect(await rows("SELECT count(*)::int AS n FROM audit_log")).toEqual([{ n: 2 }]);
    // Many entries in one statement (a bulk write, rows in any order): the anchor is the last.
    await client.query(
      "INSERT INTO audit_log (seq, at, action, entity, entity_id, payload, prev_hash, hash) SELECT s, '2026-12-01T00:00:00.000Z', 'record', 'signal', 'K', '{}', 'x', 'h' || s FROM unnest(ARRAY[4, 5, 3]) AS s",
    );
    expect(await rows("SELECT seq, hash FROM log_anchor")).toEqual([{ seq: 5, hash: "h5" }]);
  });

  it("carry a database migrated before the anchor moved per statement over, its anchor kept and moving on", async () => {
    const older = new pg.Client({ connectionString: await server.createDatabase("older") });
    await older.connect();
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "pg-migrations-"));
    try {
      // The migrations as they were before 0003.
      fs.cpSync(MIGRATIONS, folder, { recursive: true });
      const journalFile = path.join(folder, "meta", "_journal.json");
      const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
      journal.entries = journal.entries.filter((e) => e.tag < "0003");
      fs.writeFileSync(journalFile, JSON.stringify(journal));
      await migrate(drizzle(older), { migrationsFolder: folder });
      const append = (seq: number) =>
        older.query("INSERT INTO audit_log (seq, at, action, entity, entity_id, payload, prev_hash, hash) VALUES ($1, '2026-12-01T00:00:00.000Z', 'record', 'signal', 'K', '{}', 'x', $2)", [seq, `h${seq}`]);
      // Row (1) or statement (0) level, from the trigger's type bits.
      const level = async () => (await older.query("SELECT tgtype & 1 AS row FROM pg_trigger WHERE tgname = 'audit_log_anchor'")).rows;
      expect(await level()).toEqual([{ row: 1 }]);
      await append(1);
      await append(2);
      await migrate(drizzle(older), { migrationsFolder: MIGRATIONS });
      expect(await level()).toEqual([{ row: 0 }]);
      expect((await older.query("SELECT seq, hash FROM log_anchor")).rows).toEqual([{ seq: 2, hash: "h2" }]);
      await append(3);
      expect((await older.query("SELECT seq, hash FROM log_anchor")).rows).toEqual([{ seq: 3, hash: "h3" }]);
    } finally {
      await older.end();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it("refuse a second decision on a transition, and keep a comment's subject and a deleted comment deleted", async () => {
    await client.query("INSERT INTO people (email, name) VALUES ('r@example.org', 'R')");
    await client.query("INSERT INTO programs (slug, name) VALUES ('p', 'P')");
    await client.query("INSERT INTO items (program_id, key, title, area, estimate_weeks, identified_at) VALUES (1, 'ACC-1', 'T', 'a', 1, 0)");
    await client.query("INSERT INTO transitions (item_id, to_status, effective_at, recorded_at, actor_id) VALUES (1, 'design', 0, 0, 1)");
    await client.query("INSERT INTO verifications (transition_id, verifier_id, verified_at, recorded_at) VALUES (1, 1, 1, 1)");
    await expect(client.query("INSERT INTO transition_rejections (transition_id, rejecter_id, rejected_at, recorded_at, reason) VALUES (1, 1, 1, 1, 'no')")).rejects.toThrow(
      "this transition was verified: it cannot also be rejected",
    );
    await client.query("INSERT INTO comments (program_id, item_id, author_id, body, created_at) VALUES (1, 1, 1, 'hi', 5)");
    await expect(client.query("INSERT INTO comments (program_id, item_id, claim_id, author_id, body, created_at) VALUES (1, 1, NULL, 1, 'x', 5), (1, NULL, NULL, 1, 'y', 5)")).rejects.toThrow(
      /comments_one_subject/,
    );
    await client.query("UPDATE comments SET body = 'edited', edited_at = 6 WHERE id = 1");
    await expect(client.query("UPDATE comments SET author_id = 2 WHERE id = 1")).rejects.toThrow("a comment keeps its subject, author and time");
    await client.query("UPDATE comments SET body = '', deleted_at = 7 WHERE id = 1");
    await expect(client.query("UPDATE comments SET body = 'back' WHERE id = 1")).rejects.toThrow("a deleted comment stays deleted");
    await expect(client.query("DELETE FROM comments")).rejects.toThrow("comments are never removed");
  });

  it("give times as whole milliseconds past 2^31, and a row's created_at by default", async () => {
    await client.query("INSERT INTO events (program_id, date, title) VALUES (1, 1796126150945, 'e')");
    // bigint comes back as a number: db/open-postgres.ts parses int8 so for every pg client in the process.
    expect(await rows("SELECT date FROM events")).toEqual([{ date: 1796126150945 }]);
    const [person] = await rows<{ created_at: number }>("SELECT created_at FROM people WHERE id = 1");
    expect(Math.abs(Number(person!.created_at) - Date.now())).toBeLessThan(60_000);
  });
});
