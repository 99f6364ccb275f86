/**
 * db/schema-sqlite.ts (SQLite) and db/schema-pg.ts (PostgreSQL) describe one domain: the same tables,
 * columns, keys, indexes, foreign keys and checks, each column in its dialect's type for the same
 * kind of value. A change to one without the other fails here.
 */
import { getTableName, is, type Column, type Table } from "drizzle-orm";
import { getTableConfig as pgConfig, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as pg from "@/db/schema-pg";
import * as sqlite from "@/db/schema-sqlite";

/** The kind of value a column holds, in words both dialects share. */
const KIND: Record<string, string> = {
  SQLiteInteger: "integer",
  PgInteger: "integer",
  PgBigInt53: "integer",
  SQLiteBoolean: "boolean",
  PgBoolean: "boolean",
  SQLiteText: "text",
  PgText: "text",
  SQLiteTextJson: "json",
  PgJson: "json",
  SQLiteReal: "real",
  PgDoublePrecision: "real",
  SQLiteBlobBuffer: "bytes",
  PgCustomColumn: "bytes",
};

function kindOf(column: Column): string {
  const kind = KIND[column.columnType];
  if (!kind) throw new Error(`no kind for ${column.columnType} (${column.name})`);
  return kind;
}

/**
 * SQLite gives an INTEGER PRIMARY KEY a value when none is given (it is the rowid); of those the
 * tracker leaves only the autoincrement ones to the database (identity columns in PostgreSQL).
 */
function rowidAlias(column: Column): boolean {
  return column.columnType === "SQLiteInteger" && column.primary && !(column as Column & { autoIncrement?: boolean }).autoIncrement;
}

interface Shape {
  columns: Record<string, { kind: string; notNull: boolean; primary: boolean; unique: boolean; hasDefault: boolean; enumValues: string[] | null }>;
  primaryKey: string[][];
  indexes: Record<string, { columns: string[]; unique: boolean; partial: boolean }>;
  foreignKeys: string[];
  checks: string[];
}

type Config = ReturnType<typeof sqliteConfig> | ReturnType<typeof pgConfig>;

function shapeOf(config: Config): Shape {
  const columns: Shape["columns"] = {};
  for (const c of config.columns as Column[])
    columns[c.name] = {
      kind: kindOf(c),
      notNull: c.notNull,
      primary: c.primary,
      unique: c.isUnique,
      hasDefault: c.hasDefault && !rowidAlias(c),
      enumValues: c.enumValues?.length ? [...c.enumValues] : null,
    };
  const indexes: Shape["indexes"] = {};
  for (const i of config.indexes) {
    const cfg = i.config as { name: string; columns: unknown[]; unique: boolean; where?: unknown };
    indexes[cfg.name] = {
      columns: cfg.columns.map((c) => (c && typeof c === "object" && "name" in c ? String((c as { name: string }).name) : "(expression)")),
      unique: cfg.unique,
      partial: cfg.where !== undefined,
    };
  }
  return {
    columns,
    primaryKey: config.primaryKeys.map((pk) => pk.columns.map((c) => c.name)),
    indexes,
    foreignKeys: config.foreignKeys
      .map((fk) => {
        const ref = fk.reference();
        return `${ref.columns.map((c) => c.name).join(",")} -> ${getTableName(ref.foreignTable)}(${ref.foreignColumns.map((c) => c.name).join(",")})`;
      })
      .sort(),
    checks: config.checks.map((c) => c.name).sort(),
  };
}

function tablesOf(module: Record<string, unknown>, isTable: (value: unknown) => value is Table): Map<string, Table> {
  return new Map(Object.values(module).filter(isTable).map((t) => [getTableName(t), t]));
}

const sqliteTables = tablesOf(sqlite, (v): v is Table => is(v, SQLiteTable));
const pgTables = tablesOf(pg, (v): v is Table => is(v, PgTable));

describe("the SQLite and PostgreSQL schemas", () => {
  it("have the same tables", () => {
    expect([...pgTables.keys()].sort()).toEqual([...sqliteTables.keys()].sort());
    expect(sqliteTables.size).toBeGreaterThan(25);
  });

  for (const [name, table] of sqliteTables)
    it(`${name}: the same columns, kinds, keys, indexes, foreign keys and checks`, () => {
      const other = pgTables.get(name);
      expect(other, name).toBeDefined();
      expect(shapeOf(pgConfig(other as PgTable))).toEqual(shapeOf(sqliteConfig(table as SQLiteTable)));
    });

  it("keep every time as a whole number of milliseconds: bigint in PostgreSQL", () => {
    const narrow = [...pgTables.values()].flatMap((t) =>
      (pgConfig(t as PgTable).columns as Column[]).filter((c) => /_at$|_until$|^date$/.test(c.name) && c.columnType !== "PgBigInt53").map((c) => `${getTableName(t)}.${c.name}`),
    );
    expect(narrow).toEqual([]);
  });
});
