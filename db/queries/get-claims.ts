import { and, eq } from "drizzle-orm";
import { evaluateClaims } from "@/lib/claims/evaluate-claims";
import { verdictHistory } from "@/lib/claims/verdict-history";
import { AppError } from "@/lib/errors";
import type { Db } from "../index";
import { claims } from "../schema";
import { loadClaims } from "./load-claims";
import { loadSnapshot } from "./load-snapshot";
import { memoByHead } from "./memo-by-head";

/** Every claim of a program with its three verdicts at (asOf, knownAt). */
export function getClaims(db: Db, slug: string, asOf: number, knownAt: number) {
  const snapshot = loadSnapshot(db, slug, asOf, knownAt);
  const { program, items } = snapshot;
  const records = loadClaims(db, program.id);
  const claims = memoByHead(db, `claims:${slug}:${asOf}:${knownAt}`, () => evaluateClaims(records, items, asOf, knownAt, program.factsUntil));
  return { program, snapshot, records, claims };
}

/** One claim with its verdicts, its verdict history and the version to edit it. */
export function getClaimDetail(db: Db, slug: string, id: string, asOf: number, knownAt: number) {
  const all = getClaims(db, slug, asOf, knownAt);
  const index = all.records.findIndex((c) => c.id === id);
  if (index < 0) throw new AppError("not_found", `no claim "${id}" in program "${slug}"`);
  const record = all.records[index]!;
  const row = db
    .select({ version: claims.version })
    .from(claims)
    .where(and(eq(claims.programId, all.program.id), eq(claims.claimKey, id)))
    .get()!;
  const items = new Map(all.snapshot.items.map((i) => [i.key, i]));
  return {
    ...all.claims[index]!,
    version: row.version,
    links: all.claims[index]!.links,
    history: verdictHistory(record.date, record.links, items, asOf, knownAt),
  };
}
