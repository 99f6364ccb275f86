import { AppError } from "@/lib/errors";
import type { Db } from "../index";
import { getProgramOrThrow } from "./get-program-or-throw";

/**
 * An artefact ingested for the program or attached to its evidence, with the name it came under:
 * a 404 for any other digest, so a program's readers see only the files behind its own records.
 */
export async function findProgramArtefact(db: Db, slug: string, sha256: string): Promise<{ name: string; bytes: Buffer }> {
  const program = await getProgramOrThrow(db, slug);
  const row = /^[0-9a-f]{64}$/.test(sha256)
    ? (db.$client
        .prepare(
          `SELECT json_extract(f.value, '$.name') AS name, a.bytes AS bytes
             FROM signal_sources s, json_each(s.files) f JOIN artefacts a ON a.sha256 = json_extract(f.value, '$.sha256')
            WHERE s.program_id = ? AND a.sha256 = ?
           UNION ALL
           SELECT e.artefact_name AS name, a.bytes AS bytes
             FROM evidence e JOIN transitions t ON t.id = e.transition_id JOIN items i ON i.id = t.item_id
             JOIN artefacts a ON a.sha256 = e.artefact_sha256
            WHERE i.program_id = ? AND a.sha256 = ?
            LIMIT 1`,
        )
        .get(program.id, sha256, program.id, sha256) as { name: string; bytes: Buffer } | undefined)
    : undefined;
  if (!row) throw new AppError("not_found", `no artefact ${sha256} in program "${slug}"`);
  return row;
}
