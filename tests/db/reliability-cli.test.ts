/**
 * The CLI: every command with bad arguments — files that are directories, system
 * files, paths with ../, empty, not JSON, not UTF-8, devices; unknown slugs, roles, e-mails, token
 * numbers; backups onto existing files; restores of files that are not tracker databases, of an
 * empty file, of a tampered backup — must exit non-zero with one "error: …" line first on stderr,
 * no stack trace, and leave the database exactly as it was (digest of every table).
 *
 * Each case runs on its own copy of one prepared database. The whole matrix runs in this process
 * through the CLI's own command table (exactly what scripts/tracker.ts's main does, minus
 * process.exit): tsx takes 1–3 s to start per process. A sample runs as real processes too.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tinyValidBundle } from "../support/bundle-arbitrary";
import { trackerInProcess } from "../support/cli-in-process";
import { dbDigest, type DbDigest } from "../support/db-digest";
import { NODE, trackerArgs } from "../support/tsx-command";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-hostile-cli-"));
const source = path.join(dir, "source.db");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function env(db: string): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: db, TRACKER_SEED: "none" };
  delete e.TRACKER_ACTOR;
  delete e.TRACKER_ADMIN_EMAIL;
  return e;
}

function tracker(db: string, args: string[], timeoutMs = 30_000): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(NODE, trackerArgs(args), { cwd: ROOT, env: env(db), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const file = (name: string, content: string | Buffer) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
};

let digest: DbDigest;
let backupFile = "";
let tamperedBackup = "";
let foreignDb = "";

beforeAll(async () => {
  const ok = async (...args: string[]) => {
    const r = await trackerInProcess(source, args);
    expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(0);
  };
  await ok("import", file("tiny.json", JSON.stringify(tinyValidBundle())));
  await ok("user", "add", "--email", "ops@example.org", "--name", "Ops", "--role", "admin", "--password", "correct horse battery");
  await ok("token", "create", "--email", "ops@example.org");
  backupFile = path.join(dir, "good.backup.db");
  await ok("backup", backupFile);
  // A backup someone edited: one payload changed, the append-only trigger dropped first.
  tamperedBackup = path.join(dir, "tampered.backup.db");
  fs.copyFileSync(backupFile, tamperedBackup);
  const t = new Database(tamperedBackup);
  t.exec("DROP TRIGGER audit_log_no_update");
  t.prepare("UPDATE audit_log SET payload = json_set(payload, '$.name', 'Rewritten') WHERE seq = 3").run();
  t.close();
  // A SQLite file that is not the tracker's.
  foreignDb = path.join(dir, "foreign.db");
  const f = new Database(foreignDb);
  f.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('hello')");
  f.close();
  // Fold the WAL into the file so plain copies are complete.
  const s = new Database(source);
  s.pragma("wal_checkpoint(TRUNCATE)");
  s.close();
  digest = dbDigest(source);
}, 60_000);

interface Case {
  name: string;
  args: () => string[];
  /** What the error line must say (besides starting with "error: "). */
  says?: RegExp;
  /** Files that must be byte-for-byte the same after the command. */
  untouched?: () => string[];
}

const nested = "[".repeat(10_000) + "]".repeat(10_000);

