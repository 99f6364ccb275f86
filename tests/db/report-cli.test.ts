/**
 * The report commands as cron runs them against a temporary SQLite file. Byte-identical
 * regeneration of the sealed report is checked across two time zones and two locales, in separate
 * processes, and against the test process itself; only the draft stamp, outside the seal, names
 * when each file was generated (in UTC). Refusals, checks and publishing run the same command table
 * in the test's own process (tsx needs seconds to start each one).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importBundle } from "@/db/import-bundle";
import { openDatabase } from "@/db/index";
import { getWeeklyReport } from "@/db/queries/get-weekly-report";
import { readReportFile } from "@/lib/report/read-report-file";
import { renderReportCsv } from "@/lib/report/render-csv";
import { renderReportJson } from "@/lib/report/render-json";
import { trackerInProcess } from "../support/cli-in-process";
import { NODE, trackerArgs } from "../support/tsx-command";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-report-cli-"));
const dbFile = path.join(dir, "tracker.db");
const FORMATS = ["md", "csv", "json"] as const;
const ZONES = [
  { TZ: "Pacific/Kiritimati", LANG: "de_DE.UTF-8", LC_ALL: "de_DE.UTF-8" },
  { TZ: "America/Los_Angeles", LANG: "tr_TR.UTF-8", LC_ALL: "tr_TR.UTF-8" },
] as const;

function tracker(args: string[], extraEnv: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: dbFile, TRACKER_SEED: "none", ...extraEnv };
  delete env.TRACKER_ACTOR;
  const r = spawnSync(NODE, trackerArgs(args), { cwd: ROOT, env, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const inProcess = (args: string[]) => trackerInProcess(dbFile, args);

beforeAll(async () => {
  const db = await openDatabase(dbFile);
  await importBundle(db, JSON.parse(fs.readFileSync(path.join(ROOT, "db/seed/boost-offload.json"), "utf8")), { actor: null });
  db.$client.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("tracker report", () => {
  it("gives byte-identical sealed Markdown, CSV and JSON under two time zones and locales, stamped in UTC", async () => {
    const out: Record<string, Buffer>[] = ZONES.map((zone, z) => {
      const files: Record<string, Buffer> = {};
      for (const format of FORMATS) {
        const file = path.join(dir, `w52-${z}.${format}`);
        const r = tracker(["report", "boost-offload", "--week", "2024-W52", "--format", format, "--out", file], zone);
        expect(r.stderr).toContain(`wrote ${file}`);
        expect(r.code).toBe(0);
        files[format] = fs.readFileSync(file);
      }
      return files;
    });
    const sealed = (file: Buffer) => readReportFile(file.toString("utf8"))!;
    for (const format of FORMATS) {
      expect(out[0]![format]!.length).toBeGreaterThan(1000);
      expect(sealed(out[1]![format]!).comparable).toBe(sealed(out[0]![format]!).comparable);
      for (const files of out) expect(sealed(files[format]!).stamp).toMatch(/^Draft generated on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC — not published$/);
    }
    // And the same sealed bytes as this process makes (another TZ again, a later time of day).
    const db = await openDatabase(dbFile);
    try {
      const { report, markdown } = await getWeeklyReport(db, "boost-offload", "2024-W52");
      expect(sealed(out[0]!.md!).comparable).toBe(markdown);
      expect(sealed(out[0]!.csv!).comparable).toBe(readReportFile(renderReportCsv(report))!.comparable);
      expect(sealed(out[0]!.json!).comparable).toBe(readReportFile(renderReportJson(report, null))!.comparable);
    } finally {
      db.$client.close();
    }
    expect(out[0]!.md!.toString()).toContain("**Done (verified): 0 of 64 items**");
  });

  it("writes Markdown to stdout by default, whole even through a pipe", () => {
    const r = tracker(["report", "boost-offload", "--week", "2024-W52", "--format", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ week: "2024-W52", headline: { done: 0, total: 64 } });
  });

  it("refuses a malformed or future week, an unknown format or program, with one line and a non-zero exit", async () => {
    for (const [args, message] of [
      [["--week", "2024-W60"], /^error: "2024-W60" is not an ISO week: must be an ISO week YYYY-Www/],
      [["--week", "2999-W01"], /^error: 2999-W01 is in the future: its cutoff 2999-01-06T23:59:59.999Z has not passed yet/],
      [["--week", "2024-W52", "--format", "docx"], /^error: --format must be one of md, csv, json, pdf, xlsx/],
      [[], /^error: --week YYYY-Www is required/],
    ] as const) {
      const r = await inProcess(["report", "boost-offload", ...args]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
    const unknown = await inProcess(["report", "nope", "--week", "2024-W52"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe('error: no program "nope"');
  });
});

describe("tracker verify-report", () => {
  it("accepts an untouched file and rejects one with one changed figure", async () => {
    const file = path.join(dir, "w52-0.md");
    const ok = await inProcess(["verify-report", file]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("digest OK: boost-offload 2024-W52 (Markdown)");
    expect(ok.stdout).toContain("MATCHES the history");

    const changed = path.join(dir, "changed.md");
    fs.writeFileSync(changed, fs.readFileSync(file, "utf8").replace("Inflated (reported ahead of the evidence): 11", "Inflated (reported ahead of the evidence): 1"));
    const bad = await inProcess(["verify-report", changed]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("DIGEST MISMATCH: boost-offload 2024-W52 (Markdown) was changed after it was generated");
    expect(bad.stderr).toContain("DIFFERS from the history");
    expect(bad.stderr).toMatch(/^ {2}- +\d+: - Inflated \(reported ahead of the evidence\): 1$/m);
    expect(bad.stderr).toMatch(/^ {2}\+ +\d+: - Inflated \(reported ahead of the evidence\): 11$/m);
  });

  it("checks CSV and JSON files too", async () => {
    for (const ext of ["csv", "json"]) {
      const r = await inProcess(["verify-report", path.join(dir, `w52-1.${ext}`)]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("MATCHES the history");
    }
  });

  it("refuses a file that is no report, a directory, a device or a binary, with one line", async () => {
    const binary = path.join(dir, "binary.md");
    fs.writeFileSync(binary, Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28]));
    for (const [file, message] of [
      [path.join(ROOT, "package.json"), /^error: this is not a tracker report/],
      [dir, /^error: cannot read .*: not a regular file$/],
      ["/dev/zero", /^error: cannot read \/dev\/zero: not a regular file$/],
      [path.join(dir, "missing.md"), /^error: cannot read .*: no such file$/],
      [binary, /^error: .* is not UTF-8 text: not a tracker report$/],
    ] as const) {
      const r = await inProcess(["verify-report", file]);
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr.trim()).toMatch(message);
    }
  });
});

describe("tracker publish", () => {
  it("publishes a week once, and refuses the second time with one line", async () => {
    const first = await inProcess(["publish", "boost-offload", "--week", "2024-W52"]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^published boost-offload 2024-W52: markdown sha256 [0-9a-f]{64}/);
    const sha256 = /sha256 ([0-9a-f]{64})/.exec(first.stdout)![1]!;
    // The published file is stamped, and verify-report finds the publication it names.
    const file = path.join(dir, "published.md");
    expect((await inProcess(["report", "boost-offload", "--week", "2024-W52", "--out", file])).code).toBe(0);
    expect(fs.readFileSync(file, "utf8").split("\n")[0]).toMatch(new RegExp(`^> \\*\\*Published version — published on .* UTC, by cli, sha256 ${sha256}\\*\\*$`));
    const verified = await inProcess(["verify-report", file]);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain("stamp: Published version — published on ");
    expect(verified.stdout).toContain(`publication OK: the tracker published 2024-W52 on `);
    const second = await inProcess(["publish", "boost-offload", "--week", "2024-W52"]);
    expect(second.code).toBe(1);
    expect(second.stderr.trim()).toMatch(/^error: 2024-W52 of "boost-offload" was already published on \d{4}-\d{2}-\d{2} by cli; a published week is never replaced$/);
    const log = await inProcess(["verify-log"]);
    expect(log.code).toBe(0);
  });
});
