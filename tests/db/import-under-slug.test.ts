import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exportBundle } from "@/db/export-bundle";
import { importBundle } from "@/db/import-bundle";
import { openDatabase } from "@/db/index";
import { verifyLog } from "@/db/verify-log";
import { problemResponse } from "@/lib/http/problem";
import { tinyValidBundle } from "../support/bundle-arbitrary";
import { trackerInProcess } from "../support/cli-in-process";
import { refusal } from "../support/refusal";

const SYSTEM = { actor: null };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-slug-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("importing a bundle under another slug", () => {
  it("refuses a slug in use with a free one to use instead, in the problem answer too", async () => {
    const db = await openDatabase(":memory:");
    const bundle = tinyValidBundle();
    await importBundle(db, bundle, SYSTEM);
    const e = await refusal(async () => await importBundle(db, bundle, { ...SYSTEM, dryRun: true }));
    expect(e.code).toBe("conflict");
    expect(e.extensions).toEqual({ suggestedSlug: `${bundle.program.slug}-2` });
    expect(e.errors[0]!.message).toContain(`such as "${bundle.program.slug}-2"`);
    expect(await problemResponse(e).json()).toMatchObject({ status: 409, suggestedSlug: `${bundle.program.slug}-2` });
  });

  it("imports the same bundle under the slug given, which exports as the original did", async () => {
    const db = await openDatabase(":memory:");
    const bundle = tinyValidBundle();
    await importBundle(db, bundle, SYSTEM);
    const summary = await importBundle(db, bundle, { ...SYSTEM, slug: "copy-of-it" });
    expect(summary.program).toBe("copy-of-it");
    const { program: original, ...rest } = await exportBundle(db, bundle.program.slug);
    const { program: copy, ...copyRest } = await exportBundle(db, "copy-of-it");
    expect(copy).toEqual({ ...original, slug: "copy-of-it" });
    expect(copyRest).toEqual(rest);
    expect((await verifyLog(db)).ok).toBe(true);
  });

  it("refuses a malformed slug by name, writing nothing", async () => {
    const db = await openDatabase(":memory:");
    const e = await refusal(async () => await importBundle(db, tinyValidBundle(), { ...SYSTEM, slug: "Not A Slug" }));
    expect(e.code).toBe("invalid");
    expect(e.errors).toEqual([{ path: "slug", message: expect.stringContaining("lower-case letters") }]);
  });

  it("the CLI takes --slug", async () => {
    const file = path.join(dir, "bundle.json");
    fs.writeFileSync(file, JSON.stringify(tinyValidBundle()));
    const db = path.join(dir, "cli.db");
    expect((await trackerInProcess(db, ["import", file])).code).toBe(0);
    const again = await trackerInProcess(db, ["import", file, "--slug", "second-copy"]);
    expect(again.stdout).toContain('imported program "second-copy"');
  });
});
