import { fileURLToPath } from "node:url";

/** Where the tracker keeps its data, as `DATABASE_URL` names it. */
export type DatabaseTarget = { dialect: "sqlite"; file: string } | { dialect: "postgres"; url: string };

export const DEFAULT_DATABASE_FILE = "data/tracker.db";

/** `scheme:` at the start of a value: a URL, not a file path (a path's first colon comes after a slash or a dot-free name). */
const SCHEME = /^([a-z][a-z0-9+.-]+):/i;

/**
 * Reads `DATABASE_URL`: unset or empty is the default SQLite file; a path, `file:PATH` or
 * `file:///PATH` a SQLite file (`:memory:` a private in-memory one); `postgres://` or
 * `postgresql://` a PostgreSQL server. Anything else is refused with one line, rather than taken
 * for a file name (`mysql://…` would otherwise become a SQLite file under a folder `mysql:`).
 */
export function parseDatabaseUrl(value: string | undefined): DatabaseTarget {
  const raw = value?.trim() ?? "";
  if (raw === "") return { dialect: "sqlite", file: DEFAULT_DATABASE_FILE };
  if (raw === ":memory:") return { dialect: "sqlite", file: raw };
  const scheme = SCHEME.exec(raw)?.[1]?.toLowerCase();
  if (scheme === undefined) return { dialect: "sqlite", file: raw };
  if (scheme === "file") return { dialect: "sqlite", file: fileOf(raw) };
  if (scheme === "postgres" || scheme === "postgresql") {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new Error(`DATABASE_URL "${redactPassword(raw)}" is not a valid PostgreSQL URL (postgres://USER:PASSWORD@HOST:PORT/DATABASE)`);
    }
    if (url.pathname.replace(/^\//, "") === "")
      throw new Error(`DATABASE_URL "${redactPassword(raw)}" names no database: add it after the host (postgres://USER:PASSWORD@HOST:PORT/DATABASE)`);
    return { dialect: "postgres", url: raw };
  }
  throw new Error(
    `DATABASE_URL "${redactPassword(raw)}" names no database the tracker runs on (${scheme}:): give a SQLite file path (or file:PATH), or postgres://USER:PASSWORD@HOST:PORT/DATABASE`,
  );
}

/** The value as it may be printed: a URL's password replaced by `***`. */
export function redactPassword(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/:@]*:)[^/@]*@/i, "$1***@");
}

function fileOf(raw: string): string {
  const rest = raw.slice("file:".length);
  if (!rest.startsWith("//")) {
    if (rest === "") throw new Error(`DATABASE_URL "${raw}" names no file: give file:PATH`);
    return rest;
  }
  try {
    return fileURLToPath(raw);
  } catch (error) {
    throw new Error(`DATABASE_URL "${raw}" is not a file URL this machine can open: ${(error as Error).message}`);
  }
}
