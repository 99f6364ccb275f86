/**
 * A bulk import leaves PostgreSQL's planner statistics behind (autovacuum analyzes a minute or
 * more later): the import refreshes them, so the reads right after it get the plans they are
 * written for. Measured: the dashboard's latest verifications read every transition of a
 * 1,000-item program (46 ms) before, and walk the verified_at index (0.08 ms) after.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startLocalPostgres, type LocalPostgres } from "../support/local-postgres";

let server: LocalPostgres;
const before = process.env.DATABASE_URL;

beforeAll(async () => {
  server = await startLocalPostgres();
  process.env.DATABASE_URL = await server.createDatabase("statistics");
  vi.resetModules();
}, 120_000);

afterAll(() => {
  if (before === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = before;
  server?.stop();
});

describe("after a bulk import on PostgreSQL", () => {
  it("the planner knows the new rows: the latest verifications walk the verified_at index, not the program's transitions; a small import beside them samples nothing again", async () => {
    const { openDatabase } = await import("@/db/index");
    const { importBundle } = await import("@/db/import-bundle");
    const { rawAll } = await import("@/db/raw-sql");
    const { RECENT_VERIFICATIONS_PG_SQL } = await import("@/db/queries/recent-verifications");
    const { generateBundle } = await import("@/scripts/generate-bundle");
    const db = await openDatabase(process.env.DATABASE_URL!);
    try {
      await importBundle(db, JSON.parse(JSON.stringify(generateBundle({ items: 1000, seed: 1 }))), { actor: null });
      const analyzed = await rawAll<{ relname: string; analyzed: boolean }>(
        db,
        "SELECT relname, last_analyze IS NOT NULL AS analyzed FROM pg_stat_user_tables WHERE relname IN ('items', 'transitions', 'verifications') ORDER BY relname",
      );
      expect(analyzed).toEqual([
        { relname: "items", analyzed: true },
        { relname: "transitions", analyzed: true },
        { relname: "verifications", analyzed: true },
      ]);
      const [{ id }] = await rawAll<{ id: number }>(db, "SELECT id FROM programs WHERE slug = 'synthetic-1000-1'");
      const now = Date.now();
      const plan = (await rawAll<{ "QUERY PLAN": string }>(db, `EXPLAIN ${RECENT_VERIFICATIONS_PG_SQL}`, id, now, now, 8)).map((r) => r["QUERY PLAN"]).join("\n");
      expect(plan).toContain("Index Scan Backward using verifications_verified_at on verifications");
      // A small program beside it changes no plan: its tables are not sampled again.
      const lastAnalyzed = async () =>
        (await rawAll<{ at: string }>(db, "SELECT CAST(last_analyze AS text) AS at FROM pg_stat_user_tables WHERE relname = 'transitions'"))[0]!.at;
      const before = await lastAnalyzed();
      await importBundle(db, JSON.parse(JSON.stringify(generateBundle({ items: 64, seed: 2 }))), { actor: null });
      expect(await lastAnalyzed()).toBe(before);
    } finally {
      await (db.$client as unknown as { end: () => Promise<void> }).end();
    }
  }, 120_000);
});
