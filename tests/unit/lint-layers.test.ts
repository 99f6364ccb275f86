/**
 * The layer rules are only worth having if the lint actually refuses a crossing. These lint small
 * sources as if they lived at the given paths, with the project's own eslint.config.mjs.
 */
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

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
});
