import { AppError } from "@/lib/errors";
import { isPostgres, type Db } from "../index";
import { rawGet } from "../raw-sql";
import { getProgramOrThrow } from "./get-program-or-throw";

// The files of a source, each with its name and digest: SQLite's json_each, PostgreSQL's
// json_array_elements over the json column.
const SOURCE_FILES = {
  sqlite: `SELECT json_extract(f.value, '$.name') AS name, a.bytes AS bytes
             FROM signal_sources s, json_each(s.files) f JOIN artefacts a ON a.sha256 = json_extract(f.value, '$.sha256')`,
  postgres: `SELECT f.value ->> 'name' AS name, a.bytes AS bytes
             FROM signal_sources s CROSS JOIN LATERAL json_array_elements(s.files) AS f(value)
             JOIN artefacts a ON a.sha256 = f.value ->> 'sha256'`,
};

const artefactSql = (files: string) => `${files}
            WHERE s.program_id = ? AND a.sha256 = ?
           UNION ALL
           SELECT e.artefact_name AS name, a.bytes AS bytes
             FROM evidence e JOIN transitions t ON t.id = e.transition_id JOIN items i ON i.id = t.item_id
             JOIN artefacts a ON a.sha256 = e.artefact_sha256
            WHERE i.program_id = ? AND a.sha256 = ?
            LIMIT 1`;
const ARTEFACT_SQL = { sqlite: artefactSql(SOURCE_FILES.sqlite), postgres: artefactSql(SOURCE_FILES.postgres) };

/**
 * An artefact ingested for the program or attached to its evidence, with the name it came under:
 * a 404 for any other digest, so a program's readers see only the files behind its own records.
 */
export async function findProgramArtefact(db: Db, slug: string, sha256: string): Promise<{ name: string; bytes: Buffer }> {
  const program = await getProgramOrThrow(db, slug);
  const row = /^[0-9a-f]{64}$/.test(sha256)
    ? await rawGet<{ name: string; bytes: Buffer }>(db, ARTEFACT_SQL[isPostgres(db) ? "postgres" : "sqlite"], program.id, sha256, program.id, sha256)
    : undefined;
  if (!row) throw new AppError("not_found", `no artefact ${sha256} in program "${slug}"`);
  return row;
}
