/**
 * The layer rules are only worth having if the lint actually refuses a crossing. These lint small
 * sources as if they lived at the given paths, with the project's own eslint.config.mjs.
 */
import fs from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The probes exist only as text, so the type-aware rules (which need the file in the TypeScript
// project) are off for them; the layer rules need no types. The last test lints a real file.
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: { "@typescript-eslint/no-floating-promises": "off", "@typescript-eslint/no-misused-promises": "off" },
  },
});

async function ruleIds(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe("the lint keeps the layers pointing one way", () => {
  it("refuses lib/ importing db/, next or react", async () => {
    for (const source of ['import { db } from "@/db/client";', 'import { db } from "../db/client";', 'import { redirect } from "next/navigation";', 'import { useState } from "react";']) {
      expect(await ruleIds("lib/probe.ts", `${source}\nexport const x = [${source.match(/\{ (\w+) \}/)![1]}];\n`), source).toContain("no-restricted-imports");
    }
  });

  it("refuses lib/ doing I/O: files, processes, threads, the network", async () => {
    for (const source of ['import { readFileSync } from "node:fs";', 'import { spawn } from "node:child_process";', 'import { Worker } from "node:worker_threads";', 'import { tmpdir } from "node:os";', 'import { request } from "node:https";']) {
      expect(await ruleIds("lib/probe.ts", `${source}\nexport const x = [${source.match(/\{ (\w+) \}/)![1]}];\n`), source).toContain("no-restricted-imports");
    }
    // Pure parts of Node stay allowed: hashing, paths, address parsing.
    expect(await ruleIds("lib/probe.ts", 'import { createHash } from "node:crypto";\nimport { isIP } from "node:net";\nexport const x = [createHash, isIP];\n')).toEqual([]);
  });

  it("lets lib/ import lib/ and db/ import lib/", async () => {
    expect(await ruleIds("lib/probe.ts", 'import { STATUSES } from "./status";\nexport const x = STATUSES;\n')).toEqual([]);
    expect(await ruleIds("db/probe.ts", 'import { STATUSES } from "@/lib/status";\nexport const x = STATUSES;\n')).toEqual([]);
  });

  it("refuses components/ importing from app/", async () => {
    const code = 'import { signIn } from "@/app/_actions/auth";\nexport const x = signIn;\n';
    expect(await ruleIds("components/probe.tsx", code)).toContain("no-restricted-imports");
  });

  it("refuses a type imported as a value, and a delete or update without where", async () => {
    expect(await ruleIds("lib/probe.ts", 'import { Status } from "./status";\nexport type X = Status;\n')).toContain(
      "@typescript-eslint/consistent-type-imports",
    );
    const db = 'import { db } from "./client";\nimport { items } from "./schema";\nexport const f = () => [db.delete(items), db.update(items).set({ title: "x" })];\n';
    expect(await ruleIds("db/probe.ts", db)).toEqual(expect.arrayContaining(["drizzle/enforce-delete-with-where", "drizzle/enforce-update-with-where"]));
  });

  it("refuses a promise nobody awaits, and one handed where a plain callback is expected", async () => {
    const file = path.join(process.cwd(), "scripts", `probe-floating-${process.pid}.ts`);
    fs.writeFileSync(
      file,
      [
        "async function save(): Promise<void> {}",
        "export function forgets(): void {",
        "  save();",
        "}",
        "export function hands(): void {",
        "  [1].forEach(async () => {",
        "    await save();",
        "  });",
        "}",
        "export async function awaits(): Promise<void> {",
        "  await save();",
        "  void save();",
        "}",
        "",
      ].join("\n"),
    );
    try {
      const [result] = await new ESLint({ cwd: process.cwd() }).lintFiles([file]);
      expect(result!.messages.map((m) => [m.line, m.ruleId])).toEqual([
        [3, "@typescript-eslint/no-floating-promises"],
        [6, "@typescript-eslint/no-misused-promises"],
      ]);
    } finally {
      fs.rmSync(file, { force: true });
    }
  }, 60_000);
});

