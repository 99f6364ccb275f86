import fs from "node:fs";
import path from "node:path";
import type { ArtefactKind } from "@/lib/artefacts/artefact-types";
import type { Db } from "../index";
import { ingestArtefacts } from "../mutations/ingest-artefacts";

export const DEMO_ARTEFACTS_DIR = path.join("db", "seed", "artefacts");

// After the demo's last typed signals (2026-10-19): the ingested figures are its latest.
const MEASURED_AT = "2026-11-16";
const DEMO_FILES: [ArtefactKind, string][] = [
  ["coverage", "lcov.info"],
  ["cargo", path.join("openvmm", "Cargo.lock")],
  ["crashes", "crash-buckets.csv"],
];

/**
 * Ingests the demo's artefacts into the freshly loaded demo program, through the same function as
 * the Ingest page, so its quality figures carry their provenance. Recorded a moment apart, in the
 * order listed, by "demo seed".
 */
export async function ingestDemoArtefacts(db: Db, slug: string, now = Date.now()): Promise<number> {
  let signals = 0;
  for (const [i, [kind, file]] of DEMO_FILES.entries()) {
    const content = fs.readFileSync(path.join(/*turbopackIgnore: true*/ process.cwd(), DEMO_ARTEFACTS_DIR, file), "utf8");
    const input = { files: [{ name: path.basename(file), content }], measuredAt: MEASURED_AT };
    signals += (await ingestArtefacts(db, { slug, kind, input, actor: { id: null, label: "demo seed" }, dryRun: false, now: now + i })).figures.length;
  }
  return signals;
}
