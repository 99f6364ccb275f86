import { describe, expect, it } from "vitest";
import { validateBundle } from "@/lib/bundle/validate-bundle";
import { bundleCounts, DEFAULT_NOW, generateBundle } from "@/scripts/generate-bundle";

describe("synthetic program generator", () => {
  it.each([64, 1000])("makes a bundle of %i items that the real validator accepts", (size) => {
    const bundle = generateBundle({ items: size, seed: 42 });
    // Through JSON, as the importer receives it; "now" is the generator's today.
    const result = validateBundle(JSON.parse(JSON.stringify(bundle)), DEFAULT_NOW);
    expect(result.ok ? [] : result.errors.slice(0, 5)).toEqual([]);

    const c = bundleCounts(bundle);
    expect(c.items).toBe(size);
    expect(c.dependencies / size).toBeGreaterThan(1.6);
    expect(c.dependencies / size).toBeLessThan(2.4);
    expect(c.transitions / size).toBeGreaterThan(14);
    expect(c.transitions / size).toBeLessThan(26);
    expect(c.verified / c.transitions).toBeGreaterThan(0.5);
    expect(c.people).toBeGreaterThanOrEqual(Math.max(10, Math.round(size / 20)));
    expect(c.claims).toBeGreaterThanOrEqual(Math.max(5, Math.round(size / 50)));
    expect(c.signals).toBeGreaterThan(size);

    const areas = new Set(bundle.items!.map((i) => i.area));
    expect(areas.size).toBeGreaterThanOrEqual(8);
    expect(areas.size).toBeLessThanOrEqual(20);
    const owners = new Set(bundle.items!.map((i) => i.owner).filter(Boolean));
    expect(bundle.items!.some((i) => !i.owner)).toBe(true);
    expect(bundle.people!.some((p) => p.role === "reviewer" && !owners.has(p.email))).toBe(true);
    // Regressions with notes and backfills are part of the shape.
    const t = bundle.transitions!;
    expect(t.some((x) => x.note?.startsWith("Backfilled"))).toBe(true);
    expect(t.some((x) => x.note?.startsWith("Rolled back"))).toBe(true);
    expect(t.every((x) => (x.recordedAt ?? x.effectiveAt) <= new Date(DEFAULT_NOW).toISOString())).toBe(true);
  });

  it("is deterministic for a seed and differs between seeds", () => {
    const a = JSON.stringify(generateBundle({ items: 200, seed: 7 }));
    expect(JSON.stringify(generateBundle({ items: 200, seed: 7 }))).toBe(a);
    expect(JSON.stringify(generateBundle({ items: 200, seed: 8 }))).not.toBe(a);
  });

  it("refuses a size below one", () => {
    expect(() => generateBundle({ items: 0, seed: 1 })).toThrow(RangeError);
  });
});
