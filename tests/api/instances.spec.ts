/**
 * Several app instances on one PostgreSQL database, as behind a load balancer: two servers of the
 * test's own (ports 3136, 3137) on the same database. Eight clients write transitions through both
 * for 20 s; every acknowledged write is in the log exactly once, the chain verifies, and the other
 * instance reads each write the moment it was acknowledged. Then one instance is killed mid-write:
 * no acknowledged write is lost and the chain stays valid.
 */
import { expect, test } from "@playwright/test";
import { mintTokens, ownPort, OwnServer } from "../support/own-server";
import { smallBundle } from "../support/small-bundle";
import { isPostgresUrl } from "../support/sql-on";
import { TEST_ACCOUNTS } from "../support/test-accounts";

test.describe.configure({ mode: "serial" });
test.skip(!isPostgresUrl(), "several instances share a PostgreSQL database; a SQLite file is served by one process (its faults are in faults-server.spec.ts)");
test.setTimeout(180_000);

const CLIENTS = 8;
const SECONDS = Number(process.env.INSTANCES_SECONDS ?? 20);
const ITEMS = ["A", "B", "C", "D"] as const;

let a: OwnServer;
let b: OwnServer;
let tokens: string[];

test.beforeAll(async () => {
  a = await OwnServer.start({ port: ownPort(3136) });
  b = await OwnServer.start({ port: ownPort(3137), databaseUrl: a.databaseUrl });
  // A token per client: the per-token limit is each instance's own and not what is tested here.
  tokens = mintTokens(a.databaseUrl, Array(CLIENTS).fill(TEST_ACCOUNTS.contributor.email)).map((m) => m.token);
});

test.afterAll(async () => {
  await b?.kill();
  await a?.dispose();
});

interface Write {
  note: string;
  via: OwnServer;
  status: number | "no answer";
  id?: number;
}

async function importProgram(slug: string): Promise<void> {
  const res = await fetch(`${a.baseURL}/api/programs/import`, {
    method: "POST",
    headers: { authorization: `Bearer ${a.tokens().admin}`, "content-type": "application/json" },
    body: JSON.stringify(smallBundle(slug)),
  });
  expect(res.status, await res.text()).toBe(201);
}

async function postTransition(via: OwnServer, token: string, slug: string, item: string, note: string): Promise<Write> {
  const w: Write = { note, via, status: "no answer" };
  try {
    const res = await fetch(`${via.baseURL}/api/programs/${slug}/items/${item}/transitions`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ to: "design", note, evidence: [{ kind: "other", url: `https://evidence.example/${note}`, summary: note }] }),
      signal: AbortSignal.timeout(15_000),
    });
    w.status = res.status;
    if (res.status === 201) w.id = (await res.json()).id;
  } catch {
    w.status = "no answer"; // the instance died under it
  }
  return w;
}

async function getJson(via: OwnServer, path: string): Promise<unknown> {
  const res = await fetch(`${via.baseURL}${path}`, { headers: { authorization: `Bearer ${a.tokens().admin}` } });
  expect(res.status, `${path} on port ${via.port}`).toBe(200);
  return await res.json();
}

/** The program's transitions as the log has them (id → note) and as the bundle has them (notes). */
async function stored(via: OwnServer, slug: string) {
  type Entry = { seq: number; entity: string; action: string; entityId: string; payload: { note: string } };
  const log: Entry[] = [];
  // Newest first, a page of at most 1,000 at a time.
  for (let before = ""; ; ) {
    const page = (await getJson(via, `/api/audit/log?program=${slug}&limit=1000${before}`)) as Entry[];
    log.push(...page);
    if (page.length < 1000) break;
    before = `&before=${page.at(-1)!.seq}`;
  }
  const logged = log.filter((e) => e.entity === "transition" && e.action === "create").map((e) => ({ id: Number(e.entityId), note: e.payload.note }));
  const bundle = (await getJson(via, `/api/programs/${slug}/bundle`)) as { transitions: { note: string }[] };
  return { logged, notes: bundle.transitions.map((t) => t.note) };
}

