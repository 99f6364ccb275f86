import type { ReportArtefact } from "@/lib/report/report-model";
import { formatDateOrInstant } from "@/lib/time";
import type { Db } from "../index";
import { rawAll } from "../raw-sql";
import { memoByHead } from "./memo-by-head";

/**
 * The ingested artefacts behind a program's figures at `cutoff`: the sources of the latest signal
 * of each item and metric measured by then. A report cites them by digest, so each figure it
 * shows can be traced to the bytes it was read from.
 */
export async function loadReportArtefacts(db: Db, programId: number, cutoff: number): Promise<ReportArtefact[]> {
  return await memoByHead(db, `report-artefacts:${programId}:${cutoff}`, async () => await readReportArtefacts(db, programId, cutoff));
}

type ArtefactFile = { name: string; sha256: string };

async function readReportArtefacts(db: Db, programId: number, cutoff: number): Promise<ReportArtefact[]> {
  // Grouped by the source's primary key, so PostgreSQL takes its other columns as they are.
  const rows = await rawAll<{ kind: string; files: string | ArtefactFile[]; tool: string; measuredAt: number; signals: number }>(
    db,
    `SELECT s.kind, s.files, s.tool, s.measured_at AS "measuredAt", COUNT(*) AS signals
       FROM signals g
       JOIN items i ON i.id = g.item_id
       JOIN signal_sources s ON s.id = g.source_id
      WHERE i.program_id = ? AND g.measured_at <= ?
        AND NOT EXISTS (
          SELECT 1 FROM signals h
           WHERE h.item_id = g.item_id AND h.metric = g.metric AND h.measured_at <= ?
             AND (h.measured_at > g.measured_at OR (h.measured_at = g.measured_at AND h.id > g.id)))
      GROUP BY s.id
      ORDER BY s.measured_at, s.id`,
    programId,
    cutoff,
    cutoff,
  );
  return rows.map((r) => ({
    kind: r.kind,
    // SQLite gives the JSON column as text; PostgreSQL's json column arrives parsed.
    files: (typeof r.files === "string" ? (JSON.parse(r.files) as ArtefactFile[]) : r.files).map((f) => ({ name: f.name, sha256: f.sha256 })),
    tool: r.tool,
    measuredAt: formatDateOrInstant(r.measuredAt),
    signals: r.signals,
  }));
}
