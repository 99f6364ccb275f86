import { asc, eq } from "drizzle-orm";
import type { ClaimRecord } from "@/lib/claims/evaluate-claims";
import type { Db } from "../index";
import { toClaimRecord } from "./claim-record";
import { keepUnlessTouched, memoByHead } from "./memo-by-head";
import { claimLinks, claims, items, type Program } from "../schema";

/** A program's claims with their links, by date: the same array until a claim of the program is written. */
export async function loadClaims(db: Db, program: Pick<Program, "id" | "slug">): Promise<ClaimRecord[]> {
  return await memoByHead(db, `claims:${program.id}`, async () => await readClaims(db, program.id), keepUnlessTouched(program.slug, ["claim"]));
}

async function readClaims(db: Db, programId: number): Promise<ClaimRecord[]> {
  const rows = await db.select().from(claims).where(eq(claims.programId, programId)).orderBy(asc(claims.date), asc(claims.id));
  const links = await db
    .select({ claimId: claimLinks.claimId, item: items.key, requires: claimLinks.requires })
    .from(claimLinks)
    .innerJoin(items, eq(claimLinks.itemId, items.id))
    .where(eq(items.programId, programId))
    .orderBy(asc(claimLinks.claimId), asc(claimLinks.position));
  return rows.map((c) =>
    toClaimRecord(
      c,
      links.filter((l) => l.claimId === c.id).map((l) => ({ item: l.item, requires: l.requires })),
    ),
  );
}
