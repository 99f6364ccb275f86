import { getTableColumns, getTableName, is, SQL, sql, type Column, type Table } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { isPostgres, type Tx } from "./index";
import { preparedStatement } from "./prepared-statement";

// PostgreSQL rows per statement: each column travels as one array parameter.
const ROWS_PER_STATEMENT = 5000;

/**
 * Inserts `rows` into `table` inside the caller's transaction and returns
 * the new rows' ids in the order of `rows` when `returning` is "id". For bulk writes (an import of
 * half a million log entries): building drizzle's multi-row INSERT costs more than running it.
 * SQLite runs one prepared single-row statement per row (in-process, no round trip); PostgreSQL
 * one statement per few thousand rows, each column one array parameter unnested, so the statement
 * is the same few lines whatever the number of rows.
 */
export async function insertRows<T extends Table>(tx: Tx, table: T, rows: readonly T["$inferInsert"][], returning?: "id"): Promise<number[]> {
  if (rows.length === 0) return [];
  const all = getTableColumns(table) as Record<string, Column>;
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row)))].filter((key) => all[key] !== undefined);
  const columns = keys.map((key) => all[key]!);
  const value = (row: T["$inferInsert"], n: number) => {
    const column = columns[n]!;
    // A key a row leaves out takes the column's default, as in drizzle's own insert.
    const v = (row as Record<string, unknown>)[keys[n]!] ?? (keys[n]! in row ? null : staticDefault(column));
    return v === undefined || v === null ? null : column.mapToDriverValue(v);
  };
  const names = columns.map((c) => `"${c.name}"`).join(", ");
  const tail = returning ? ` RETURNING "id"` : "";
  if (!isPostgres(tx)) {
    const statement = preparedStatement(tx, `INSERT INTO "${getTableName(table)}" (${names}) VALUES (${columns.map(() => "?").join(", ")})${tail}`);
    const ids: number[] = [];
    for (const row of rows) {
      const values = columns.map((_, n) => value(row, n));
      if (returning) ids.push((statement.get(...values) as { id: number }).id);
      else statement.run(...values);
    }
    return ids;
  }
  const ids: number[] = [];
  for (let from = 0; from < rows.length; from += ROWS_PER_STATEMENT) {
    const part = rows.slice(from, from + ROWS_PER_STATEMENT);
    const arrays: SQL[] = columns.map((c, n) => sql`${sql.param(part.map((row) => value(row, n)))}::${sql.raw(c.getSQLType())}[]`);
    const result = await (tx as unknown as NodePgDatabase).execute<{ id: number }>(
      sql`INSERT INTO ${sql.identifier(getTableName(table))} (${sql.raw(names)}) SELECT * FROM unnest(${sql.join(arrays, sql`, `)})${sql.raw(tail)}`,
    );
    // unnest yields the rows in array order and each takes the next id as it is inserted, but
    // RETURNING does not promise that order: ascending ids are the rows' order.
    if (returning) ids.push(...result.rows.map((r) => r.id).sort((a, b) => a - b));
  }
  return ids;
}

function staticDefault(column: Column): unknown {
  if (is(column.default, SQL)) throw new Error(`insertRows cannot fill ${column.name}: its default is an SQL expression; give every row a value`);
  return column.default;
}
