import { inArray } from "drizzle-orm";
import { parseJunit, type JunitSummary } from "@/lib/artefacts/junit";
import { processWide } from "@/lib/process-wide";
import type { Db } from "../index";
import { artefacts, type evidence } from "../schema";

type EvidenceRow = typeof evidence.$inferSelect;

/**
 * Evidence as readers get it: the link, the attached file by name, digest and size, and for a test
 * report whose file is JUnit XML its totals. The totals are read from the stored bytes, once a
 * digest in a process: a digest names its bytes, so its totals never change, and a large report
 * takes seconds to read (re-reading it on every view after any write held every other request up).
 * A file that is not JUnit shows no summary. One query for every file's size and one for the bytes
 * of the test reports not read yet, whatever the number of rows; the views come in the order of `rows`.
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
  const unread: string[] = [];
  for (const sha256 of reports) {
    const known = JUNIT_READ.get(sha256);
    if (known === undefined) unread.push(sha256);
    else {
      junit.set(sha256, known);
      rememberJunit(sha256, known);
    }
  }
  if (unread.length > 0)
    for (const a of await db.select({ sha256: artefacts.sha256, bytes: artefacts.bytes }).from(artefacts).where(inArray(artefacts.sha256, unread))) {
      const summary = junitOf(a.bytes);
      junit.set(a.sha256, summary);
      rememberJunit(a.sha256, summary);
    }
  return rows.map((e) => ({
    kind: e.kind,
    url: e.url,
    summary: e.summary,
    fleetPercent: e.fleetPercent,
    artefact: e.artefactSha256 === null ? null : { name: e.artefactName ?? "", sha256: e.artefactSha256, size: sizes.get(e.artefactSha256) ?? 0 },
    junit: e.kind === "test_report" && e.artefactSha256 !== null ? (junit.get(e.artefactSha256) ?? null) : null,
  }));
}

/** Totals already read, by digest (null: not JUnit); the least recently read go first past the bound. */
const JUNIT_READ = processWide("junit-by-digest", () => new Map<string, JunitSummary | null>());
export const JUNIT_READ_AT_MOST = 4096;

function rememberJunit(sha256: string, summary: JunitSummary | null): void {
  JUNIT_READ.delete(sha256);
  JUNIT_READ.set(sha256, summary);
  while (JUNIT_READ.size > JUNIT_READ_AT_MOST) JUNIT_READ.delete(JUNIT_READ.keys().next().value!);
}

function junitOf(bytes: Uint8Array): JunitSummary | null {
  try {
    return parseJunit(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    // Not UTF-8, not JUnit, or XML no parser reads (nested too deep): the sender's file, kept and
    // shown as a plain one — a file must never take its item's page down.
    return null;
  }
}
