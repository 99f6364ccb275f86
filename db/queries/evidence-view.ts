import { firstRow } from "../first-row";
import { eq } from "drizzle-orm";
import { parseJunit, type JunitSummary } from "@/lib/artefacts/junit";
import { AppError } from "@/lib/errors";
import type { Db } from "../index";
import { artefacts, type evidence } from "../schema";

type EvidenceRow = typeof evidence.$inferSelect;

/**
 * Evidence as readers get it: the link, the attached file by name, digest and size, and for a test
 * report whose file is JUnit XML its totals. The totals are read from the stored bytes each time,
 * so they are always those of the logged digest; a file that is not JUnit shows no summary.
 */
export async function evidenceView(db: Db, rows: readonly EvidenceRow[]) {
  const summaries = new Map<string, JunitSummary | null>();
  const junitOf = async (sha256: string) => {
    if (!summaries.has(sha256)) summaries.set(sha256, await readJunit(db, sha256));
    return summaries.get(sha256)!;
  };
  return Promise.all(rows.map(async (e) => {
    const size = e.artefactSha256 === null ? 0 : await sizeOf(db, e.artefactSha256);
    return {
      kind: e.kind,
      url: e.url,
      summary: e.summary,
      fleetPercent: e.fleetPercent,
      artefact: e.artefactSha256 === null ? null : { name: e.artefactName ?? "", sha256: e.artefactSha256, size },
      junit: e.kind === "test_report" && e.artefactSha256 !== null ? await junitOf(e.artefactSha256) : null,
    };
  }));
}

async function sizeOf(db: Db, sha256: string): Promise<number> {
  return (await firstRow(db.select({ size: artefacts.size }).from(artefacts).where(eq(artefacts.sha256, sha256))))?.size ?? 0;
}

async function readJunit(db: Db, sha256: string): Promise<JunitSummary | null> {
  const row = await firstRow(db.select({ bytes: artefacts.bytes }).from(artefacts).where(eq(artefacts.sha256, sha256)));
  if (!row) return null;
  try {
    return parseJunit(new TextDecoder("utf-8", { fatal: true }).decode(row.bytes));
  } catch (e) {
    // Not UTF-8 (TypeError) or not JUnit (AppError): kept and shown as a plain file.
    if (e instanceof AppError || e instanceof TypeError) return null;
    throw e;
  }
}
