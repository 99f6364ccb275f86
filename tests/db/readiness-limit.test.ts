import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { importBundle } from "@/db/import-bundle";
import { openDatabase, type Db } from "@/db/index";
import { getReadiness, getReadinessJson } from "@/db/queries/get-readiness";
import { loadSnapshot } from "@/db/queries/load-snapshot";
import { horizonMark } from "@/lib/evidence-horizon";
import type { Readiness } from "@/lib/readiness/compute-readiness";
import { limitReadinessLists, QUALITY_LIST_DEFAULT } from "@/lib/readiness/limit-lists";
import { generateBundle } from "../../scripts/generate-bundle";

const countsOf = (r: Readiness) => ({ inflated: r.inflated.length, blocked: r.blocked.length, breaches: r.quality.breaches.length, unowned: r.quality.unowned.length });

describe("readiness lists cut to a limit", () => {
  let r: Readiness;
  let db: Db;
  let slug: string;
  let now: number;
  beforeAll(async () => {
    db = await openDatabase(":memory:");
    const bundle = generateBundle({ items: 80, seed: 5 });
    await importBundle(db, bundle, { actor: null });
    slug = bundle.program.slug;
    now = Date.now();
    r = await getReadiness(db, slug, now, now);
  });

  it("encodes the answer as its plain JSON, byte for byte, whatever limits were asked for before", async () => {
    const { program } = await loadSnapshot(db, slug, now, now);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.nat(30), fc.constant("all" as const), fc.constant(null)), { minLength: 1, maxLength: 6 }), async (limits) => {
        for (const limit of limits)
          expect(await getReadinessJson(db, slug, now, now, limit)).toBe(JSON.stringify({ ...limitReadinessLists(r, limit), ...horizonMark(program.factsUntil, now) }));
      }),
      { numRuns: 30 },
    );
  });

  it("keeps the first N of every list and the whole counts", () => {
    expect(r.blocked.length).toBeGreaterThan(3);
    expect(r.quality.breaches.length).toBeGreaterThan(3);
    fc.assert(
      fc.property(fc.nat(100), (limit) => {
        const cut = limitReadinessLists(r, limit);
        expect(cut.listLimit).toBe(limit);
        expect(cut.qualityListLimit).toBe(limit);
        expect(cut.blocked).toEqual(r.blocked.slice(0, limit));
        expect(cut.inflated).toEqual(r.inflated.slice(0, limit));
        expect(cut.quality).toEqual({ breaches: r.quality.breaches.slice(0, limit), unowned: r.quality.unowned.slice(0, limit) });
        expect(cut.counts).toEqual(countsOf(r));
      }),
    );
  });

  it("with no limit keeps inflated and blocked whole and cuts the quality lists at 1,000; all cuts nothing", () => {
    // Lists of any length on both sides of the default cut.
    const big = fc.nat(2 * QUALITY_LIST_DEFAULT).map((n) => Array.from({ length: n }, (_, i) => i));
    fc.assert(
      fc.property(big, big, big, big, (inflated, blocked, breaches, unowned) => {
        const wide: Readiness = {
          ...r,
          inflated: inflated.map((n) => ({ key: `K-${n}`, reported: "done", true: "build" })),
          blocked: blocked.map((n) => `K-${n}`),
          quality: { breaches: breaches.map((n) => ({ ...r.quality.breaches[0]!, value: n })), unowned: unowned.map((n) => `K-${n}`) },
        };
        const byDefault = limitReadinessLists(wide, null);
        expect(byDefault.inflated).toEqual(wide.inflated);
        expect(byDefault.blocked).toEqual(wide.blocked);
        expect(byDefault.quality.breaches).toEqual(wide.quality.breaches.slice(0, QUALITY_LIST_DEFAULT));
        expect(byDefault.quality.unowned).toEqual(wide.quality.unowned.slice(0, QUALITY_LIST_DEFAULT));
        expect(byDefault.counts).toEqual(countsOf(wide));
        expect([byDefault.listLimit, byDefault.qualityListLimit]).toEqual([null, QUALITY_LIST_DEFAULT]);
        expect(limitReadinessLists(wide, "all")).toEqual({ ...wide, counts: countsOf(wide), listLimit: null, qualityListLimit: null });
      }),
      { numRuns: 30 },
    );
  });
});