/** Every acknowledged write once in the log (under the id it was acknowledged with) and once in the bundle; nothing there that was not sent. */
async function expectEachOnce(slug: string, writes: Write[], via: OwnServer): Promise<void> {
  const { logged, notes } = await stored(via, slug);
  const sentNotes = new Set(writes.map((w) => w.note));
  const ours = logged.filter((e) => sentNotes.has(e.note));
  expect(new Set(ours.map((e) => e.note)).size, "a write logged twice").toBe(ours.length);
  expect(new Set(logged.map((e) => e.id)).size, "two log entries for one transition id").toBe(logged.length);
  const byNote = new Map(ours.map((e) => [e.note, e.id]));
  for (const w of writes.filter((x) => x.status === 201)) expect(byNote.get(w.note), `${w.note} acknowledged as #${w.id}`).toBe(w.id);
  const bundled = notes.filter((n) => sentNotes.has(n));
  expect(new Set(bundled).size).toBe(bundled.length);
  expect(bundled.sort()).toEqual([...byNote.keys()].sort());
  const verdict = (await getJson(via, "/api/audit/verify")) as { ok: boolean; firstBad: unknown };
  expect(verdict.ok, JSON.stringify(verdict.firstBad)).toBe(true);
}

test("eight clients writing through two instances for 20 s: each acknowledged write once, one valid chain, read at once on the other instance", async () => {
  const slug = `instances-${Date.now()}`;
  await importProgram(slug);
  const writes: Write[] = [];
  const staleReads: string[] = [];
  const until = Date.now() + SECONDS * 1000;
  const client = async (c: number) => {
    for (let n = 0; Date.now() < until; n++) {
      const [via, other] = (c + n) % 2 === 0 ? [a, b] : [b, a];
      const item = ITEMS[(c + n) % ITEMS.length]!;
      const w = await postTransition(via, tokens[c]!, slug, item, `c${c}-n${n}`);
      writes.push(w);
      if (w.status !== 201) continue;
      // Right after the acknowledgement, the other instance must answer with the write in it.
      const detail = (await getJson(other, `/api/programs/${slug}/items/${item}`)) as { history: { id: number }[] };
      if (!detail.history.some((h) => h.id === w.id)) staleReads.push(`${w.note} (#${w.id}) not on port ${other.port}`);
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_v, c) => client(c)));

  const acknowledged = writes.filter((w) => w.status === 201);
  const refused = writes.filter((w) => w.status !== 201);
  test.info().annotations.push({ type: "figures", description: `${acknowledged.length} writes acknowledged in ${SECONDS} s by two instances (${acknowledged.filter((w) => w.via === a).length} / ${acknowledged.filter((w) => w.via === b).length})` });
  expect(refused.map((w) => `${w.note}: ${w.status}`)).toEqual([]);
  expect(acknowledged.length).toBeGreaterThan(CLIENTS * 4);
  expect(staleReads).toEqual([]);
  await expectEachOnce(slug, writes, a);
  await expectEachOnce(slug, writes, b);
});

test("killing one instance mid-write loses no acknowledged write, and the chain stays valid", async () => {
  const slug = `instances-kill-${Date.now()}`;
  await importProgram(slug);
  const writes: Write[] = [];
  const KILL_AFTER = 60;
  let killing: Promise<void> | null = null;
  const client = async (c: number) => {
    for (let n = 0; n < 40; n++) {
      // After the kill the clients go on through the survivor, as a load balancer would send them.
      const via = killing === null && (c + n) % 2 === 1 ? b : a;
      const w = await postTransition(via, tokens[c]!, slug, ITEMS[(c + n) % ITEMS.length]!, `k-c${c}-n${n}`);
      writes.push(w);
      if (w.status === 201 && writes.filter((x) => x.status === 201).length === KILL_AFTER) killing = b.kill("SIGKILL");
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_v, c) => client(c)));
  await killing;
  expect(killing, "the kill came while writing").not.toBeNull();
  const other = writes.filter((w) => w.status !== 201 && w.status !== "no answer");
  expect(other.map((w) => `${w.note}: ${w.status}`)).toEqual([]);
  expect(writes.filter((w) => w.status === 201 && w.via === a).length).toBeGreaterThan(0);
  await expectEachOnce(slug, writes, a);
  // The killed instance comes back and reads the same.
  await b.launch();
  await expectEachOnce(slug, writes, b);
});
