import { desc, lte } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { tokenPersonQuery } from "@/db/accounts/api-tokens";
import { sessionPersonQuery } from "@/db/accounts/sessions";
import { openDatabase } from "@/db/index";
import { importBundle } from "@/db/import-bundle";
import { itemHistoryQueries } from "@/db/mutations/record-transition";
import { HISTORY_SQL } from "@/db/queries/load-program-history";
import { MY_WORK_NEW_SQL } from "@/db/queries/count-my-work-new";
import { REVIEWABLE_SQL } from "@/db/queries/count-reviewable";
import { itemLogQuery } from "@/db/queries/load-owner-timeline";
import { RECENT_VERIFICATIONS_SQL } from "@/db/queries/recent-verifications";
import { auditLog } from "@/db/schema";
import { generateBundle } from "../../scripts/generate-bundle";

// The hot queries must search an index, never scan a large table. Plans are read from
// SQLite as the server sees them (no statistics: nothing runs ANALYZE) and with statistics, so a
// dropped index, a rewritten query or a planner's change of mind shows here.
function plan(db: Awaited<ReturnType<typeof openDatabase>>, sql: string, params: unknown[]): string {
  const rows = db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
  return rows.map((r) => r.detail).join(" | ");
}

describe.each([false, true])("query plans of the hot queries (ANALYZE run: %s)", (analyzed) => {
  let db: Awaited<ReturnType<typeof openDatabase>>;
  beforeAll(async () => {
    db = await openDatabase(":memory:");
    await importBundle(db, generateBundle({ items: 200, seed: 3 }), { actor: null });
    if (analyzed) db.$client.exec("ANALYZE");
  });

  it("loads a program's history through indexes", () => {
    expect(plan(db, HISTORY_SQL.items, [1])).toMatch(/SEARCH i USING INDEX items_program_key/);
    expect(plan(db, HISTORY_SQL.dependencies, [1])).toMatch(/SEARCH d USING (PRIMARY KEY|INDEX)/);
    const t = plan(db, HISTORY_SQL.transitions, [1]);
    // Covering: the program's transitions are read from the index alone, never from the table's rows.
    expect(t).toMatch(/SEARCH t USING COVERING INDEX transitions_item_history/);
    expect(t).toMatch(/SEARCH v USING INDEX verifications_transition_id_unique/);
    expect(t).toMatch(/SEARCH r USING INDEX transition_rejections_transition_id_unique/);
    expect(t).not.toMatch(/SCAN t\b|SCAN v\b|SCAN r\b/);
  });

  it("reads one item's transitions, their evidence and rejections through indexes when a transition is reported", () => {
    const q = itemHistoryQueries(db, 7);
    const t = plan(db, q.transitions.toSQL().sql, q.transitions.toSQL().params);
    expect(t).toMatch(/SEARCH transitions USING (COVERING )?INDEX transitions_item_history \(item_id=\?\)/);
    for (const [query, table] of [[q.evidence, "evidence"], [q.rejections, "transition_rejections"]] as const) {
      const p = plan(db, query.toSQL().sql, query.toSQL().params);
      expect(p).toMatch(new RegExp(`SEARCH ${table} USING INDEX \\w+ \\(transition_id=\\?\\)`));
      expect(p).toMatch(/SEARCH transitions USING (COVERING )?INDEX transitions_item_history/);
      expect(p).not.toMatch(/\bSCAN\b/);
    }
  });

  it("reads one item's owner history (four eyes) through an index, not the program's whole log", () => {
    const q = itemLogQuery(db, "synthetic-200-3", "FND-00001").toSQL();
    const p = plan(db, q.sql, q.params);
    expect(p).toMatch(/SEARCH audit_log USING INDEX audit_log_entity \(program_slug=\? AND entity=\? AND entity_id=\?\)/);
    expect(p).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
  });

  it("checks a session or a token, and the account's state, with one index lookup each: they run on every request", () => {
    for (const q of [sessionPersonQuery(db, "f".repeat(64), Date.now()).toSQL(), tokenPersonQuery(db, "f".repeat(64), Date.now()).toSQL()]) {
      const p = plan(db, q.sql, q.params);
      expect(p).toMatch(/SEARCH (sessions|api_tokens) USING INDEX (sqlite_autoindex_sessions_1 \(id=\?\)|api_tokens_token_hash_unique \(token_hash=\?\))/);
      expect(p).toMatch(/SEARCH people USING INTEGER PRIMARY KEY \(rowid=\?\)/);
      expect(p).not.toMatch(/\bSCAN\b/);
    }
  });

  it("finds the log head at a cutoff and the latest verifications without a scan", () => {
    const head = db
      .select({ hash: auditLog.hash })
      .from(auditLog)
      .where(lte(auditLog.at, "2024-12-29T23:59:59.999Z"))
      .orderBy(desc(auditLog.at), desc(auditLog.seq))
      .limit(1)
      .toSQL();
    expect(plan(db, head.sql, head.params)).toMatch(/SEARCH audit_log USING (COVERING )?INDEX audit_log_at/);
    // The dashboard's query itself, with the bound values it gets: newest first by index, no sort.
    const recent = plan(db, RECENT_VERIFICATIONS_SQL, [1, Date.now(), Date.now(), 8]);
    expect(recent).toMatch(/SCAN v USING INDEX verifications_verified_at/);
    expect(recent).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
  });

  // The header renders them on every page. Allowed scans: the constant row, the one-row CTE of the
  // last visit, the union of the person's item entries, the programs (a handful of rows: with
  // statistics the planner reads them whole rather than look one up per item), and bare count(*)s,
  // which SQLite answers by walking an index's pages without reading its rows.
  const ALLOWED_SCAN =
    /^SCAN (CONSTANT ROW|seen|x|pr USING COVERING INDEX programs_slug_unique|(transitions|verifications|transition_rejections) USING COVERING INDEX \w+)$/;
  const scans = (p: string) => p.split(" | ").filter((d) => d.startsWith("SCAN") && !ALLOWED_SCAN.test(d));
  const params = { me: 2, email: "someone@example.com", now: Date.now() };

  it("counts what is new in My work through the person's items and transitions, not a scan", () => {
    const p = plan(db, MY_WORK_NEW_SQL, [params]);
    expect(scans(p)).toEqual([]);
    expect(p).toMatch(/SEARCH i USING INDEX items_owner \(owner_id=\?\)/);
    expect(p).toMatch(/SEARCH a USING INDEX audit_log_entity \(program_slug=\? AND entity=\? AND entity_id=\? AND seq>\?\)/);
    expect(p).toMatch(/SEARCH t USING (COVERING )?INDEX transitions_actor_recorded \(actor_id=\? AND recorded_at>\?\)/);
    expect(p).toMatch(/SEARCH my_work_visits USING INTEGER PRIMARY KEY/);
    expect(p).toMatch(/SEARCH m USING (COVERING )?INDEX comment_mentions_person \(person_id=\? AND mentioned_at>\?\)/);
  });

  it("counts what a reviewer may decide on from counts, their own transitions and items, and their item entries in the log", () => {
    const p = plan(db, REVIEWABLE_SQL, [params]);
    expect(scans(p)).toEqual([]);
    expect(p).toMatch(/SEARCH t USING COVERING INDEX transitions_actor_recorded \(actor_id=\?\)/);
    expect(p).toMatch(/SEARCH i USING COVERING INDEX items_owner \(owner_id=\?\)/);
    expect(p).toMatch(/SEARCH audit_log USING INDEX audit_log_item_actor \(actor=\?\)/);
    expect(p).toMatch(/SEARCH audit_log USING INDEX audit_log_item_owner \(<expr>=\?\)/);
  });
});
