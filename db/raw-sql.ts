import { sql, type SQL } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { isPostgres, type Db } from "./index";
import { preparedStatement } from "./prepared-statement";

/** The values of a statement's named parameters (`@me`, `@email`…), by name without the `@`. */
export type NamedParams = Record<string, unknown>;

/**
 * Rows of a hand-written statement whose text both dialects read alike. Parameters are either
 * positional (`?` for each, in order) or named (`@name` in the text, and one object argument
 * holding every name; a name may be used more than once). SQLite runs it as a statement prepared
 * once per connection (better-sqlite3 binds both kinds itself); PostgreSQL on the handle's own
 * connection (inside a transaction, the transaction's), each `?` or `@name` a bound parameter.
 * Aliases that are not all lower case must be quoted ("programName"): PostgreSQL folds unquoted names.
 */
export async function rawAll<T>(db: Db, text: string, ...params: unknown[]): Promise<T[]> {
  if (!isPostgres(db)) return preparedStatement(db, text).all(...params) as T[];
  const result = await (db as unknown as NodePgDatabase).execute(boundStatement(text, params));
  return result.rows as T[];
}

/** The first row of rawAll, or undefined. */
export async function rawGet<T>(db: Db, text: string, ...params: unknown[]): Promise<T | undefined> {
  return (await rawAll<T>(db, text, ...params))[0];
}

/** Whether `params` is one object of named values (rather than positional values). */
function isNamed(params: unknown[]): params is [NamedParams] {
  if (params.length !== 1) return false;
  const only = params[0];
  if (typeof only !== "object" || only === null) return false;
  const prototype = Object.getPrototypeOf(only) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/**
 * `text` with its parameters as drizzle's bound values, for PostgreSQL. A `?` or `@name` inside a
 * string literal, a quoted name or a comment is text, not a parameter. Exported for its tests.
 */
export function boundStatement(text: string, params: unknown[]): SQL {
  const named = isNamed(params) ? params[0] : null;
  const chunks: SQL[] = [];
  let positional = 0;
  let from = 0; // start of the text not yet copied into chunks
  let i = 0;
  const bind = (end: number, value: unknown, next: number) => {
    chunks.push(sql.raw(text.slice(from, end)), sql`${value ?? null}`);
    from = i = next;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === "'" || c === '"') {
      const close = closingQuote(text, i);
      if (close < 0) throw new Error(`a statement with an unterminated ${c === "'" ? "string" : "quoted name"}: ${text.slice(i, i + 40)}`);
      i = close + 1;
    } else if (c === "-" && text[i + 1] === "-") {
      const end = text.indexOf("\n", i);
      i = end < 0 ? text.length : end + 1;
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (c === "?") {
      if (named) throw new Error("a statement with a positional parameter (?) was given named values");
      if (positional >= params.length) throw new Error(`a statement with more than ${params.length} placeholders was given ${params.length} values`);
      bind(i, params[positional++], i + 1);
    } else if (c === "@" && /[A-Za-z_]/.test(text[i + 1] ?? "")) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1))![0];
      if (!named) throw new Error(`a statement with a named parameter (@${name}) was given positional values`);
      if (!Object.prototype.hasOwnProperty.call(named, name)) throw new Error(`a statement with the parameter @${name} was given no value for it`);
      bind(i, named[name], i + 1 + name.length);
    } else i++;
  }
  if (!named && positional !== params.length) throw new Error(`a statement with ${positional} placeholders was given ${params.length} values`);
  chunks.push(sql.raw(text.slice(from)));
  return sql.join(chunks);
}

/** The index of the quote closing the one at `open` (a doubled quote is one quote inside), or -1. */
function closingQuote(text: string, open: number): number {
  const quote = text[open]!;
  let i = open + 1;
  for (;;) {
    const close = text.indexOf(quote, i);
    if (close < 0) return -1;
    if (text[close + 1] !== quote) return close;
    i = close + 2;
  }
}
