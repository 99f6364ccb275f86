/**
 * db/raw-sql.ts: hand-written statements with positional (`?`) or named (`@name`) parameters run
 * alike on SQLite (better-sqlite3 binds them) and PostgreSQL (each one a bound parameter).
 */
import { PgDialect } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, type Db } from "@/db/index";
import { boundStatement, rawAll, rawGet } from "@/db/raw-sql";
import { startLocalPostgres, type LocalPostgres } from "../support/local-postgres";

function pgQuery(text: string, ...params: unknown[]) {
  const query = new PgDialect().sqlToQuery(boundStatement(text, params));
  return { sql: query.sql, params: query.params };
}

describe("a statement's parameters for PostgreSQL", () => {
  it("binds each ? in order", () => {
    expect(pgQuery("SELECT a FROM t WHERE b = ? AND c > ?", "x", 2)).toEqual({ sql: "SELECT a FROM t WHERE b = $1 AND c > $2", params: ["x", 2] });
  });

  it("binds each @name from one object, a name used twice bound twice, and leaves unused values out", () => {
    expect(pgQuery("SELECT @me AS a WHERE x = @email OR y = @me", { me: 7, email: "a@b.c", unused: 1 })).toEqual({
      sql: "SELECT $1 AS a WHERE x = $2 OR y = $3",
      params: [7, "a@b.c", 7],
    });
    expect(pgQuery("SELECT 1 WHERE CAST(@p AS text) IS NULL", { p: null })).toEqual({ sql: "SELECT 1 WHERE CAST($1 AS text) IS NULL", params: [null] });
  });

  it("leaves ? and @ alone in strings, quoted names and comments", () => {
    const text = `SELECT 'a?b @x' AS "q?@y", 'it''s ?' -- a ? and @z
      , ? /* @w ? */ AS n`;
    expect(pgQuery(text, 5)).toEqual({ sql: text.replace("? /*", () => "$1 /*"), params: [5] });
    expect(pgQuery("SELECT '@me' AS \"@me\", @me AS me", { me: 1 }).sql).toBe("SELECT '@me' AS \"@me\", $1 AS me");
  });

  it("refuses a statement whose parameters do not match its values", () => {
    expect(() => pgQuery("SELECT ?, ?", 1)).toThrow(/more than 1 placeholders was given 1 values/);
    expect(() => pgQuery("SELECT ?", 1, 2)).toThrow(/1 placeholders was given 2 values/);
    expect(() => pgQuery("SELECT @me, @you", { me: 1 })).toThrow(/@you was given no value/);
    expect(() => pgQuery("SELECT @me", 1)).toThrow(/named parameter \(@me\) was given positional values/);
    expect(() => pgQuery("SELECT ?", { me: 1 })).toThrow(/positional parameter \(\?\) was given named values/);
    expect(() => pgQuery("SELECT 'open", 1)).toThrow(/unterminated string/);
  });
});

describe.each([
  ["SQLite", async () => ({ db: await openDatabase(":memory:"), stop: () => undefined })],
  [
    "PostgreSQL",
    async () => {
      const server: LocalPostgres = await startLocalPostgres();
      return { db: await openDatabase(await server.createDatabase("raw_sql")), stop: () => server.stop() };
    },
  ],
] as const)("rawAll and rawGet on %s", (_name, open) => {
  let db: Db;
  let stop: () => void;
  beforeAll(async () => {
    ({ db, stop } = await open());
  }, 120_000);
  afterAll(async () => {
    await closeDatabase(db);
    stop();
  });

  it("run a statement with positional values", async () => {
    const rows = await rawAll<{ n: number; programName: string }>(db, `SELECT CAST(? AS integer) + 1 AS n, CAST(? AS text) AS "programName"`, 41, "x");
    expect(rows).toEqual([{ n: 42, programName: "x" }]);
  });

  it("run a statement with named values, a name used more than once, and a null in `IS NULL`", async () => {
    const text = `SELECT CAST(@me AS integer) * 2 AS twice, CAST(@me AS integer) AS me, CAST(@email AS text) AS email,
                         (CASE WHEN CAST(@program AS text) IS NULL THEN 'all' ELSE 'one' END) AS programs`;
    expect(await rawGet(db, text, { me: 21, email: "a@example.com", program: null })).toEqual({ twice: 42, me: 21, email: "a@example.com", programs: "all" });
    expect(await rawGet(db, text, { me: 1, email: "b@example.com", program: "p" })).toEqual({ twice: 2, me: 1, email: "b@example.com", programs: "one" });
  });

  it("give counts as numbers, and undefined for no row", async () => {
    expect(await rawGet(db, "SELECT count(*) AS n FROM people WHERE id > ?", 0)).toEqual({ n: 0 });
    expect(await rawGet(db, "SELECT id FROM people WHERE id = @id", { id: 1 })).toBeUndefined();
  });
});
