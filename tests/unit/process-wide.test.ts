/**
 * Next gives each route and instrumentation.ts its own copy of a module; a cache the warm-up fills
 * and the routes read must be one value for the whole process.
 */
import { describe, expect, it, vi } from "vitest";

async function freshCopy() {
  vi.resetModules();
  return await import("@/lib/process-wide");
}

describe("processWide", () => {
  it("gives two copies of a module the same value under one name, made once", async () => {
    const name = `test:shared:${Math.random()}`;
    const make = vi.fn(() => new Map<string, number>());
    const a = (await freshCopy()).processWide(name, make);
    const b = (await freshCopy()).processWide(name, make);
    expect(b).toBe(a);
    expect(make).toHaveBeenCalledTimes(1);
    a.set("draws", 1);
    expect(b.get("draws")).toBe(1);
  });

  it("keeps values under different names apart", async () => {
    const { processWide } = await freshCopy();
    const a = processWide(`test:a:${Math.random()}`, () => ({ n: 1 }));
    const b = processWide(`test:b:${Math.random()}`, () => ({ n: 1 }));
    expect(b).not.toBe(a);
  });
});
