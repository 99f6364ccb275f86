import { asc, eq } from "drizzle-orm";
import type { ClaimRecord } from "@/lib/claims/evaluate-claims";
import type { Db } from "../index";
import { toClaimRecord } from "./claim-record";
import { memoByHead } from "./memo-by-head";
import { claimLinks, claims, items } from "../schema";

/** A program's claims with their links, by date. */
export function loadClaims(db: Db, programId: number): ClaimRecord[] {
  return memoByHead(db, `claims:${programId}`, () => readClaims(db, programId));
}

function readClaims(db: Db, programId: number): ClaimRecord[] {
  const rows = db.select().from(claims).where(eq(claims.programId, programId)).orderBy(asc(claims.date), asc(claims.id)).all();
  const links = db
    .select({ claimId: claimLinks.claimId, item: items.key, requires: claimLinks.requires })
    .from(claimLinks)
    .innerJoin(items, eq(claimLinks.itemId, items.id))
    .where(eq(items.programId, programId))
    .orderBy(asc(claimLinks.claimId), asc(claimLinks.position))
    .all();
  return rows.map((c) =>
    toClaimRecord(
      c,
      links.filter((l) => l.claimId === c.id).map((l) => ({ item: l.item, requires: l.requires })),
    ),
  );
}
