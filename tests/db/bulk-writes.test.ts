/**
 * Bulk writes (insertRows, the LogWriter's queue) on both databases: ids come back in the rows'
 * order, a key some rows leave out takes the column's default, queued log entries are written in
 * order with the anchor on the last one, and the chain verifies. PostgreSQL runs on a throwaway
 * server; db/schema.ts picks its tables when first loaded, so each database gets fresh modules.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startLocalPostgres, type LocalPostgres } from "../support/local-postgres";

let server: LocalPostgres;
const before = process.env.DATABASE_URL;
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "bulk-writes-"));

beforeAll(async () => {
  server = await startLocalPostgres();
}, 90_000);

afterAll(() => {
  if (before === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = before;
  server?.stop();
  fs.rmSync(folder, { recursive: true, force: true });
});

async function modulesFor(databaseUrl: string) {
  process.env.DATABASE_URL = databaseUrl;
  vi.resetModules();
  return {
    ...(await import("@/db/index")),
    ...(await import("@/db/insert-rows")),
    ...(await import("@/db/append-log")),
    ...(await import("@/db/transact")),
    ...(await import("@/db/verify-log")),
    ...(await import("@/db/raw-sql")),
    ...(await import("@/db/queries/memo-by-head")),
    schema: await import("@/db/schema"),
  };
}

let made = 0;
const databases: [string, () => Promise<string>][] = [
  ["SQLite", async () => path.join(folder, `bulk-${++made}.db`)],
  ["PostgreSQL", async () => await server.createDatabase(`bulk_${++made}`)],
];

describe.each(databases)("bulk writes on %s", (_name, target) => {
  it("insertRows returns ids in the rows' order across statements and fills a left-out key with the column's default", async () => {
    const m = await modulesFor(await target());
    const db = await m.openDatabase(process.env.DATABASE_URL!);
    try {
      // More rows than one PostgreSQL statement takes, ids handed out in a shuffled email order.
      const emails = Array.from({ length: 6001 }, (_, i) => `p${(i * 7919) % 6001}@example.org`);
      const rows = emails.map((email, i) => (i % 3 === 0 ? { email, name: `N${i}`, team: `T${i}`, mustChangePassword: true } : { email, name: `N${i}`, mustChangePassword: false }));
      const ids = await m.transact(db, async (tx) => await m.insertRows(tx, m.schema.people, rows, "id"));
      expect(ids).toHaveLength(rows.length);
      const stored = await m.rawAll<{ id: number; email: string; team: string; must: number | boolean }>(
        db,
        `SELECT id, email, team, must_change_password AS must FROM people WHERE email LIKE '%@example.org'`,
      );
      const byId = new Map(stored.map((r) => [r.id, r]));
      for (const [i, id] of ids.entries()) {
        const row = byId.get(id)!;
        expect(row.email).toBe(emails[i]);
        expect(row.team).toBe(i % 3 === 0 ? `T${i}` : "");
        expect(Boolean(row.must)).toBe(i % 3 === 0);
      }
      expect(await m.insertRows(db, m.schema.people, [], "id")).toEqual([]);
    } finally {
      await m.closeDatabase(db);
    }
  }, 60_000);

  it("queued log entries are written in order in batches, the anchor is the last one, and the chain verifies; a failed transaction writes none", async () => {
    const m = await modulesFor(await target());
    const db = await m.openDatabase(process.env.DATABASE_URL!);
    try {
      const count = 12_345;
      const last = await m.transact(db, async (tx) => {
        const log = await m.LogWriter.open(tx);
        let hash = "";
        for (let i = 0; i < count; i++)
          hash = await log.queue({ actor: null, action: "record", entity: "signal", entityId: `K-${i}`, programSlug: "bulk", payload: { i } });
        // An entry appended after queued ones is written after them.
        hash = await log.append({ actor: null, action: "create", entity: "event", entityId: "after", programSlug: "bulk", payload: {} });
        return hash;
      });
      const rows = await m.rawAll<{ seq: number; entityId: string }>(db, `SELECT seq, entity_id AS "entityId" FROM audit_log WHERE program_slug = 'bulk' ORDER BY seq`);
      expect(rows).toHaveLength(count + 1);
      expect(rows.slice(0, count).every((r, i) => r.entityId === `K-${i}`)).toBe(true);
      expect(rows.at(-1)!.entityId).toBe("after");
      const head = await m.readHead(db);
      expect(head).toEqual({ seq: rows.at(-1)!.seq, hash: last });
      const verdict = await m.verifyLog(db);
      expect(verdict.ok).toBe(true);

      await expect(
        m.transact(db, async (tx) => {
          const log = await m.LogWriter.open(tx);
          for (let i = 0; i < 7000; i++) await log.queue({ actor: null, action: "record", entity: "signal", entityId: `X-${i}`, programSlug: "bulk", payload: {} });
          throw new Error("refused halfway");
        }),
      ).rejects.toThrow("refused halfway");
      expect(await m.readHead(db)).toEqual(head);
      expect(await m.rawAll(db, "SELECT seq FROM audit_log WHERE entity_id = 'X-0'")).toEqual([]);
    } finally {
      await m.closeDatabase(db);
    }
  }, 60_000);
});
