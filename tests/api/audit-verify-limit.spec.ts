/**
 * GET /api/audit/verify recomputes the whole hash chain, seconds on a long log, and any viewer may
 * call it. Parallel calls must not stall the server nor each start a run of their own: the check
 * runs off the request thread, one run at a time, and callers get the last verdict (with
 * `checking` and `checkedAt`) while a newer one is made. On a server of its own (port 3126) whose
 * log is grown to 200,000 entries (about 2 s of hashing here), on either database.
 */
import { execFile, spawnSync } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { ownPort, OwnServer, preparedDatabase } from "../support/own-server";
import { NODE, trackerArgs, tsxArgs } from "../support/tsx-command";

test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

const GROWN = 200_000;
let server: OwnServer;
let viewer: string;

interface Answer {
  ok: boolean | null;
  entries: number;
  head: string;
  firstBad: unknown;
  checking: boolean;
  checkedAt: string;
}

test.beforeAll(async () => {
  // A hook has the config's timeout, not the file's: growing 200,000 entries took past 60 s while
  // the other suites started beside it on two cores.
  test.setTimeout(180_000);
  const file = await preparedDatabase(`verify-limit-${Date.now()}`, process.env.TEST_PASSWORD ?? `pw-verify-limit-${Date.now()}`);
  // DATABASE_URL too: the script's tables are PostgreSQL's or SQLite's by it.
  const grown = spawnSync(NODE, tsxArgs("tests/support/grow-log.ts", [file, String(GROWN)]), { encoding: "utf8", env: { ...process.env, DATABASE_URL: file } });
  if (grown.status !== 0) throw new Error(`grow-log failed:\n${grown.stderr}`);
  server = await OwnServer.start({ port: ownPort(3126), databaseUrl: file });
  viewer = server.tokens().viewer;
});

test.afterAll(async () => {
  await server?.dispose();
});

async function timed(url: string, headers: Record<string, string> = {}) {
  const started = performance.now();
  const res = await fetch(`${server.baseURL}${url}`, { headers });
  const body = await res.json();
  return { status: res.status, body, ms: performance.now() - started };
}
const verify = () => timed("/api/audit/verify", { authorization: `Bearer ${viewer}` });

/** Asks until the answer is no longer behind the log. */
async function settled(): Promise<Answer> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { body } = await verify();
    if (body.checking !== true) return body;
    if (Date.now() > deadline) throw new Error(`the chain check never finished: ${JSON.stringify(body)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Another process writes to the log (the CLI adds an account: one entry), so the next check must
 * run again. Not spawnSync: a test process blocked for seconds reuses keep-alive sockets the
 * server closed meanwhile ("other side closed").
 */
async function writeFromAnotherProcess(n: number) {
  const args = trackerArgs(["user", "add", "--email", `extra${n}@test.example`, "--name", `Extra ${n}`, "--role", "viewer"]);
  await promisify(execFile)(NODE, args, { env: { ...process.env, DATABASE_URL: server.databaseUrl } });
}

test("audit verify does not block other requests while the chain is checked", async () => {
  const before = await settled();
  expect(before).toMatchObject({ ok: true, firstBad: null });
  expect(before.entries).toBeGreaterThan(GROWN);
  await writeFromAnotherProcess(1);

  const verifies = Array.from({ length: 10 }, () => verify());
  // While the chain is being checked, the server keeps answering. Proven by order, not by a
  // wall-clock bound (the machine may be saturated): a health answer followed by a verify that
  // still finds the check running was answered while the check ran. A check that held the event
  // loop would answer every request queued behind it only after it finished.
  const health: number[] = [];
  let answeredWhileChecking = 0;
  for (let i = 0; i < 10; i++) {
    const h = await timed("/api/health");
    expect(h.status).toBe(200);
    health.push(h.ms);
    const probe = await verify();
    if (probe.body.checking !== true) break;
    expect(probe.body.checkedAt, "the verdict served while checking is the last one").toBe(before.checkedAt);
    answeredWhileChecking++;
  }
  const answers = await Promise.all(verifies);
  test.info().annotations.push({
    type: "figures",
    description: `health ms: ${health.map(Math.round).join(", ")}; answered while checking: ${answeredWhileChecking}; verify ms: ${answers.map((a) => Math.round(a.ms)).join(", ")}`,
  });
  expect(answeredWhileChecking, "health answers followed by a verify that found the check still running").toBeGreaterThanOrEqual(2);
  for (const a of answers) {
    expect(a.status).toBe(200);
    // The last verdict, said to be behind the log: never an unchecked "ok", and never held until
    // the newer check is done.
    expect(a.body).toMatchObject({ ok: true, entries: before.entries, head: before.head, firstBad: null, checking: true, checkedAt: before.checkedAt });
  }

  const after = await settled();
  expect(after).toMatchObject({ ok: true, entries: before.entries + 1, firstBad: null });
  expect(after.checkedAt > before.checkedAt).toBe(true);
});

test("parallel audit verify requests share one chain run", async () => {
  const before = await settled();
  await writeFromAnotherProcess(2);
  const during = await Promise.all(Array.from({ length: 10 }, () => verify()));
  // One answer for all ten: the same verdict, checked at the same moment.
  expect(new Set(during.map((a) => a.body.checkedAt)).size).toBe(1);
  const after = await settled();
  expect(after).toMatchObject({ ok: true, entries: before.entries + 1 });

  // The log did not change since: ten more calls start no run (none says `checking`), they all
  // get that same verdict.
  const again = await Promise.all(Array.from({ length: 10 }, () => verify()));
  for (const a of again) expect(a.body).toEqual(after);
  expect(after.checkedAt).toEqual(expect.any(String));
});
