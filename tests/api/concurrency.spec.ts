/**
 * N = 8 concurrent clients (their own tokens, four people, three roles) report
 * transitions, verify them, edit the same items with versions read earlier and add dependencies
 * that may close cycles, on a fresh program. Every response is recorded. Then: every accepted write
 * is in the history, every refused one got 409 or 422, and the program as the API shows it equals
 * a replay of its log (tests/support/replay-log.ts).
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { mulberry32 } from "@/lib/mulberry32";
import { fetchProgramLog, replayLog } from "../support/replay-log";
import { mintTokens } from "../support/own-server";
import { isPostgresUrl } from "../support/sql-on";
import { DEMO_SIGN_INS, TEST_ACCOUNTS } from "../support/test-accounts";

// SOAK=1 (npm run test:soak): eight times the operations.
const SOAK = Boolean(process.env.SOAK);
test.setTimeout(SOAK ? 900_000 : 120_000);

const OPS_PER_CLIENT = SOAK ? 200 : 25;
const KEYS = ["A", "B", "C", "D", "E", "F"];
const [PRIYA, ELENA] = DEMO_SIGN_INS; // a demo contributor and a demo reviewer

interface Client {
  name: string;
  email: string;
  token: string;
  canVerify: boolean;
}

interface Outcome {
  client: string;
  op: "transition" | "patch" | "dependency" | "verify";
  target: string;
  status: number;
  body: Record<string, unknown>;
  sent: Record<string, unknown>;
}

function fixture(slug: string) {
  const people = [
    ...Object.values(TEST_ACCOUNTS).map((a) => ({ email: a.email, name: a.name, team: "Test" })),
    { email: PRIYA, name: "Priya Raman", team: "Node Services" },
    { email: ELENA, name: "Elena Marsh", team: "Node Services" },
  ];
  const owners: Record<string, string | null> = {
    A: TEST_ACCOUNTS.contributor.email,
    B: PRIYA,
    C: TEST_ACCOUNTS.reviewer.email,
    D: null,
    E: ELENA,
    F: TEST_ACCOUNTS.admin.email,
  };
  const deps: Record<string, string[]> = { B: ["A"], C: ["B"], E: ["D"] };
  return {
    format: "offload-tracker/v1",
    program: { slug, name: `Concurrency ${slug}`, targetDate: "2026-12-31" },
    people,
    items: KEYS.map((key) => ({
      key,
      title: `Item ${key}`,
      area: "Core",
      owner: owners[key],
      team: "Test",
      estimateWeeks: 2,
      identifiedAt: "2024-01-01",
      dependsOn: deps[key] ?? [],
    })),
    transitions: [],
    signals: [],
    claims: [],
  };
}

test("8 concurrent clients: accepted writes are all in the history, refusals are 409 or 422, the state equals a replay of the log", async ({ request }) => {
  const slug = `concurrency-${Date.now()}`;
  const emails = [
    TEST_ACCOUNTS.contributor.email,
    TEST_ACCOUNTS.contributor.email,
    PRIYA,
    TEST_ACCOUNTS.reviewer.email,
    TEST_ACCOUNTS.reviewer.email,
    ELENA,
    TEST_ACCOUNTS.admin.email,
    TEST_ACCOUNTS.admin.email,
  ];
  const minted = mintTokens(process.env.E2E_DATABASE_URL!, emails);
  const clients: Client[] = minted.map((m, i) => ({
    name: `client-${i + 1} (${m.email.split("@")[0]})`,
    email: m.email,
    token: m.token,
    canVerify: m.email !== TEST_ACCOUNTS.contributor.email && m.email !== PRIYA,
  }));
  const auth = (c: Client) => ({ authorization: `Bearer ${c.token}` });
  const admin = clients[6]!;

  const imported = await request.post("/api/programs/import", { headers: auth(admin), data: fixture(slug) });
  expect(imported.status(), await imported.text()).toBe(201);
  const boundary = (await fetchProgramLog(request, slug, auth(admin))).at(-1)!.seq; // the import's last entry

  const outcomes: Outcome[] = [];
  const transitionIds: number[] = [];
  async function write(c: Client, op: Outcome["op"], target: string, method: string, url: string, sent: Record<string, unknown>, headers: Record<string, string> = {}) {
    const res = await request.fetch(url, { method, headers: { ...auth(c), ...headers }, data: sent });
    const text = await res.text();
    const body = text ? JSON.parse(text) : {};
    outcomes.push({ client: c.name, op, target, status: res.status(), body, sent });
    if (op === "transition" && res.status() === 201) transitionIds.push(body.id);
    return res.status();
  }
  const readVersion = async (c: Client, key: string) => (await (await request.get(`/api/programs/${slug}/items/${key}`, { headers: auth(c) })).json()).version as number;

  // Round 1: all eight read A's version, then all eight PATCH it at once — exactly one may win.
  const seen = await Promise.all(clients.map((c) => readVersion(c, "A")));
  expect(new Set(seen).size).toBe(1);
  const race = await Promise.all(
    clients.map((c, i) =>
      write(c, "patch", "A", "PATCH", `/api/programs/${slug}/items/A`, { title: `A by ${c.name}` }, { "if-match": `"${seen[i]}"` }),
    ),
  );
  expect(race.filter((s) => s === 200).length, `PATCH race: ${race.join(",")}`).toBe(1);
  expect(race.filter((s) => s === 409).length).toBe(7);

  // Round 2: each client does a random mix, versions read earlier and kept (some go stale).
  await Promise.all(
    clients.map(async (c, index) => {
      const rnd = mulberry32(1000 + index);
      const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
      const versions = new Map<string, number>();
      for (const key of KEYS) versions.set(key, await readVersion(c, key));
      for (let k = 0; k < OPS_PER_CLIENT; k++) {
        const r = rnd();
        const key = pick(KEYS);
        const tag = `${c.name} op ${k}`;
        if (r < 0.35) {
          const kind = pick(["design", "design", "build", "down", "done"] as const);
          const body =
            kind === "build"
              ? { to: "build", note: tag, evidence: [{ kind: "design_doc", url: `https://docs.example/${index}/${k}`, summary: tag }] }
              : kind === "down"
                ? { to: "not_started", note: `${tag}: back to the start` }
                : kind === "done"
                  ? { to: "done", note: tag } // no deployment evidence: the gate refuses it (422)
                  : { to: "design", note: tag, evidence: rnd() < 0.5 ? [] : [{ kind: "other", url: `https://notes.example/${index}/${k}`, summary: tag }] };
          await write(c, "transition", key, "POST", `/api/programs/${slug}/items/${key}/transitions`, body);
        } else if (r < 0.6) {
          const status = await write(c, "patch", key, "PATCH", `/api/programs/${slug}/items/${key}`, {
            version: versions.get(key),
            title: `${key} retitled by ${tag}`,
            estimateWeeks: 1 + Math.floor(rnd() * 8),
          });
          // After a win or a loss a client may re-read (a fresh version) or keep the old one (stale).
          if (status === 200 || rnd() < 0.5) versions.set(key, await readVersion(c, key));
        } else if (r < 0.8) {
          const other = pick(KEYS.filter((x) => x !== key));
          await write(c, "dependency", `${key}->${other}`, "POST", `/api/programs/${slug}/items/${key}/dependencies`, { dependsOn: other });
        } else if (c.canVerify && transitionIds.length > 0) {
          const id = pick(transitionIds);
          await write(c, "verify", String(id), "POST", `/api/programs/${slug}/transitions/${id}/verify`, { note: tag });
        } else {
          await write(c, "transition", key, "POST", `/api/programs/${slug}/items/${key}/transitions`, { to: "design", note: tag });
        }
      }
    }),
  );

  // Every answer is an acceptance or a 409/422 refusal; nothing else.
  const byStatus = outcomes.reduce<Record<number, number>>((m, o) => ((m[o.status] = (m[o.status] ?? 0) + 1), m), {});
  const unexpected = outcomes.filter((o) => ![200, 201, 409, 422].includes(o.status));
  expect(unexpected, JSON.stringify(unexpected.slice(0, 5))).toEqual([]);
  for (const o of outcomes.filter((x) => x.status >= 400)) {
    expect(typeof o.body.detail, `${o.op} ${o.target}`).toBe("string");
    if (o.op === "patch") expect(o.status, "a PATCH is only refused as stale").toBe(409);
  }

  // The history.
  const headers = auth(admin);
  const log = await fetchProgramLog(request, slug, headers);
  const accepted = outcomes.filter((o) => o.status === 200 || o.status === 201);
  let lost = 0;
  for (const o of accepted) {
    const found =
      o.op === "transition"
        ? log.some((e) => e.entity === "transition" && e.action === "create" && Number(e.entityId) === o.body.id && e.payload.note === o.sent.note)
        : o.op === "verify"
          ? log.some((e) => e.entity === "transition" && e.action === "verify" && e.entityId === o.target && e.payload.note === o.sent.note)
          : o.op === "patch"
            ? log.some((e) => e.entity === "item" && e.action === "update" && e.entityId === o.target && e.payload.version === o.body.version && e.payload.title === o.sent.title)
            : log.some((e) => e.entity === "dependency" && e.action === "add" && e.entityId === o.target);
    if (!found) lost++;
    expect(found, `accepted ${o.op} ${o.target} by ${o.client} is not in the log`).toBe(true);
  }
  // Nothing in the log that no client was told about: one entry per accepted write, no more.
  expect(log.filter((e) => e.seq > boundary).length).toBe(accepted.length);

  // Final state = replay of the log.
  const bundle = await (await request.get(`/api/programs/${slug}/bundle`, { headers })).json();
  const replayed = replayLog(log);
  expect(replayed.items).toEqual(bundle.items);
  expect(replayed.transitions).toEqual(bundle.transitions);
  // And each item's version counts its accepted edits.
  for (const key of KEYS) {
    const edits = accepted.filter((o) => o.op === "patch" && o.target === key).length;
    expect(await readVersion(admin, key), key).toBe(1 + edits);
  }
  const verdict = await (await request.get("/api/audit/verify", { headers })).json();
  expect(verdict.ok).toBe(true);

  const count = (op: Outcome["op"]) => {
    const of = outcomes.filter((o) => o.op === op);
    const codes = of.reduce<Record<number, number>>((m, o) => ((m[o.status] = (m[o.status] ?? 0) + 1), m), {});
    return `${op}: ${of.length} (${Object.entries(codes).map(([s, n]) => `${n}×${s}`).join(", ")})`;
  };
  const refused = outcomes.length - accepted.length;
  const figures = {
    clients: clients.length,
    writesAttempted: outcomes.length,
    accepted: accepted.length,
    refused,
    refusedByCode: Object.fromEntries(Object.entries(byStatus).filter(([s]) => Number(s) >= 400)),
    lost,
    byOperation: (["transition", "patch", "dependency", "verify"] as const).map(count),
  };
  fs.mkdirSync(path.join("tests", ".tmp"), { recursive: true });
  fs.writeFileSync(path.join("tests", ".tmp", isPostgresUrl() ? "concurrency-figures-postgres.json" : "concurrency-figures.json"), JSON.stringify(figures, null, 2));
  test.info().annotations.push({ type: "figures", description: JSON.stringify(figures) });
  console.log(`concurrency: ${JSON.stringify(figures)}`);
  expect(lost).toBe(0);
});