/** The tiny bundle with a lone 0xE9 byte (Latin-1 "é") in the program name: not UTF-8. */
function latin1Bundle(): string {
  const b = tinyValidBundle();
  b.program.slug = "tiny-latin1";
  b.program.name = "CAFE_PLACEHOLDER";
  const [head, tail] = JSON.stringify(b).split("CAFE_PLACEHOLDER");
  return file("latin1.json", Buffer.concat([Buffer.from(`${head}Caf`), Buffer.from([0xe9]), Buffer.from(tail!)]));
}
const CASES: Case[] = [
  { name: "import of a directory", args: () => ["import", dir], says: /not a regular file|EISDIR/ },
  { name: "import of /etc/passwd", args: () => ["import", "/etc/passwd"], says: /not valid JSON/ },
  { name: "import of a path climbing out with ../", args: () => ["import", path.relative(ROOT, "/") + "/../../../../etc/shadow-does-not-exist"], says: /cannot read/ },
  { name: "import of a 0-byte file", args: () => ["import", file("empty.json", "")], says: /not valid JSON/ },
  { name: "import of text that is not JSON", args: () => ["import", file("text.json", "format: offload-tracker/v1\n")], says: /not valid JSON/ },
  { name: "import of JSON that is not a bundle", args: () => ["import", file("array.json", "[1,2,3]")], says: /not a valid offload-tracker\/v1 bundle/ },
  { name: "import of 10,000 nested arrays", args: () => ["import", file("nested.json", nested)], says: /not a valid offload-tracker\/v1 bundle/ },
  { name: "import of a bundle with invalid UTF-8", args: () => ["import", latin1Bundle()], says: /UTF-8/ },
  { name: "import of a device that never ends", args: () => ["import", "/dev/zero"], says: /not a regular file/ },
  { name: "import of a missing file", args: () => ["import", path.join(dir, "missing.json")], says: /no such file/ },
  { name: "import with two files", args: () => ["import", "a.json", "b.json"], says: /expected one bundle file/ },
  { name: "import with an unknown flag", args: () => ["import", "a.json", "--force"], says: /Unknown option/ },
  { name: "export of an unknown slug", args: () => ["export", "no-such-program"], says: /no program "no-such-program"/ },
  { name: "export of an injected slug", args: () => ["export", "'; DROP TABLE items; --"], says: /no program/ },
  { name: "export --out onto a directory", args: () => ["export", "tiny", "--out", dir], says: /EISDIR|directory/ },
  { name: "user add with a bad role", args: () => ["user", "add", "--email", "x@example.org", "--name", "X", "--role", "superuser"], says: /must be one of viewer, contributor, reviewer, admin/ },
  { name: "user add with a bad e-mail", args: () => ["user", "add", "--email", "not-an-email", "--name", "X", "--role", "viewer"], says: /e-mail|email/ },
  { name: "user add without a name", args: () => ["user", "add", "--email", "x@example.org", "--role", "viewer"], says: /--name is required/ },
  { name: "user add of an existing e-mail", args: () => ["user", "add", "--email", "ops@example.org", "--name", "Ops", "--role", "viewer"], says: /exists|already/ },
  { name: "user set-role with a bad role", args: () => ["user", "set-role", "--email", "ops@example.org", "--role", "root"], says: /role: must be one of viewer, contributor, reviewer, admin/ },
  { name: "user with an unknown subcommand", args: () => ["user", "delete", "--email", "ops@example.org"], says: /user needs one of/ },
  { name: "token create for an unknown e-mail", args: () => ["token", "create", "--email", "ghost@example.org"], says: /no account/ },
  { name: "token revoke with a word", args: () => ["token", "revoke", "--id", "abc"], says: /token number/ },
  { name: "token revoke with a fraction", args: () => ["token", "revoke", "--id", "1.5"], says: /token number/ },
  { name: "token revoke with a negative number", args: () => ["token", "revoke", "--id", "-3"], says: /token number|ambiguous|argument/ },
  { name: "token revoke of an unknown number", args: () => ["token", "revoke", "--id", "999999"], says: /no token #999999/ },
  { name: "token revoke with SQL", args: () => ["token", "revoke", "--id", "1 OR 1=1"], says: /token number/ },
  { name: "generate with no items", args: () => ["generate", "--items", "0"], says: /--items must be a whole number/ },
  { name: "generate with a billion items", args: () => ["generate", "--items", "1e9"], says: /--items must be a whole number from 1 to 100000/ },
  { name: "generate --out onto a directory", args: () => ["generate", "--items", "2", "--out", dir], says: /EISDIR/ },
  { name: "generate --now that is no date", args: () => ["generate", "--items", "2", "--now", "2026-13-45"], says: /--now must be a date YYYY-MM-DD, not 2026-13-45/ },
  { name: "generate --now with a time", args: () => ["generate", "--items", "2", "--now", "2026-01-01T10:00"], says: /--now must be a date YYYY-MM-DD/ },
  { name: "report with an impossible week", args: () => ["report", "tiny", "--week", "2024-W99"], says: /not an ISO week/ },
  { name: "report with a path as the week", args: () => ["report", "tiny", "--week", "../../etc/passwd"], says: /not an ISO week/ },
  { name: "report of an unknown slug", args: () => ["report", "no-such-program", "--week", "2024-W10"], says: /no program/ },
  { name: "report in an unknown format", args: () => ["report", "tiny", "--week", "2024-W10", "--format", "exe"], says: /--format must be one of/ },
  { name: "report without a week", args: () => ["report", "tiny"], says: /--week YYYY-Www is required/ },
  { name: "publish of a future week", args: () => ["publish", "tiny", "--week", "2099-W01"], says: /in the future/ },
  { name: "publish of a bogus week", args: () => ["publish", "tiny", "--week", "'; DROP TABLE published_reports; --"], says: /not an ISO week/ },
  { name: "publish of an unknown slug", args: () => ["publish", "no-such-program", "--week", "2024-W10"], says: /no program/ },
  { name: "send of a week that is not published", args: () => ["send", "tiny", "--week", "2024-W10"], says: /not published: only a published week is sent/ },
  { name: "send of a future week", args: () => ["send", "tiny", "--week", "2099-W01"], says: /in the future/ },
  { name: "send of an unknown slug", args: () => ["send", "no-such-program", "--week", "2024-W10"], says: /no program/ },
  { name: "send without a week", args: () => ["send", "tiny"], says: /--week YYYY-Www is required/ },
  { name: "subscriptions add of an unknown kind", args: () => ["subscriptions", "add", "tiny", "--kind", "pager", "--target", "x@example.org"], says: /must be one of email, webhook, slack, teams/ },
  { name: "subscriptions add of a URL with a password", args: () => ["subscriptions", "add", "tiny", "--kind", "webhook", "--target", "https://u:p@hooks.example/x"], says: /must not hold a user name or password/ },
  { name: "subscriptions add of a file URL", args: () => ["subscriptions", "add", "tiny", "--kind", "slack", "--target", "file:///etc/passwd"], says: /https:\/\/ or http:\/\// },
  { name: "subscriptions remove of a word", args: () => ["subscriptions", "remove", "tiny", "--id", "1 OR 1=1"], says: /must be a subscription number/ },
  { name: "subscriptions remove of an unknown number", args: () => ["subscriptions", "remove", "tiny", "--id", "999999"], says: /no subscription #999999/ },
  { name: "subscriptions with an unknown subcommand", args: () => ["subscriptions", "purge", "tiny"], says: /subscriptions needs one of/ },
  { name: "feed-token of an unknown slug", args: () => ["feed-token", "rotate", "no-such-program"], says: /no program/ },
  { name: "feed-token with an unknown subcommand", args: () => ["feed-token", "show", "tiny"], says: /feed-token needs one of: rotate, off/ },
  { name: "verify-report of a directory", args: () => ["verify-report", dir], says: /not a regular file/ },
  { name: "verify-report of /etc/passwd", args: () => ["verify-report", "/etc/passwd"], says: /not a tracker report/ },
  { name: "verify-report of a 0-byte file", args: () => ["verify-report", file("empty.md", "")], says: /not a tracker report/ },
  { name: "verify-report of a device", args: () => ["verify-report", "/dev/zero"], says: /not a regular file/ },
  { name: "verify-log with an argument", args: () => ["verify-log", "--fix"], says: /takes no arguments|Unknown option/ },
  { name: "an unknown command", args: () => ["drop-database"], says: /unknown command/ },
  { name: "backup onto an existing file", args: () => ["backup", backupFile], says: /exists/, untouched: () => [backupFile] },
  { name: "backup onto the database itself", args: () => ["backup", "{db}"], says: /exists/ },
  { name: "backup without a file", args: () => ["backup"], says: /expected one target file/ },
  { name: "restore of a file that is not a database", args: () => ["restore", "/etc/passwd"], says: /not a tracker database/ },
  { name: "restore of an empty file", args: () => ["restore", file("empty.db", "")], says: /not a tracker database/ },
  { name: "restore of a SQLite file that is not the tracker's", args: () => ["restore", foreignDb], says: /not a tracker database/, untouched: () => [foreignDb] },
  { name: "restore of a tampered backup", args: () => ["restore", tamperedBackup], says: /does not verify at entry #3/, untouched: () => [tamperedBackup] },
  { name: "restore of a missing file", args: () => ["restore", path.join(dir, "nope.db")], says: /no such file/ },
  { name: "restore of a directory", args: () => ["restore", dir], says: /not a tracker database|directory/ },
];

/** Runs one case on a fresh copy of the prepared database. */
async function runCase(c: Case, i: number, how: "in-process" | "process") {
  const db = path.join(dir, `case-${how}-${i}.db`);
  fs.copyFileSync(source, db);
  const args = c.args().map((a) => a.replace("{db}", db));
  const untouched = [...(c.untouched?.() ?? []), ...(args.includes(db) ? [db] : [])];
  const before = new Map(untouched.map((f) => [f, fs.readFileSync(f)]));
  const run = how === "process" ? await tracker(db, args, 30_000) : await trackerInProcess(db, args);
  return { run, db, before };
}

function expectRefused(c: Case, r: Awaited<ReturnType<typeof runCase>>) {
  const what = `${c.name}: exit ${r.run.code}\n${r.run.stderr}`;
  expect(r.run.code, `${what} (null: the command hung and was killed)`).not.toBeNull();
  expect(r.run.code, what).not.toBe(0);
  const first = r.run.stderr.split("\n")[0]!;
  expect(first, what).toMatch(/^error: \S/);
  if (c.says) expect(first, what).toMatch(c.says);
  expect(r.run.stderr, what).not.toMatch(/^\s+at /m);
  expect(r.run.stdout, what).toBe("");
  expect(dbDigest(r.db).hash, `${c.name}: the database changed`).toBe(digest.hash);
  for (const [f, bytes] of r.before) expect(fs.readFileSync(f).equals(bytes), `${c.name}: ${f} changed`).toBe(true);
}

describe("the CLI refuses bad arguments: non-zero exit, one error line, no stack, database unchanged", () => {
  CASES.forEach((c, i) => {
    // /dev/zero would exhaust this process's memory if a guard ever went: only in a child.
    if (c.args().includes("/dev/zero")) return;
    it(c.name, async () => expectRefused(c, await runCase(c, i, "in-process")));
  });
});

describe("the same as real processes (a sample): exit code, first line, no stack, database unchanged", () => {
  const SAMPLE = ["import of a directory", "import of a device that never ends", "verify-report of a device", "restore of a tampered backup", "token revoke with a word", "an unknown command", "export of an unknown slug"];
  const results = new Map<string, Awaited<ReturnType<typeof runCase>>>();
  beforeAll(async () => {
    const cases = CASES.map((c, i) => ({ c, i })).filter(({ c }) => SAMPLE.includes(c.name));
    expect(cases.length).toBe(SAMPLE.length);
    const queue = [...cases];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) results.set(next.c.name, await runCase(next.c, next.i, "process"));
    };
    await Promise.all([worker(), worker(), worker()]);
  }, 120_000);
  for (const name of SAMPLE) it(name, () => expectRefused(CASES.find((c) => c.name === name)!, results.get(name)!));

  it("a database file that is not SQLite: refused in one line, the file left as it was", async () => {
    const text = file("notes.txt", "just some notes\n");
    const r = await tracker(text, ["verify-log"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr.split("\n")[0]).toMatch(/^error: .*not a database/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(fs.readFileSync(text, "utf8")).toBe("just some notes\n");
    expect(fs.existsSync(`${text}-wal`)).toBe(false);
  }, 30_000);
});
