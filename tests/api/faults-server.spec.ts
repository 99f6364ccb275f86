/**
 * With a real server of this spec's own (port 3120, its own fresh database):
 * (b) a burst of transition reports, the server's process group SIGKILLed mid-burst, restarted:
 *     the database is intact (integrity check, chain), every transition a client saw a 201 for is
 *     there with its log entry and all its evidence, and every one there is whole;
 * (b') the same for a large import over HTTP: the program is all there or absent;
 * (c) the server on a database whose migrations are ahead of the code: it does not serve, and says why.
 */
import fs from "node:fs";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { generateBundle } from "@/scripts/generate-bundle";
import { checkAfterCrash } from "../support/kill-import";
import { ownPort, OwnServer } from "../support/own-server";
import { isPostgresUrl } from "../support/sql-on";
import { smallBundle } from "../support/small-bundle";

test.describe.configure({ mode: "serial" });
// SOAK=1 (npm run test:soak): ten kill-and-restart rounds instead of one.
const ROUNDS = process.env.SOAK ? 10 : 1;
test.setTimeout(ROUNDS * 120_000);

let server: OwnServer;

test.afterAll(async () => {
  await server?.dispose();
});

interface Sent {
  n: number;
  item: string;
  evidence: number;
  status: number | "no answer";
  id?: number;
}

