import { transact } from "../transact";
import { firstRow } from "../first-row";
import { and, eq } from "drizzle-orm";
import { claimSchema } from "@/lib/bundle/bundle-schema";
import { claimProblems } from "@/lib/claims/check-claim";
import { AppError } from "@/lib/errors";
import { checkExpectedVersion } from "@/lib/http/expected-version";
import { toInstant } from "@/lib/time";
import { parseInput } from "@/lib/validations/parse-input";
import type { Db, Tx } from "../index";
import { appendToLog } from "../append-log";
import { getProgramOrThrow } from "../queries/get-program-or-throw";
import { claimLinks, claims, items } from "../schema";
import type { VersionedWriteArgs, WriteArgs } from "./write-args";

async function parseClaim(tx: Tx, programId: number, input: unknown, now: number) {
  const claim = parseInput(claimSchema, input, "claim");
  const date = toInstant(claim.date);
  const keyToId = new Map(
    (await tx.select({ id: items.id, key: items.key }).from(items).where(eq(items.programId, programId))).map((i) => [i.key, i.id]),
  );
  const problems = claimProblems({ date, links: claim.links }, new Set(keyToId.keys()), now);
  if (problems.length > 0) throw new AppError("invalid", "invalid claim", problems);
  return { claim, date, keyToId };
}

async function writeLinks(tx: Tx, claimId: number, links: { item: string; requires: string }[], keyToId: Map<string, number>) {
  await tx.delete(claimLinks).where(eq(claimLinks.claimId, claimId));
  if (links.length > 0)
    await tx.insert(claimLinks)
      .values(links.map((l, position) => ({ claimId, itemId: keyToId.get(l.item)!, requires: l.requires as never, position })));
}

/** Records a public claim with its links (admin). A link to an unknown item, a date in the future: 400. `input` is a `ClaimInput`. */
export type CreateClaimArgs = WriteArgs;

export async function createClaim(db: Db, { slug, input, actor, now = Date.now() }: CreateClaimArgs) {
  return await transact(db, async (tx) => {
    const program = await getProgramOrThrow(tx, slug);
    const { claim, date, keyToId } = await parseClaim(tx, program.id, input, now);
    const exists = await firstRow(tx.select({ id: claims.id }).from(claims).where(and(eq(claims.programId, program.id), eq(claims.claimKey, claim.id))));
    if (exists) throw new AppError("conflict", `a claim "${claim.id}" already exists`, [{ path: "id", message: "already used in this program" }]);
    const { id: claimKey, links, ...fields } = claim;
    const row = (await tx.insert(claims).values({ programId: program.id, claimKey, ...fields, date }).returning())[0];
    await writeLinks(tx, row.id, links, keyToId);
    await appendToLog(tx, { actor: actor.email, action: "create", entity: "claim", entityId: claimKey, programSlug: slug, payload: claim });
    return { id: claimKey, version: row.version };
  });
}

/** Replaces a claim's fields and links; the client's version must be current (409 otherwise). `input` is a `ClaimInput` with the `version` it was read at; its `id` is `claimKey`. */
export interface EditClaimArgs extends VersionedWriteArgs {
  claimKey: string;
}

export async function editClaim(db: Db, { slug, claimKey, input, expectedVersion, actor, now = Date.now() }: EditClaimArgs) {
  return await transact(db, async (tx) => {
    const program = await getProgramOrThrow(tx, slug);
    const current = await firstRow(tx.select().from(claims).where(and(eq(claims.programId, program.id), eq(claims.claimKey, claimKey))));
    if (!current) throw new AppError("not_found", `no claim "${claimKey}" in program "${slug}"`);
    const body = typeof input === "object" && input !== null ? (input as Record<string, unknown>) : {};
    checkExpectedVersion(`claim "${claimKey}"`, current.version, body.version, expectedVersion);
    const parsed = await parseClaim(tx, program.id, { ...body, id: claimKey }, now);
    const { date, keyToId } = parsed;
    // Optional prose added after the first API clients were written: an edit that leaves a field
    // out keeps what is stored, so an older client does not erase it.
    const claim = {
      ...parsed.claim,
      implies: body.implies === undefined ? current.implies : parsed.claim.implies,
      dateNote: body.dateNote === undefined ? current.dateNote : parsed.claim.dateNote,
    };
    const { id: _id, links, ...fields } = claim;
    const row = (await tx
      .update(claims)
      .set({ ...fields, date, version: current.version + 1 })
      .where(and(eq(claims.id, current.id), eq(claims.version, current.version)))
      .returning())[0];
    await writeLinks(tx, current.id, links, keyToId);
    await appendToLog(tx, { actor: actor.email, action: "update", entity: "claim", entityId: claimKey, programSlug: slug, payload: claim });
    return { id: claimKey, version: row!.version };
  });
}
