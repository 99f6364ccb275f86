/**
 * The CLI (`npm run tracker -- …`, DESIGN §10) as a shell or cron job uses it: one real
 * process per command against a temporary SQLite file. Spawns are few (tsx starts in ~0.5–1 s).
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { toBundleJson } from "@/lib/bundle/to-bundle-json";
import { validateBundle } from "@/lib/bundle/validate-bundle";
import { generateBundle } from "@/scripts/generate-bundle";
import { TINY_LOG_ENTRIES, tinyValidBundle } from "../support/bundle-arbitrary";
import { NODE, trackerArgs } from "../support/tsx-command";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-cli-"));
const dbFile = path.join(dir, "tracker.db");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function tracker(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: dbFile, TRACKER_SEED: "none" };
  delete env.TRACKER_ACTOR;
  delete env.TRACKER_ADMIN_EMAIL;
  const result = spawnSync(NODE, trackerArgs(args), {
    cwd: ROOT,
    env,
    encoding: "utf8",
    timeout: 20_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function writeJson(name: string, value: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(value, null, 2));
  return file;
}

/** Every table's rows plus the schema: what "the database is unchanged" means to a user. */
function tableContents(): Record<string, unknown[]> {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    const out: Record<string, unknown[]> = { sqlite_master: db.prepare("SELECT * FROM sqlite_master ORDER BY name").all() };
    for (const { name } of tables) out[name] = db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all();
    return out;
  } finally {
    db.close();
  }
}

function serialized(): Buffer {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return Buffer.from(db.serialize());
  } finally {
    db.close();
  }
}

const firstLine = (text: string) => text.split("\n")[0]!;
const expectedExport = () => {
  const r = validateBundle(tinyValidBundle());
  if (!r.ok) throw new Error("tiny bundle invalid");
  return toBundleJson(r.bundle);
};

const cycleBundle = () => {
  const b = tinyValidBundle();
  b.program.slug = "tiny-bad";
  b.items[0]!.dependsOn = ["NET-02"];
  return b;
};

