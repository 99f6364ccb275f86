import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importBundle } from "@/db/import-bundle";
import { openDatabase } from "@/db/index";
import { getReadiness } from "@/db/queries/get-readiness";
import { limitReadinessLists } from "@/lib/readiness/limit-lists";
import { generateBundle } from "../../scripts/generate-bundle";

describe("readiness lists cut to a limit", () => {
  it("keeps the first N of every list and the whole counts; no limit changes nothing", () => {
    const db = openDatabase(":memory:");
    const bundle = generateBundle({ items: 80, seed: 5 });
    importBundle(db, bundle, { actor: null });
    const now = Date.now();
    const r = getReadiness(db, bundle.program.slug, now, now);
    expect(r.blocked.length).toBeGreaterThan(3);
    expect(r.quality.breaches.length).toBeGreaterThan(3);
    fc.assert(
      fc.property(fc.nat(100), (limit) => {
        const cut = limitReadinessLists(r, limit);
        expect(cut.listLimit).toBe(limit);
        expect(cut.blocked).toEqual(r.blocked.slice(0, limit));
        expect(cut.inflated).toEqual(r.inflated.slice(0, limit));
        expect(cut.quality).toEqual({ breaches: r.quality.breaches.slice(0, limit), unowned: r.quality.unowned.slice(0, limit) });
        expect(cut.counts).toEqual({ inflated: r.inflated.length, blocked: r.blocked.length, breaches: r.quality.breaches.length, unowned: r.quality.unowned.length });
      }),
    );
    expect(limitReadinessLists(r, null)).toEqual({ ...r, counts: limitReadinessLists(r, 0).counts, listLimit: null });
  });
});
