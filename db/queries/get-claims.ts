import { firstRow } from "../first-row";
import { and, eq } from "drizzle-orm";
import { claimsTouchedBy, evaluateClaims, type ClaimRecord, type EvaluatedClaim } from "@/lib/claims/evaluate-claims";
import type { ItemWithTransitions } from "@/lib/item-with-transitions";
import { verdictHistory } from "@/lib/claims/verdict-history";
import { AppError } from "@/lib/errors";
import type { Db } from "../index";
import { claims } from "../schema";
import { loadClaims } from "./load-claims";
import { loadSnapshot } from "./load-snapshot";
import { memoByHead } from "./memo-by-head";

interface Evaluated {
  records: readonly ClaimRecord[];
  items: readonly ItemWithTransitions[];
  factsUntil: number | null;
  claims: EvaluatedClaim[];
}

function evaluate(records: readonly ClaimRecord[], items: readonly ItemWithTransitions[], asOf: number, knownAt: number, factsUntil: number | null, previous?: Evaluated): Evaluated {
  if (previous && previous.records === records && previous.factsUntil === factsUntil && !claimsTouchedBy(records, previous.items, items))
    return previous.items === items ? previous : { ...previous, items };
  return { records, items, factsUntil, claims: evaluateClaims(records, items, asOf, knownAt, factsUntil) };
}

/**
 * Every claim of a program with its three verdicts at (asOf, knownAt), memoised by log head; a
 * write to no claim and to no item a claim links to keeps the verdicts.
 */
export async function getClaims(db: Db, slug: string, asOf: number, knownAt: number) {
  const snapshot = await loadSnapshot(db, slug, asOf, knownAt);
  const { program, items } = snapshot;
  const records = await loadClaims(db, program);
  const { claims } = await memoByHead(
    db,
    `claims:${slug}:${asOf}:${knownAt}`,
    () => evaluate(records, items, asOf, knownAt, program.factsUntil),
    (previous) => evaluate(records, items, asOf, knownAt, program.factsUntil, previous),
  );
  return { program, snapshot, records, claims };
}

/** One claim with its verdicts, its verdict history and the version to edit it. */
export async function getClaimDetail(db: Db, slug: string, id: string, asOf: number, knownAt: number) {
  const all = await getClaims(db, slug, asOf, knownAt);
  const index = all.records.findIndex((c) => c.id === id);
  if (index < 0) throw new AppError("not_found", `no claim "${id}" in program "${slug}"`);
  const record = all.records[index]!;
  const row = (await firstRow(db
    .select({ version: claims.version })
    .from(claims)
    .where(and(eq(claims.programId, all.program.id), eq(claims.claimKey, id)))
    ))!;
  const items = new Map(all.snapshot.items.map((i) => [i.key, i]));
  return {
    ...all.claims[index]!,
    version: row.version,
    links: all.claims[index]!.links,
    history: verdictHistory(record.date, record.links, items, asOf, knownAt),
  };
}