/** One round: a fresh program, a burst, a SIGKILL once KILL_AFTER writes were acknowledged, a restart, the checks. */
async function burstRound(round: number): Promise<string> {
  const { admin, contributor } = server.tokens();
  const base = server.baseURL;
  const slug = `burst-${Date.now()}-${round}`;
  const imported = await fetch(`${base}/api/programs/import`, {
    method: "POST",
    headers: { authorization: `Bearer ${admin}`, "content-type": "application/json" },
    body: JSON.stringify(smallBundle(slug)),
  });
  expect(imported.status).toBe(201);

  const TOTAL = 400;
  const KILL_AFTER = 20 + ((round * 37) % 80); // acknowledged writes before the kill
  const sent: Sent[] = [];
  let acknowledged = 0;
  let killing: Promise<void> | null = null;
  let next = 0;
  const one = async () => {
    for (let n = next++; n < TOTAL; n = next++) {
      const item = "ABCD"[n % 4]!;
      const evidence = n % 4; // 0–3 pieces, so a half-written one would show
      const s: Sent = { n, item, evidence, status: "no answer" };
      sent.push(s);
      try {
        const res = await fetch(`${base}/api/programs/${slug}/items/${item}/transitions`, {
          method: "POST",
          headers: { authorization: `Bearer ${contributor}`, "content-type": "application/json" },
          body: JSON.stringify({
            to: "design",
            note: `burst-${n}`,
            evidence: Array.from({ length: evidence }, (_, k) => ({ kind: "other", url: `https://evidence.example/${n}/${k}`, summary: `burst ${n} piece ${k}` })),
          }),
          signal: AbortSignal.timeout(15_000),
        });
        s.status = res.status;
        if (res.status === 201) {
          s.id = (await res.json()).id;
          if (++acknowledged === KILL_AFTER) killing = server.kill("SIGKILL");
        }
      } catch {
        s.status = "no answer"; // the server died under it
      }
    }
  };
  await Promise.all(Array.from({ length: 12 }, one));
  await killing;
  const ok = sent.filter((s) => s.status === 201);
  const unanswered = sent.filter((s) => s.status === "no answer");
  const other = sent.filter((s) => s.status !== 201 && s.status !== "no answer");
  expect(other, "only 201s before the kill").toEqual([]);
  expect(ok.length).toBeGreaterThanOrEqual(KILL_AFTER);
  expect(unanswered.length, "the kill came mid-burst").toBeGreaterThan(0);

  // Before the restart: a SQLite file as the kill left it, opened (WAL recovery) by a separate connection.
  if (!isPostgresUrl(server.databaseUrl)) {
    const raw = new Database(server.databaseUrl);
    expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
    raw.close();
  }

  await server.launch();
  const get = async (path: string) => (await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${admin}` } })).json();
  const verdict = await get("/api/audit/verify");
  expect(verdict.ok, JSON.stringify(verdict.firstBad)).toBe(true);

  const log = (await get(`/api/audit/log?program=${slug}&limit=1000`)) as { entity: string; action: string; entityId: string; payload: { note: string; evidence: unknown[] } }[];
  const loggedById = new Map(log.filter((e) => e.entity === "transition" && e.action === "create").map((e) => [Number(e.entityId), e.payload]));
  const bundle = await get(`/api/programs/${slug}/bundle`);
  const present = (bundle.transitions as { note: string; evidence: unknown[] }[]).filter((t) => t.note.startsWith("burst-"));
  const byNote = new Map(sent.map((s) => [`burst-${s.n}`, s]));

  // Every acknowledged transition is there, with its log entry and every piece of its evidence.
  for (const s of ok) {
    const entry = loggedById.get(s.id!);
    expect(entry, `201 for burst-${s.n} (#${s.id}) but no log entry`).toBeDefined();
    expect(entry!.note).toBe(`burst-${s.n}`);
    expect(entry!.evidence.length).toBe(s.evidence);
    const row = present.find((t) => t.note === `burst-${s.n}`);
    expect(row, `201 for burst-${s.n} but not in the bundle`).toBeDefined();
    expect(row!.evidence.length).toBe(s.evidence);
  }
  // Every one there (acknowledged or not) is whole and logged.
  const loggedNotes = new Set([...loggedById.values()].map((p) => p.note));
  for (const t of present) {
    const s = byNote.get(t.note)!;
    expect(t.evidence.length, `${t.note}: evidence rows`).toBe(s.evidence);
    expect(loggedNotes.has(t.note), `${t.note} is in the database but not in the log`).toBe(true);
  }
  expect(present.length).toBe(loggedById.size);
  const lostAcknowledged = ok.filter((s) => !present.some((t) => t.note === `burst-${s.n}`)).length;
  expect(lostAcknowledged).toBe(0);
  return `${sent.length} sent, ${ok.length} acknowledged (201), ${unanswered.length} unanswered at the kill, ${present.length} present after restart (${present.length - ok.length} written but unacknowledged), 0 lost`;
}

test("(b) SIGKILL mid-burst of transitions: every acknowledged write is there, whole, and logged; nothing half-written", async () => {
  server = await OwnServer.start({ port: ownPort(3120) });
  for (let round = 0; round < ROUNDS; round++) {
    const summary = await burstRound(round);
    test.info().annotations.push({ type: "figures", description: `burst round ${round + 1}: ${summary}` });
    console.log(`fault (b) round ${round + 1}/${ROUNDS}: ${summary}`);
  }
});

test("(b') SIGKILL in the middle of a large import over HTTP: the program is all there or absent", async () => {
  test.skip(isPostgresUrl(), "times the kill by the growth of SQLite's WAL file; PostgreSQL's import is one transaction, rolled back by the server when its client dies");
  const { admin } = server.tokens();
  const bundle = generateBundle({ items: 600, seed: 23, slug: `big-http-${Date.now()}` });
  const wal = `${server.databaseUrl}-wal`;
  const walSize = () => (fs.existsSync(wal) ? fs.statSync(wal).size : 0);
  const start = walSize();
  const request = fetch(`${server.baseURL}/api/programs/import`, {
    method: "POST",
    headers: { authorization: `Bearer ${admin}`, "content-type": "application/json" },
    body: JSON.stringify(bundle),
  }).then(
    (r) => r.status,
    () => "no answer" as const,
  );
  let killedAt = 0;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (walSize() >= start + 1024 * 1024) {
      killedAt = walSize();
      await server.kill("SIGKILL");
      break;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  const status = await request;
  expect(killedAt, `the import finished (${status}) before the WAL grew`).toBeGreaterThan(0);
  const after = await checkAfterCrash(server.databaseUrl, bundle);
  expect(after.integrity).toBe("ok");
  expect(after.chain.ok, JSON.stringify(after.chain.firstBad)).toBe(true);
  expect(["absent", "complete"], after.program).toContain(after.program);
  if (status === 201) expect(after.program).toBe("complete");
  console.log(`fault (b'): import over HTTP killed with the WAL at ${killedAt} bytes (client saw: ${status}); the program is ${after.program}`);
  await server.launch();
  expect((await fetch(`${server.baseURL}/api/health`)).status).toBe(200);
});

test("(c) a server on a database migrated by a newer version does not serve, and its log says why", async () => {
  test.skip(isPostgresUrl(), "copies the SQLite file; on PostgreSQL the same refusal is tested in tests/db/pg-runtime.test.ts");
  await server.kill("SIGTERM");
  const file = `${server.databaseUrl}.newer.db`;
  const src = new Database(server.databaseUrl);
  await src.backup(file);
  src.close();
  const raw = new Database(file);
  raw.prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)").run("from-the-future", Date.UTC(2099, 0, 1));
  raw.pragma("wal_checkpoint(TRUNCATE)");
  raw.close();
  const before = fs.readFileSync(file);
  const newer = await OwnServer.start({ port: ownPort(3121), databaseUrl: file, readyWhen: "listening" }).catch((e: Error) => e);
  try {
    if (newer instanceof Error) {
      // It exited: the refusal we want.
      expect(newer.message).toContain("the database's schema is newer than this version of the tracker");
    } else {
      // Next.js keeps listening after its instrumentation hook fails: every answer is a 500.
      const answers = await Promise.all(["/api/health", "/sign-in", "/api/programs"].map(async (p) => (await fetch(`${newer.baseURL}${p}`)).status));
      expect(answers).toEqual([500, 500, 500]);
      expect(newer.output).toContain(
        "the database's schema is newer than this version of the tracker (a migration from 2099-01-01T00:00:00.000Z is applied",
      );
      test.info().annotations.push({ type: "known gap", description: "the server process keeps running (answering 500) instead of exiting" });
    }
  } finally {
    if (!(newer instanceof Error)) await newer.kill("SIGTERM");
  }
  expect(fs.readFileSync(file).equals(before), "the newer database was written to").toBe(true);
  fs.rmSync(file, { force: true });
});
