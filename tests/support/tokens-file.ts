import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseDatabaseUrl } from "@/lib/database-url";

const TMP = fileURLToPath(new URL("../.tmp", import.meta.url));

/**
 * Where prepare-test-database.ts leaves the per-role API tokens of the database `databaseUrl`
 * names: beside a SQLite file, or under tests/.tmp for a PostgreSQL database (by port and name).
 */
export function tokensFileFor(databaseUrl: string): string {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.dialect === "sqlite") return `${target.file}.tokens.json`;
  const url = new URL(target.url);
  return path.join(TMP, `postgres-${url.port || "5432"}-${decodeURIComponent(url.pathname.slice(1))}.tokens.json`);
}
