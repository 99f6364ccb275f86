import { inArray } from "drizzle-orm";
import { parseJunit, type JunitSummary } from "@/lib/artefacts/junit";
import { AppError } from "@/lib/errors";
import type { Db } from "../index";
import { artefacts, type evidence } from "../schema";

type EvidenceRow = typeof evidence.$inferSelect;

/**
 * Evidence as readers get it: the link, the attached file by name, digest and size, and for a test
 * report whose file is JUnit XML its totals. The totals are read from the stored bytes each time,
 * so they are always those of the logged digest; a file that is not JUnit shows no summary. One
 * query for every file's size and one for the test reports' bytes, whatever the number of rows;
 * the views come in the order of `rows`.
 */
export async function evidenceViews(db: Db, rows: readonly EvidenceRow[]) {
  const digests = new Set<string>();
  const reports = new Set<string>();
  for (const e of rows) {
    if (e.artefactSha256 === null) continue;
    digests.add(e.artefactSha256);
    if (e.kind === "test_report") reports.add(e.artefactSha256);
  }
  const sizes = new Map<string, number>();
  if (digests.size > 0)
    for (const a of await db.select({ sha256: artefacts.sha256, size: artefacts.size }).from(artefacts).where(inArray(artefacts.sha256, [...digests])))
      sizes.set(a.sha256, a.size);
  const junit = new Map<string, JunitSummary | null>();
  if (reports.size > 0)
    for (const a of await db.select({ sha256: artefacts.sha256, bytes: artefacts.bytes }).from(artefacts).where(inArray(artefacts.sha256, [...reports])))
      junit.set(a.sha256, junitOf(a.bytes));
  return rows.map((e) => ({
    kind: e.kind,
    url: e.url,
    summary: e.summary,
    fleetPercent: e.fleetPercent,
    artefact: e.artefactSha256 === null ? null : { name: e.artefactName ?? "", sha256: e.artefactSha256, size: sizes.get(e.artefactSha256) ?? 0 },
    junit: e.kind === "test_report" && e.artefactSha256 !== null ? (junit.get(e.artefactSha256) ?? null) : null,
  }));
}

function junitOf(bytes: Uint8Array): JunitSummary | null {
  try {
    return parseJunit(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (e) {
    // Not UTF-8 (TypeError) or not JUnit (AppError): kept and shown as a plain file.
    if (e instanceof AppError || e instanceof TypeError) return null;
    throw e;
  }
}
