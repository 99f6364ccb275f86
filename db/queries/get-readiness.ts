import { horizonMark } from "@/lib/evidence-horizon";
import { fillJsonSlotsBytes, jsonSlot, textOfChunks, utf8Bytes } from "@/lib/json-slot";
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

// The lists are most of the answer (2 MB of its 2.2 at 10,000 items with every breach) and a write
// leaves most of them as they were (the same arrays: buildSnapshot, readinessOf): each list is
// encoded once per cut, keyed by the whole list (a cut is a new array every time).
const encodedLists = new WeakMap<object, Map<number | null, Uint8Array>>();

function encodedCut(whole: readonly unknown[], limit: number | null, cut: readonly unknown[]): Uint8Array[] {
  let cuts = encodedLists.get(whole);
  if (cuts === undefined) encodedLists.set(whole, (cuts = new Map()));
  let bytes = cuts.get(limit);
  if (bytes === undefined) cuts.set(limit, (bytes = utf8Bytes(JSON.stringify(cut))));
  return [bytes];
}

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
    const withSlots = JSON.stringify({ ...answer, inflated: jsonSlot(0), blocked: jsonSlot(1), quality: { ...answer.quality, breaches: jsonSlot(2) } });
    const pieces = [
      encodedCut(whole.inflated, answer.listLimit, answer.inflated),
      encodedCut(whole.blocked, answer.listLimit, answer.blocked),
      encodedCut(whole.quality.breaches, answer.qualityListLimit, answer.quality.breaches),
    ];
    return fillJsonSlotsBytes(withSlots, pieces) ?? [utf8Bytes(JSON.stringify(answer))];
  }, undefined, weighBytes);
}

/** The readiness answer as JSON text (the CLI prints it). */
export async function getReadinessJson(db: Db, slug: string, asOf: number, knownAt: number, limit: ReadinessListLimit): Promise<string> {
  return textOfChunks(await getReadinessBytes(db, slug, asOf, knownAt, limit));
}
