/**
 * Soak: the CLI import SIGKILLed again and again at random moments of a large
 * import — early in its transaction, late, after the commit — on one database that keeps every
 * earlier result. After each kill: integrity ok, chain ok, the program all there or absent.
 * SOAK_KILLS (default 12) kills; SOAK_ITEMS (default 2000) items per bundle.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, it } from "vitest";
import { generateBundle } from "@/scripts/generate-bundle";
import { trackerInProcess } from "../support/cli-in-process";
import { checkAfterCrash, killImportMidway } from "../support/kill-import";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const KILLS = Number(process.env.SOAK_KILLS ?? 12);
const ITEMS = Number(process.env.SOAK_ITEMS ?? 2000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-soak-kill-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it(`${KILLS} SIGKILLs at random moments of ${ITEMS}-item CLI imports`, async () => {
  const db = path.join(dir, "soak.db");
  expect((await trackerInProcess(db, ["user", "list"])).code).toBe(0);
  const outcomes: Record<string, number> = {};
  for (let k = 0; k < KILLS; k++) {
    const bundle = generateBundle({ items: ITEMS, seed: 500 + k, slug: `soak-kill-${k}` });
    const file = path.join(dir, `bundle-${k}.json`);
    fs.writeFileSync(file, JSON.stringify(bundle));
    // Spread the kills from the moment the WAL starts to grow to 2 s later: a 2,000-item import
    // commits about 1.5–2 s after that here, so most kills land inside its transaction, the last
    // ones around or after the commit.
    const extraDelayMs = Math.floor(((k * 7919) % 9) * 250);
    const kill = await killImportMidway({ root: ROOT, databaseFile: db, bundleFile: file, walGrowthBytes: 256 * 1024, extraDelayMs });
    const after = await checkAfterCrash(db, bundle);
    const outcome = kill.killed ? `killed, ${after.program}` : `finished (exit ${kill.exitCode}), ${after.program}`;
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    console.log(`kill ${k + 1}/${KILLS}: +${extraDelayMs} ms after the WAL grew: ${outcome}`);
    expect(after.integrity).toBe("ok");
    expect(after.chain.ok, JSON.stringify(after.chain.firstBad)).toBe(true);
    expect(["absent", "complete"], after.program).toContain(after.program);
    fs.rmSync(file);
  }
  console.log(`soak kill-import: ${JSON.stringify(outcomes)}`);
});
