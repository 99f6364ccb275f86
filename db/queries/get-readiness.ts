import { horizonMark } from "@/lib/evidence-horizon";
import { fillJsonSlotBytes, JSON_SLOT, textOfChunks, utf8Bytes } from "@/lib/json-slot";
import { readinessOf, type ReadinessOfSnapshot } from "@/lib/readiness/compute-readiness";
import { limitReadinessLists, type ReadinessListLimit } from "@/lib/readiness/limit-lists";
import type { Db } from "../index";
import { loadSnapshot } from "./load-snapshot";
import { memoByHead, weighBytes } from "./memo-by-head";

async function compute(db: Db, slug: string, asOf: number, knownAt: number, previous?: ReadinessOfSnapshot): Promise<ReadinessOfSnapshot> {
  const snapshot = await loadSnapshot(db, slug, asOf, knownAt);
  if (previous?.snapshot === snapshot) return previous;
  return { snapshot, readiness: readinessOf(snapshot, previous) };
}

/**
 * Readiness of a program at (asOf, knownAt): a pure function of its snapshot, memoised by log head;
 * after a write the answer before it lends what the write did not change (see readinessOf).
 */
export async function getReadiness(db: Db, slug: string, asOf: number, knownAt: number) {
  return (await memoByHead(
    db,
    `readiness:${slug}:${asOf}:${knownAt}`,
    async () => await compute(db, slug, asOf, knownAt),
    async (previous) => await compute(db, slug, asOf, knownAt, previous),
    (r) => r.readiness.total,
  )).readiness;
}

// The breaches are most of the answer (2 MB of its 2.2 at 10,000 items) and a write that records
// no signal keeps the same list (buildSnapshot): encode each list once.
const breachesBytes = new WeakMap<object, Uint8Array>();

/**
 * The readiness answer of the API as UTF-8 chunks, lists cut as `limit` says (limitReadinessLists), memoised
 * like the value: at 10,000 items encoding 2 MB on every request is what bounds readers'
 * throughput. Ends with the program's evidence horizon and whether asOf is past it (DESIGN §13).
 */
export async function getReadinessBytes(db: Db, slug: string, asOf: number, knownAt: number, limit: ReadinessListLimit): Promise<readonly Uint8Array[]> {
  return await memoByHead(db, `readiness-bytes:${slug}:${asOf}:${knownAt}:${limit}`, async () => {
    const answer = {
      ...limitReadinessLists(await getReadiness(db, slug, asOf, knownAt), limit),
      ...horizonMark((await loadSnapshot(db, slug, asOf, knownAt)).program.factsUntil, asOf),
    };
    const { breaches } = answer.quality;
    let bytes = breachesBytes.get(breaches);
    if (bytes === undefined) breachesBytes.set(breaches, (bytes = utf8Bytes(JSON.stringify(breaches))));
    return fillJsonSlotBytes(JSON.stringify({ ...answer, quality: { ...answer.quality, breaches: JSON_SLOT } }), [bytes]) ?? [utf8Bytes(JSON.stringify(answer))];
  }, undefined, weighBytes);
}

/** The readiness answer as JSON text (the CLI prints it). */
export async function getReadinessJson(db: Db, slug: string, asOf: number, knownAt: number, limit: ReadinessListLimit): Promise<string> {
  return textOfChunks(await getReadinessBytes(db, slug, asOf, knownAt, limit));
}
