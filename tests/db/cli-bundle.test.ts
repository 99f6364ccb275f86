import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliBundle } from "../../scripts/cli-bundle.mjs";
import { NODE, trackerArgs } from "../support/tsx-command";

type Stamp = { builtAt: number; inputs: string[] };

const ROOT = path.resolve(import.meta.dirname, "../..");
let outDir = "";
const stampFile = () => path.join(outDir, "inputs.json");
const readStamp = (): Stamp => JSON.parse(fs.readFileSync(stampFile(), "utf8")) as Stamp;
const writeStamp = (stamp: Stamp) => fs.writeFileSync(stampFile(), JSON.stringify(stamp));

// Inside the project: the packages the bundle leaves out resolve from its node_modules.
beforeAll(() => {
  fs.mkdirSync(path.join(ROOT, "tests", ".tmp"), { recursive: true });
  outDir = fs.mkdtempSync(path.join(ROOT, "tests", ".tmp", "cli-bundle-"));
});
afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

describe("the CLI's bundle", () => {
  it("is built from the project's sources, and only from them", async () => {
    const main = (await cliBundle(outDir)) as string;
    expect(fs.statSync(main).size).toBeGreaterThan(0);
    const { inputs } = readStamp();
    expect(inputs).toContain("scripts/tracker.ts");
    expect(inputs).toContain("db/boot.ts");
    expect(inputs.filter((file) => file.startsWith("node_modules/"))).toEqual([]);
  });

  it("is not built again while no source changed", async () => {
    const before = readStamp().builtAt;
    await cliBundle(outDir);
    expect(readStamp().builtAt).toBe(before);
  });

  it("is built again when a source is newer than it", async () => {
    const stamp = readStamp();
    const sourceTime = fs.statSync(path.join(ROOT, "lib/errors.ts")).mtimeMs;
    writeStamp({ ...stamp, builtAt: sourceTime - 1 });
    await cliBundle(outDir);
    expect(readStamp().builtAt).toBeGreaterThan(sourceTime);
  });

  it("is built again when a source it was built from is gone", async () => {
    const stamp = readStamp();
    writeStamp({ ...stamp, inputs: [...stamp.inputs, "lib/no-such-file.ts"] });
    await cliBundle(outDir);
    expect(readStamp().inputs).not.toContain("lib/no-such-file.ts");
  });

  it("runs the CLI as npm run tracker does: usage on help, a one-line reason and exit 1 on an unknown command", () => {
    const help = spawnSync(NODE, trackerArgs(["help"]), { cwd: ROOT, encoding: "utf8" });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm run tracker -- <command>/);
    expect(help.stdout).toContain("verify-log");
    const unknown = spawnSync(NODE, trackerArgs(["no-such-command"]), { cwd: ROOT, encoding: "utf8" });
    expect(unknown.status).toBe(1);
    expect(unknown.stderr.trim().split("\n")).toEqual(['error: unknown command "no-such-command" (try: npm run tracker -- help)']);
  });

  it("run directly, is the tracker CLI and nothing it bundles (a bundled script does not take over)", async () => {
    const main = (await cliBundle(outDir)) as string;
    const help = spawnSync(NODE, [main, "--help"], { cwd: ROOT, encoding: "utf8" });
    expect(help.stderr).toBe("");
    expect(help.stdout).toMatch(/^usage: npm run tracker -- <command>/);
  });
});
