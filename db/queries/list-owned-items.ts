import type { Db } from "../index";
import { rawAll } from "../raw-sql";
import { myWorkSqlOn } from "./my-work-sql";

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
  const { OWNED_SINCE, OWNED_FROM } = myWorkSqlOn(db);
  const rows = await rawAll<Omit<OwnedItemRow, "ownedSince"> & { ownedSince: string | null }>(
    db,
    `SELECT pr.slug AS program, pr.name AS "programName", i.key AS item, i.title AS title, ${OWNED_SINCE} AS "ownedSince"
     ${OWNED_FROM}`,
    { me: person.id, email: person.email },
  );
  return rows.map((r) => ({ ...r, ownedSince: r.ownedSince === null ? null : Date.parse(r.ownedSince) }));
}
