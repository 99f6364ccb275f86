import type { Db } from "../index";
import { OWNED_FROM, OWNED_SINCE } from "./my-work-sql";

/** An item a person owns now, with when it became theirs (from the log; null when the log does not say). */
export interface OwnedItemRow {
  program: string;
  programName: string;
  item: string;
  title: string;
  ownedSince: number | null;
}

/** The items `person` owns now, in every program (the items_owner index). */
export async function listOwnedItems(db: Db, person: { id: number; email: string }): Promise<OwnedItemRow[]> {
  const rows = db.$client
    .prepare(
      `SELECT pr.slug AS program, pr.name AS programName, i.key AS item, i.title AS title, ${OWNED_SINCE} AS ownedSince
       ${OWNED_FROM}`,
    )
    .all({ me: person.id, email: person.email }) as (Omit<OwnedItemRow, "ownedSince"> & { ownedSince: string | null })[];
  return rows.map((r) => ({ ...r, ownedSince: r.ownedSince === null ? null : Date.parse(r.ownedSince) }));
}
