import type { Db } from "../index";
import { rawAll } from "../raw-sql";

/** Every area named by an item, of one program or of all, in order: the choices of an area filter. */
export async function listAreas(db: Db, program?: string): Promise<string[]> {
  const rows = await rawAll<{ area: string }>(
    db,
    `SELECT DISTINCT i.area AS area FROM items i JOIN programs pr ON pr.id = i.program_id
      WHERE CAST(@program AS text) IS NULL OR pr.slug = @program ORDER BY i.area`,
    { program: program ?? null },
  );
  return rows.map((r) => r.area);
}
