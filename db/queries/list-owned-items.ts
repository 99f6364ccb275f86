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
  /** Theirs since the item came into the tracker (imported or added): who owned it before is not recorded. */
  ownedFromCreation: boolean;
}

/** The items `person` owns now, in every program (the items_owner index). */
export async function listOwnedItems(db: Db, person: { id: number; email: string }): Promise<OwnedItemRow[]> {
  const { OWNED_SINCE, OWNED_FROM_CREATION, OWNED_FROM } = myWorkSqlOn(db);
  const rows = await rawAll<Omit<OwnedItemRow, "ownedSince" | "ownedFromCreation"> & { ownedSince: string | null; ownedFromCreation: boolean | number | null }>(
    db,
    `SELECT pr.slug AS program, pr.name AS "programName", i.key AS item, i.title AS title, ${OWNED_SINCE} AS "ownedSince",
            ${OWNED_FROM_CREATION} AS "ownedFromCreation"
     ${OWNED_FROM}`,
    { me: person.id, email: person.email },
  );
  // SQLite answers the comparison 1 or 0, PostgreSQL true or false.
  return rows.map((r) => ({ ...r, ownedSince: r.ownedSince === null ? null : Date.parse(r.ownedSince), ownedFromCreation: Boolean(r.ownedFromCreation) }));
}
