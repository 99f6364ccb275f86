/**
 * The data layer on PostgreSQL 15 (scripts/ensure-postgres.sh installs it): the same functions
 * the app runs on SQLite, on a throwaway server. db/schema.ts picks its tables when it is first
 * loaded, so the modules are loaded after DATABASE_URL names the server.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import pg from "pg";
import type * as ManageUsers from "@/db/accounts/manage-users";
import type * as DbIndex from "@/db/index";
import type * as MemoByHead from "@/db/queries/memo-by-head";
import type * as Schema from "@/db/schema";
import type * as Transact from "@/db/transact";
import type * as VerifyLog from "@/db/verify-log";
import type * as ChainStatus from "@/db/chain-status";
import { startLocalPostgres, type LocalPostgres } from "../support/local-postgres";

// Types only: erased, so they load nothing before DATABASE_URL is set.
type Modules = typeof DbIndex & typeof ManageUsers & typeof VerifyLog & typeof Transact & typeof MemoByHead & typeof ChainStatus & { people: typeof Schema.people };

let server: LocalPostgres;
let url: string;
let m: Modules;
const before = process.env.DATABASE_URL;
const opened: Awaited<ReturnType<Modules["openDatabase"]>>[] = [];
const open = async (where: string) => {
  const db = await m.openDatabase(where);
  opened.push(db);
  return db;
};

beforeAll(async () => {
  server = await startLocalPostgres();
  url = await server.createDatabase("runtime");
  process.env.DATABASE_URL = url;
  vi.resetModules();
  m = {
    ...(await import("@/db/index")),
    ...(await import("@/db/accounts/manage-users")),
    ...(await import("@/db/verify-log")),
    ...(await import("@/db/transact")),
    ...(await import("@/db/queries/memo-by-head")),
    ...(await import("@/db/chain-status")),
    people: (await import("@/db/schema")).people,
  };
}, 90_000);

afterAll(async () => {
  for (const db of opened) await m.closeDatabase(db);
  if (before === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = before;
  server?.stop();
});

const user = (email: string) => ({ email, name: email.split("@")[0]!, role: "viewer" as const });

describe("the data layer on PostgreSQL", () => {
  it("opens and migrates a database, again as a no-op, and refuses one a newer tracker migrated", async () => {
    const db = await open(url);
    expect(m.isPostgres(db)).toBe(true);
    const again = await open(url);
    expect(await m.readHead(again)).toEqual({ seq: 0, hash: "" });
    const newer = await server.createDatabase("newer");
    await open(newer);
    const client = new pg.Client({ connectionString: newer });
    await client.connect();
    await client.query("INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('from-the-future', $1)", [Date.now() + 86_400_000 * 365]);
    await client.end();
    await expect(m.openDatabase(newer)).rejects.toThrow(/schema is newer than this version of the tracker/);
  });

  it("two instances, 8 writers: every acknowledged write is there once, the chain verifies, and the other instance reads it at once", async () => {
    const a = await open(url);
    const b = await open(url);
    const acknowledged: string[] = [];
    const writer = async (w: number) => {
      for (let i = 0; i < 12; i++) {
        const [via, other] = (w + i) % 2 === 0 ? [a, b] : [b, a];
        const email = `w${w}-${i}@example.org`;
        await m.addUser(via, user(email), null);
        acknowledged.push(email);
        expect((await m.findPerson(other, email))?.email).toBe(email);
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, w) => writer(w)));
    const rows = await a.select({ email: m.people.email }).from(m.people);
    expect(rows.map((r) => r.email).sort()).toEqual([...acknowledged].sort());
    const verdict = await m.verifyLog(b);
    expect(verdict).toMatchObject({ ok: true, entries: 96, firstBad: null });
    expect(await m.readHead(a)).toEqual({ seq: 96, hash: verdict.head });
  });

  it("a transaction that fails writes nothing, and one joined from inside it commits with it", async () => {
    const db = await open(url);
    const head = await m.readHead(db);
    await expect(
      m.transact(db, async (tx) => {
        await m.addUser(tx, user("joined@example.org"), null);
        throw new Error("refused after the write");
      }),
    ).rejects.toThrow("refused after the write");
    expect(await m.findPerson(db, "joined@example.org")).toBeUndefined();
    expect(await m.readHead(db)).toEqual(head);
    await m.transact(db, async (tx) => m.addUser(tx, user("joined@example.org"), null));
    expect((await m.readHead(db)).seq).toBe(head.seq + 1);
  });

  it("the served verdict turns within seconds when an entry is altered behind the triggers, though no write moved the head", async () => {
    const where = await server.createDatabase("status");
    const db = await open(where);
    for (let i = 0; i < 3; i++) await m.addUser(db, user(`s${i}@example.org`), null);
    // Longer than a log checked in place: this one is checked by the worker.
    await (await import("../support/grow-log")).growLog(db, m.SHORT_LOG_ENTRIES);
    expect((await m.chainStatus(db, "api")).verdict?.ok).toBe(true);
    const client = new pg.Client({ connectionString: where });
    await client.connect();
    try {
      await client.query("ALTER TABLE audit_log DISABLE TRIGGER USER");
      await client.query("UPDATE audit_log SET payload = replace(payload, 's1@', 'sX@') WHERE entity_id = 's1@example.org'");
      await client.query("ALTER TABLE audit_log ENABLE TRIGGER USER");
    } finally {
      await client.end();
    }
    let verdict = (await m.chainStatus(db, "page")).verdict;
    for (const deadline = Date.now() + 10_000; verdict?.ok !== false && Date.now() < deadline; ) {
      await new Promise((r) => setTimeout(r, 250));
      verdict = (await m.chainStatus(db, "page")).verdict;
    }
    expect(verdict?.ok).toBe(false);
    expect(verdict?.firstBad?.reason).toMatch(/altered/);
    // Checked off the request thread: by the worker with a connection of its own to this database.
    expect((globalThis as { trackerChainWorkers?: Map<string, unknown> }).trackerChainWorkers?.has(where)).toBe(true);
  });

  it("checks stored files by their bytes' own length, and names one changed behind the tracker's back", async () => {
    const where = await server.createDatabase("artefacts");
    const db = await open(where);
    const client = new pg.Client({ connectionString: where });
    await client.connect();
    try {
      const files = [Buffer.from("first file"), Buffer.alloc(3 << 20, 7)];
      const digests = files.map((bytes) => createHash("sha256").update(bytes).digest("hex"));
      for (const [i, bytes] of files.entries()) await client.query("INSERT INTO artefacts (sha256, bytes, size) VALUES ($1, $2, $3)", [digests[i], bytes, 0]);
      expect((await m.verifyLog(db)).ok).toBe(true);
      await client.query("ALTER TABLE artefacts DISABLE TRIGGER USER");
      await client.query("UPDATE artefacts SET bytes = $1 WHERE sha256 = $2", [Buffer.alloc(3 << 20, 8), digests[1]]);
      const verdict = await m.verifyLog(db);
      expect(verdict.ok).toBe(false);
      expect(verdict.firstBad?.reason).toBe(`the artefact ${digests[1]} no longer matches its digest: its bytes were changed`);
    } finally {
      await client.end();
    }
  });

  it("names an entry altered behind the tracker's back", async () => {
    const db = await open(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      // The triggers refuse it; a superuser can switch them off: the chain still tells.
      await client.query("ALTER TABLE audit_log DISABLE TRIGGER USER");
      await client.query(`UPDATE audit_log SET payload = replace(payload, 'w3-4', 'w3-5') WHERE entity_id = 'w3-4@example.org'`);
      const seq = (await client.query<{ seq: number }>("SELECT seq FROM audit_log WHERE entity_id = 'w3-4@example.org'")).rows[0]!.seq;
      const verdict = await m.verifyLog(db);
      expect(verdict.ok).toBe(false);
      expect(verdict.firstBad).toEqual({ seq: Number(seq), reason: expect.stringMatching(/altered/) });
    } finally {
      await client.query("ALTER TABLE audit_log ENABLE TRIGGER USER");
      await client.end();
    }
  });
});
