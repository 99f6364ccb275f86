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
// no signal keeps the same list (buildSnapshot): encode each list once per cut, keyed by the
// whole list (a cut is a new array every time).
const breachesBytes = new WeakMap<object, Map<number | null, Uint8Array>>();

/**
 * The readiness answer of the API as UTF-8 chunks, lists cut as `limit` says (limitReadinessLists), memoised
 * like the value: at 10,000 items encoding 2 MB on every request is what bounds readers'
 * throughput. Ends with the program's evidence horizon and whether asOf is past it (DESIGN §13).
 */
export async function getReadinessBytes(db: Db, slug: string, asOf: number, knownAt: number, limit: ReadinessListLimit): Promise<readonly Uint8Array[]> {
  return await memoByHead(db, `readiness-bytes:${slug}:${asOf}:${knownAt}:${limit}`, async () => {
    const whole = await getReadiness(db, slug, asOf, knownAt);
    const answer = {
      ...limitReadinessLists(whole, limit),
      ...horizonMark((await loadSnapshot(db, slug, asOf, knownAt)).program.factsUntil, asOf),
    };
    const { breaches } = answer.quality;
    let cuts = breachesBytes.get(whole.quality.breaches);
    if (cuts === undefined) breachesBytes.set(whole.quality.breaches, (cuts = new Map()));
    let bytes = cuts.get(answer.qualityListLimit);
    if (bytes === undefined) cuts.set(answer.qualityListLimit, (bytes = utf8Bytes(JSON.stringify(breaches))));
    return fillJsonSlotBytes(JSON.stringify({ ...answer, quality: { ...answer.quality, breaches: JSON_SLOT } }), [bytes]) ?? [utf8Bytes(JSON.stringify(answer))];
  }, undefined, weighBytes);
}

/** The readiness answer as JSON text (the CLI prints it). */
export async function getReadinessJson(db: Db, slug: string, asOf: number, knownAt: number, limit: ReadinessListLimit): Promise<string> {
  return textOfChunks(await getReadinessBytes(db, slug, asOf, knownAt, limit));
}