// The tests share one database file and run in order.
describe("tracker CLI", () => {
  it("imports a valid bundle into a fresh database", () => {
    const r = tracker("import", writeJson("tiny.json", tinyValidBundle()));
    expect(r.stderr).not.toMatch(/^error:/m);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^imported program "tiny": 4 items, 4 dependencies, 5 transitions \(4 verified\)/m);
  });

  it("exports the program as its normalized bundle, on stdout or to --out", () => {
    const r = tracker("export", "tiny");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(expectedExport());

    const out = path.join(dir, "out.json");
    const w = tracker("export", "tiny", "--out", out);
    expect(w.code).toBe(0);
    expect(fs.readFileSync(out, "utf8")).toBe(r.stdout);
  });

  it("does a dry run without writing", () => {
    const before = tableContents();
    const b = tinyValidBundle();
    b.program.slug = "tiny-dry";
    const r = tracker("import", writeJson("dry.json", b), "--dry-run");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^dry run, nothing written: would import program "tiny-dry": 4 items/m);
    expect(r.stdout).toContain("3 people (0 new)");
    expect(tableContents()).toEqual(before);
  });

  it("refuses a bundle that breaks a rule: non-zero exit, error: …, database unchanged", () => {
    const before = tableContents();
    const bytes = serialized();
    const r = tracker("import", writeJson("cycle.json", cycleBundle()));
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe("");
    expect(firstLine(r.stderr)).toMatch(/^error: /);
    expect(r.stderr).toContain("items[0].dependsOn: dependency cycle: FND-01 -> NET-02 -> NET-01 -> FND-01");
    expect(tableContents()).toEqual(before);
    expect(serialized().equals(bytes)).toBe(true);

    const dup = tracker("import", writeJson("dup.json", tinyValidBundle()));
    expect(dup.code).not.toBe(0);
    expect(firstLine(dup.stderr)).toMatch(/^error: .*"tiny" already exists/);
    expect(tableContents()).toEqual(before);
  });

  // "each prints a clear one-line error". The cycle must be named on the error line
  // itself, not only on a continuation line below a generic "it breaks the rules below".
  it("names the problem on the first line of a refused import", () => {
    const r = tracker("import", writeJson("cycle.json", cycleBundle()));
    expect(r.code).not.toBe(0);
    expect(firstLine(r.stderr)).toMatch(/^error: .*dependency cycle: FND-01 -> NET-02 -> NET-01 -> FND-01/);
  });

  it("refuses a missing file, a file that is not JSON, and an unknown command", () => {
    const missing = tracker("import", path.join(dir, "nope.json"));
    expect(missing.code).not.toBe(0);
    expect(firstLine(missing.stderr)).toMatch(/^error: .*no such file/);

    const garbage = path.join(dir, "garbage.json");
    fs.writeFileSync(garbage, "{ not json");
    const notJson = tracker("import", garbage);
    expect(notJson.code).not.toBe(0);
    expect(firstLine(notJson.stderr)).toMatch(/^error: .*not valid JSON/);

    const unknown = tracker("frobnicate");
    expect(unknown.code).not.toBe(0);
    expect(firstLine(unknown.stderr)).toMatch(/^error: unknown command "frobnicate"/);
  });

  it("a DATABASE_URL the tracker cannot open stops every command in one line, creating nothing", () => {
    for (const [url, reason] of [
      ["mysql://tracker:secret@db/tracker", /^error: DATABASE_URL "mysql:\/\/tracker:\*\*\*@db\/tracker" names no database the tracker runs on/],
      ["postgres://tracker:secret@127.0.0.1:9/tracker", /^error: cannot open the PostgreSQL database postgres:\/\/tracker:\*\*\*@127\.0\.0\.1:9\/tracker: connect ECONNREFUSED/],
    ] as const) {
      const result = spawnSync(NODE, trackerArgs(["verify-log"]), {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: url, TRACKER_SEED: "none" },
        encoding: "utf8",
        timeout: 20_000,
      });
      expect(result.status, url).not.toBe(0);
      expect(result.stderr.trim().split("\n"), url).toHaveLength(1);
      expect(result.stderr, url).toMatch(reason);
      expect(result.stderr).not.toContain("secret");
    }
    // Once taken for a path: a SQLite file under a folder named "mysql:" or "postgres:".
    expect(fs.readdirSync(ROOT).filter((f) => f.endsWith(":"))).toEqual([]);
  });

  it("verify-log reports the chain intact", () => {
    const r = tracker("verify-log");
    expect(r.code).toBe(0);
    // The first-run admin account, then the tiny program.
    expect(r.stdout).toMatch(new RegExp(`^log intact: ${1 + TINY_LOG_ENTRIES} entries, head [0-9a-f]{64}$`, "m"));
  });

  it("verify-log names the first bad entry after a row of the log was altered", () => {
    const db = new Database(dbFile);
    const { seq } = db.prepare("SELECT seq FROM audit_log WHERE entity = 'item' ORDER BY seq LIMIT 1").get() as { seq: number };
    db.exec("DROP TRIGGER audit_log_no_update");
    db.prepare("UPDATE audit_log SET payload = json_set(payload, '$.title', 'Done already') WHERE seq = ?").run(seq);
    db.close();

    const r = tracker("verify-log");
    expect(r.code).not.toBe(0);
    expect(r.stdout).not.toContain("log intact");
    expect(`${r.stdout}${r.stderr}`).toContain(`#${seq}`);
    expect(r.stderr).toMatch(new RegExp(`^log BROKEN at entry #${seq}: .*altered`, "m"));
  });

  it("stops quietly when the program reading its output stops early (`| head`)", async () => {
    const child = spawn(NODE, trackerArgs(["generate", "--items", "3000", "--seed", "1"]), { cwd: ROOT, env: { ...process.env, TRACKER_SEED: "none" } });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    // The first chunk read, the reader goes away.
    await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  }, 30_000);

  it("generates a synthetic bundle: the generator's bundle for the options given, compact or indented", () => {
    const now = Date.parse("2025-03-01T00:00:00Z");
    const expected = generateBundle({ items: 5, seed: "7", now, slug: "made-up" });
    const compact = tracker("generate", "--items", "5", "--seed", "7", "--now", "2025-03-01", "--slug", "made-up");
    expect(compact.code).toBe(0);
    expect(compact.stdout).toBe(`${JSON.stringify(expected)}\n`);
    expect(validateBundle(JSON.parse(compact.stdout)).ok).toBe(true);

    const out = path.join(dir, "generated.json");
    const pretty = tracker("generate", "--items", "5", "--seed", "7", "--now", "2025-03-01", "--slug", "made-up", "--pretty", "--out", out);
    expect(pretty.code).toBe(0);
    expect(pretty.stdout).toBe("");
    expect(pretty.stderr).toMatch(/^wrote .*generated\.json: \{"people":\d+,"items":5,/);
    expect(fs.readFileSync(out, "utf8")).toBe(`${JSON.stringify(expected, null, 2)}\n`);
  });
});
